import IndstilSupport
import IndstilDocument

/// A section longer than its own limit in the profile (`max_characters`).
public struct SectionLengthCheck: Check {
    public let id = "length.section"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Et afsnit er længere end profilens grænse for afsnittet",
                                 en: "A section is longer than the profile's limit for it")

    public var examples: [CheckExample] { [] }  // shipped profiles set no per-section limits; see the tests

    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.analyzed.sections.enumerated().compactMap { index, match in
            guard let limit = match.spec?.maxCharacters else { return nil }
            let count = context.analyzed.characterCounts.characters { $0 == .section(index) }
            guard count > limit else { return nil }
            return diagnostic(
                "Afsnittet »\(match.section.title)« har \(DanishFormat.integer(count)) tegn; grænsen er \(DanishFormat.integer(limit))",
                "The section \"\(match.section.title)\" has \(count) characters; the limit is \(limit)",
                line: match.section.line)
        }
    }
}
