/// A count with its noun in the right Danish number: "1 advarsel", "3 advarsler",
/// "0 advarsler" (Danish uses the plural for nought), the number grouped "12.246".
public enum DanishPlural {
    /// `one` for exactly 1 (and −1), `many` otherwise.
    public static func noun(_ count: Int, _ one: String, _ many: String) -> String {
        count.magnitude == 1 ? one : many
    }

    /// "1 advarsel", "2 advarsler", "12.246 tegn".
    public static func count(_ count: Int, _ one: String, _ many: String) -> String {
        "\(DanishFormat.integer(count)) \(noun(count, one, many))"
    }
}
