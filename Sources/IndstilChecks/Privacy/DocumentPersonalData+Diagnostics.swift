import IndstilSupport
import IndstilDocument

extension DocumentPersonalData {
    /// The diagnostics of one `privacy.*` check: masked findings; a warning the front matter's
    /// `persondata_godkendt` accepts becomes a note saying so. The warnings are given in open
    /// documents only (a closed item is where a citizen's details belong).
    package static func diagnostics(_ rule: some Rule, kind: PersonalDataKind, in document: Document) -> [Diagnostic] {
        diagnostics(rule, kind: kind, in: document, shared: nil)
    }

    /// The same, the warnings' findings scanned once for all of them in `context`.
    package static func diagnostics(_ rule: some Rule, kind: PersonalDataKind, in context: CheckContext) -> [Diagnostic] {
        diagnostics(rule, kind: kind, in: context.document, shared: context.personalDataWarnings)
    }

    private static func diagnostics(_ rule: some Rule, kind: PersonalDataKind, in document: Document,
                                    shared: Once<[Located]>?) -> [Diagnostic] {
        let closed = isClosed(document)
        if kind != .cpr && closed { return [] }
        let accepted = PersonalDataAcceptance.entries(in: document.frontMatter)
        let none = Message(da: "", en: "")
        let found: [Located]
        if kind != .cpr, let shared {
            found = shared.value { findings(in: document, kinds: Set(PersonalDataKind.allCases).subtracting([.cpr])) }
                .filter { $0.finding.kind == kind }
        } else {
            found = findings(in: document, kind: kind)
        }
        return found.map { found in
            let diagnostic = PersonalDataScan.diagnostic(for: found.finding, place: none, isClosed: closed, inAttachment: false,
                                                         line: found.line, column: found.column)
            guard kind != .cpr, let entry = PersonalDataAcceptance.matching(accepted, check: kind.rawValue, subjects: found.finding.subjects) else {
                return diagnostic
            }
            let what = found.finding.describe(none, false)
            return Diagnostic(check: rule.id, severity: .note, message: Message(
                da: "Godkendt i front matter (persondata_godkendt, linje \(entry.line)): \(Self.firstClause(what.da)) — begrundelse: »\(entry.reason)«",
                en: "Accepted in the front matter (persondata_godkendt, line \(entry.line)): \(Self.firstClause(what.en)) — reason: \"\(entry.reason)\""),
                line: found.line, column: found.column)
        }
    }

    /// A message up to its advice (": en borgers …").
    static func firstClause(_ message: String) -> String {
        for marker in [": en borgers", ": a citizen's"] {
            if let range = message.range(of: marker) { return String(message[..<range.lowerBound]) }
        }
        return message
    }
}
