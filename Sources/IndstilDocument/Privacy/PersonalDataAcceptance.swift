import IndstilSupport

/// Reviewed personal data the author accepts in the document, in the front matter:
///
/// ```yaml
/// persondata_godkendt:
///   - tjek: privacy.name-address
///     tekst: "Anna Jensen"
///     begrundelse: "Klageren har selv bedt om at stå med navn og adresse"
/// ```
///
/// A warning of that check whose name, word or address is (or contains) `tekst` becomes a
/// note that says it was accepted and why. A CPR number in an open document cannot be
/// accepted. The key is every profile's (no profile has to declare it), is not counted in
/// "Antal tegn" and is not rendered.
public struct PersonalDataAcceptance: Sendable, Equatable {
    public static let frontMatterKey = "persondata_godkendt"

    public let check: String
    public let text: String
    public let reason: String
    public let line: Int

    /// The entries of a document's front matter that are complete and name a warning
    /// check; the others are `problems`.
    public static func entries(in frontMatter: YAMLValue) -> [PersonalDataAcceptance] {
        guard let value = frontMatter[frontMatterKey], case .sequence(let items) = value.content else { return [] }
        return items.compactMap { item in
            guard let check = item["tjek"]?.trimmedString, acceptable.contains(check),
                  let text = item["tekst"]?.trimmedString, !text.isEmpty,
                  let reason = item["begrundelse"]?.trimmedString, !reason.isEmpty else { return nil }
            return PersonalDataAcceptance(check: check, text: text, reason: reason, line: item.line)
        }
    }

    /// The checks an entry may name: the warnings, not `privacy.cpr`.
    static let acceptable: Set<String> = [PersonalDataKind.nameAddress.rawValue, PersonalDataKind.health.rawValue, PersonalDataKind.contact.rawValue]

    /// What is wrong with the key's value, each with its line (metadata.invalid-field reports these).
    package static func problems(in value: YAMLValue) -> [(path: String, reason: Message, line: Int, column: Int)] {
        let key = frontMatterKey
        guard case .sequence(let items) = value.content else {
            if value.isEmpty { return [] }
            return [(key, Message(da: "skal være en liste af godkendelser med »tjek«, »tekst« og »begrundelse«",
                                  en: "must be a list of acceptances with \"tjek\", \"tekst\" and \"begrundelse\""), value.line, value.column)]
        }
        var problems: [(path: String, reason: Message, line: Int, column: Int)] = []
        for (index, item) in items.enumerated() {
            let path = "\(key)[\(index + 1)]"
            guard case .mapping(let entries) = item.content else {
                problems.append((path, Message(da: "skal have »tjek«, »tekst« og »begrundelse«", en: "must have \"tjek\", \"tekst\" and \"begrundelse\""), item.line, item.column))
                continue
            }
            for field in ["tjek", "tekst", "begrundelse"] where item[field]?.trimmedString?.isEmpty ?? true {
                problems.append((path + "." + field, Message(da: "mangler", en: "is missing"), item.line, item.column))
            }
            if let check = item["tjek"]?.trimmedString, !check.isEmpty, !acceptable.contains(check) {
                let allowed = acceptable.sorted().joined(separator: ", ")
                let reason = check == PersonalDataKind.cpr.rawValue
                    ? Message(da: "et CPR-nummer kan ikke godkendes; kun \(allowed)", en: "a CPR number cannot be accepted; only \(allowed)")
                    : Message(da: "»\(check)« kan ikke godkendes her; kun \(allowed)", en: "\"\(check)\" cannot be accepted here; only \(allowed)")
                problems.append((path + ".tjek", reason, item["tjek"]?.line ?? item.line, item["tjek"]?.column ?? item.column))
            }
            for entry in entries where !["tjek", "tekst", "begrundelse"].contains(entry.key) {
                problems.append((path + "." + entry.key, Message(da: "kendes ikke (kun tjek, tekst og begrundelse)", en: "is unknown (only tjek, tekst and begrundelse)"),
                                 entry.keyLine, 1))
            }
        }
        return problems
    }

    /// The acceptance that covers a finding of `check` about `subjects`, if any.
    package static func matching(_ entries: [PersonalDataAcceptance], check: String, subjects: [String]) -> PersonalDataAcceptance? {
        entries.first { entry in
            guard entry.check == check else { return false }
            let wanted = entry.text.lowercased().foldingWhitespace
            return subjects.contains { subject in
                let found = subject.lowercased().foldingWhitespace
                return found.contains(wanted) || wanted.contains(found)
            }
        }
    }
}
