import IndstilSupport
import IndstilDocument

extension ExampleDocument {
    /// The clean recommendation with lines added at the end of its front matter.
    func appendingFrontMatter(_ lines: [String]) -> ExampleDocument {
        var copy = self
        copy.frontMatter += lines
        return copy
    }
}
