import Foundation
import IndstilCore

/// The front matter as a form: the profile's fields (labels, guidance, valid values) and the
/// document's values, as the document page's form reads them (`/api/analyse`), and the form's
/// changes written back into the text (`POST /api/front-matter`, `FrontMatterEdit`).
enum FrontMatterForm {
    static func fields(_ specs: [FieldSpec]) -> JSONValue {
        .array(specs.map { spec in
            var entries: [(String, JSONValue)] = [
                ("key", .string(spec.key)), ("label", .string(spec.label ?? spec.key)), ("type", .string(spec.type.rawValue)),
                ("required", .bool(spec.required)),
            ]
            if let values = spec.values { entries.append(("values", .array(values.map(JSONValue.string)))) }
            if let example = spec.example { entries.append(("example", .string(example))) }
            let help = [spec.guidance, spec.patternHint].compactMap { $0 }.joined(separator: "; ")
            if !help.isEmpty { entries.append(("help", .string(help))) }
            if let when = spec.requiredWhen, let (key, value) = when.first {
                entries.append(("requiredWhen", .object([("key", .string(key)), ("value", .string(value))])))
            }
            if let fields = spec.fields { entries.append(("fields", self.fields(fields))) }
            return .object(entries)
        })
    }

    /// A front matter value as JSON: text, lists and mappings (null for an empty value).
    static func values(_ value: YAMLValue) -> JSONValue {
        switch value.content {
        case .null: .null
        case .scalar(let text): .string(text)
        case .sequence(let items): .array(items.map(values))
        case .mapping(let entries): .object(entries.map { ($0.key, values($0.value)) })
        }
    }

    /// The form's changes from a request: `[{"key": "titel", "value": "…"}, {"key": "bilag", "value": [{"titel": …}]}]`.
    static func changes(_ body: RequestBody, fields: [FieldSpec]) throws(Refusal) -> [FrontMatterEdit.Change] {
        guard let raw = body.fields["changes"] as? [[String: Any]] else {
            throw Refusal(.badRequest, "Feltet »changes« mangler eller er ikke en liste af ændringer.")
        }
        var changes: [FrontMatterEdit.Change] = []
        for change in raw {
            guard let key = change["key"] as? String else { throw Refusal(.badRequest, "En ændring mangler »key«.") }
            if let text = change["value"] as? String {
                changes.append(FrontMatterEdit.Change(key: key, value: .text(text)))
            } else if let entries = change["value"] as? [[String: Any]] {
                // Each entry's fields in the profile's order, whatever order the JSON had.
                let order = fields.first { $0.key == key }?.fields?.map(\.key) ?? []
                let list = entries.map { entry in
                    order.compactMap { name in (entry[name] as? String).map { (name, $0) } }
                }
                changes.append(FrontMatterEdit.Change(key: key, value: .list(list)))
            } else {
                throw Refusal(.badRequest, "Ændringen af »\(key)« har ingen gyldig værdi (tekst eller en liste).")
            }
        }
        return changes
    }
}
