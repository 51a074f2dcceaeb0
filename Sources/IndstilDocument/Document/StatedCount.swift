/// A typed "Antal tegn" in a document: where the front matter keeps it. The Word reader writes
/// it there; `StatedCountCheck` compares it with the count indstil renders.
public enum StatedCount {
    /// The front-matter key a typed "Antal tegn" is kept under; every profile knows it.
    public static let frontMatterKey = "antal_tegn"
}
