import IndstilSupport
import IndstilDocument

/// "Antal tegn" above the profile's limit (12.000 characters with spaces in Aarhus).
public struct TotalLengthCheck: Check {
    public let id = "length.total"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Indstillingen er længere end profilens grænse for antal tegn (med mellemrum)",
                                 en: "The document is longer than the profile's limit in characters (with spaces)")

    public var examples: [CheckExample] {
        let long = String(repeating: "Forsøget har vist, at lokalerne står tomme to ud af tre aftener i de fleste bydele. ", count: 150)
        return [
            .triggers("Et meget langt afsnit", ExampleDocument.byraad.replacingSection("4. Hvorfor fremsendes", body: long), line: 1),
            .passes("En kort indstilling", .byraad),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard var limit = context.profile.length else { return [] }
        if let configured = context.number("max_characters", for: id) { limit.maxCharacters = Int(configured) }
        let count = context.analyzed.limitedCharacterCount
        guard count > limit.maxCharacters else { return [] }
        let scope = limit.scope == .document ? "hele indstillingen" : "afsnittene"
        let scopeEN = limit.scope == .document ? "the whole document" : "the sections"
        return [diagnostic(
            "Antal tegn er \(DanishFormat.integer(count)) (\(scope), med mellemrum); grænsen er \(DanishFormat.integer(limit.maxCharacters)), så der skal skæres \(DanishFormat.integer(count - limit.maxCharacters)) tegn",
            "The character count is \(count) (\(scopeEN), with spaces); the limit is \(limit.maxCharacters), so \(count - limit.maxCharacters) characters must go",
            line: 1)]
    }
}
