import IndstilSupport

/// Expands layout lines such as "Dato {dato}" or "{status|capitalized}" from front matter.
/// Date fields are shown the Danish way ("31. marts 2021").
public struct FieldTemplate: Sendable {
    public let profile: Profile
    public let frontMatter: YAMLValue
    /// Value for `{antal_tegn}`; nil leaves such lines out (the model that is counted).
    public let characterCount: Int?

    /// The expanded line, or nil when every placeholder in it is empty.
    public func expand(_ template: String) -> String? {
        var out = ""
        var anyValue = false
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[rest.startIndex..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                out += rest[open...]
                rest = ""
                break
            }
            let token = rest[rest.index(after: open)..<close]
            let parts = token.split(separator: "|", maxSplits: 1)
            let path = String(parts.first ?? "")
            let filter = parts.count > 1 ? String(parts[1]) : nil
            if path == "antal_tegn" {
                guard let characterCount else { return nil }
                out += DanishFormat.integer(characterCount)
                anyValue = true
            } else if let value = display(path), !value.isEmpty {
                out += apply(filter, to: value)
                anyValue = true
            }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return anyValue ? out.foldingWhitespace : nil
    }

    /// The shown form of a front-matter value: dates in Danish, other text as written.
    public func display(_ path: String) -> String? {
        guard let value = frontMatter.value(at: path), let text = value.trimmedString else { return nil }
        if profile.fieldSpec(at: path)?.type == .date, let date = CalendarDate(iso: text) {
            return DanishFormat.date(date)
        }
        return text
    }

    private func apply(_ filter: String?, to value: String) -> String {
        switch filter {
        case "upper": return value.uppercased()
        case "capitalized": return value.prefix(1).uppercased() + value.dropFirst()
        default: return value
        }
    }
}

extension Profile {
    /// The field spec at a dotted path ("sagsbehandler.navn", "bilag.titel").
    public func fieldSpec(at path: String) -> FieldSpec? {
        var specs = fields
        var found: FieldSpec?
        for part in path.split(separator: ".") {
            guard let spec = specs.first(where: { $0.key == part }) else { return nil }
            found = spec
            specs = spec.fields ?? []
        }
        return found
    }
}
