import Foundation
import IndstilSupport
import IndstilDocument

/// Walks front matter against the profile's field specs and reports what is missing,
/// malformed or unknown. The metadata checks each take their kind of problem.
enum FieldValidator {
    package enum Problem {
        case missing(path: String, label: String, line: Int)
        case invalid(path: String, label: String, reason: Message, line: Int, column: Int)
        case unknown(path: String, line: Int)
    }

    package static func problems(in frontMatter: YAMLValue, profile: Profile) -> [Problem] {
        var problems: [Problem] = []
        validate(mapping: frontMatter, specs: profile.fields, prefix: "", anchorLine: 1, into: &problems)
        if let acceptances = frontMatter[PersonalDataAcceptance.frontMatterKey] {
            for problem in PersonalDataAcceptance.problems(in: acceptances) {
                problems.append(.invalid(path: problem.path, label: problem.path, reason: problem.reason, line: problem.line, column: problem.column))
            }
        }
        return problems
    }

    private static func validate(mapping: YAMLValue, specs: [FieldSpec], prefix: String, anchorLine: Int, into problems: inout [Problem]) {
        for spec in specs {
            let path = prefix + spec.key
            let entry = mapping.entry(spec.key)
            let value = entry?.value
            let keyLine = entry?.keyLine ?? anchorLine
            let isRequired = spec.required || (spec.requiredWhen?.allSatisfy { key, expected in
                mapping[key]?.trimmedString?.lowercased() == expected.lowercased()
            } ?? false)
            guard let value, !value.isEmpty else {
                if isRequired { problems.append(.missing(path: path, label: spec.displayName, line: keyLine)) }
                continue
            }
            validate(value: value, spec: spec, path: path, keyLine: keyLine, into: &problems)
        }
        // A stated "Antal tegn" is every profile's: length.stated-count compares it; so are
        // accepted personal data (privacy.*).
        let known = Set(specs.map(\.key) + (prefix.isEmpty ? [StatedCount.frontMatterKey, PersonalDataAcceptance.frontMatterKey] : []))
        for entry in mapping.entries where !known.contains(entry.key) {
            problems.append(.unknown(path: prefix + entry.key, line: entry.keyLine))
        }
    }

    private static func validate(value: YAMLValue, spec: FieldSpec, path: String, keyLine: Int, into problems: inout [Problem]) {
        func invalid(_ da: String, _ en: String) {
            problems.append(.invalid(path: path, label: spec.displayName, reason: Message(da: da, en: en), line: value.line, column: value.column))
        }
        switch spec.type {
        case .group:
            guard case .mapping = value.content else {
                return invalid("skal have underfelterne \(fieldList(spec))", "must have the subfields \(fieldList(spec))")
            }
            validate(mapping: value, specs: spec.fields ?? [], prefix: path + ".", anchorLine: keyLine, into: &problems)
        case .list:
            guard case .sequence(let items) = value.content else {
                return invalid("skal være en liste (linjer der begynder med »- «)", "must be a list (lines starting with \"- \")")
            }
            for (index, item) in items.enumerated() {
                let itemPath = "\(path)[\(index + 1)]"
                if let subfields = spec.fields {
                    guard case .mapping = item.content else {
                        problems.append(.invalid(path: itemPath, label: spec.displayName,
                                                 reason: Message(da: "punkt \(index + 1) skal have \(fieldList(spec))", en: "item \(index + 1) must have \(fieldList(spec))"),
                                                 line: item.line, column: item.column))
                        continue
                    }
                    validate(mapping: item, specs: subfields, prefix: itemPath + ".", anchorLine: item.line, into: &problems)
                }
            }
        default:
            guard let text = value.trimmedString else {
                return invalid("skal være en enkelt værdi, ikke en liste eller underfelter", "must be a single value, not a list or subfields")
            }
            // A template leftover ("[…]") is style.placeholder's finding, not a second one here.
            if PlaceholderCheck.leftover(in: text) == nil, let reason = reasonInvalid(text, spec: spec) { invalid(reason.da, reason.en) }
        }
    }

    static func fieldList(_ spec: FieldSpec) -> String {
        (spec.fields ?? []).map(\.key).joined(separator: ", ")
    }

    private static let emailPattern = try! NSRegularExpression(pattern: #"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"#)

    /// Why a scalar is not a valid value of its field, or nil.
    static func reasonInvalid(_ text: String, spec: FieldSpec) -> Message? {
        switch spec.type {
        case .date:
            if CalendarDate(iso: text) == nil {
                return Message(da: "»\(text)« er ikke en gyldig dato; skriv ÅÅÅÅ-MM-DD, fx 2026-03-31",
                               en: "\"\(text)\" is not a valid date; write YYYY-MM-DD, e.g. 2026-03-31")
            }
        case .email:
            if !matches(emailPattern, text) {
                return Message(da: "»\(text)« er ikke en gyldig e-postadresse", en: "\"\(text)\" is not a valid e-mail address")
            }
        case .phone:
            var digits = text.filter { !$0.isWhitespace && $0 != "-" }
            if digits.hasPrefix("+45") { digits.removeFirst(3) } else if digits.hasPrefix("0045") { digits.removeFirst(4) }
            if digits.count != 8 || !digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                return Message(da: "»\(text)« er ikke et dansk telefonnummer (otte cifre, fx 89 40 20 00)",
                               en: "\"\(text)\" is not a Danish phone number (eight digits, e.g. 89 40 20 00)")
            }
        case .pattern:
            if let pattern = spec.compiledPattern, !pattern.matches(text) {
                let hint = spec.patternHint.map { ": \($0)" } ?? ""
                return Message(da: "»\(text)« har ikke den rigtige form\(hint)", en: "\"\(text)\" does not have the required form\(hint)")
            }
        case .choice:
            let values = spec.values ?? []
            if !values.contains(where: { $0.lowercased() == text.lowercased() }) {
                let list = values.map { "»\($0)«" }.joined(separator: ", ")
                return Message(da: "»\(text)« er ikke en af de tilladte værdier: \(list)",
                               en: "\"\(text)\" is not one of the allowed values: \(values.joined(separator: ", "))")
            }
        case .integer:
            if Int(text).map({ $0 < 0 }) ?? true {
                return Message(da: "»\(text)« er ikke et helt tal", en: "\"\(text)\" is not a whole number")
            }
        case .text, .path, .list, .group:
            break
        }
        return nil
    }

    package static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
