import IndstilSupport

/// The document `indstil new` writes: every front-matter key with a sample value and
/// guidance, every section with guidance and a placeholder. Placeholders ("[…]")
/// make `indstil check` fail until the officer has written the real text.
public enum SkeletonWriter {
    public static func skeleton(for profile: Profile) -> String {
        var lines = ["---"]
        for field in profile.fields {
            lines += frontMatterLines(field, profile: profile, indent: "")
        }
        lines += ["---", ""]
        lines.append("<!-- \(profile.name): \(profile.description). Hjælpetekster som denne vises ikke og kan blive stående. Kør »indstil check« indtil der ikke er flere fejl. -->")
        lines.append("")
        for (index, section) in profile.sections.enumerated() {
            let number = profile.numberSections ? "\(index + 1). " : ""
            lines.append("# \(number)\(section.heading)")
            lines.append("")
            if let guidance = section.guidance { lines += ["<!-- \(guidance) -->", ""] }
            if section.id == profile.decision?.section, let decision = profile.decision {
                lines.append(decision.leadIn)
                lines.append("")
                let subject = decision.subjects.first ?? ""
                lines.append(decision.form.hasPrefix("At") ? "1. \(subject) […]" : "1) at \(subject) […]")
            } else if section.allowDash {
                lines.append("-")
            } else {
                lines.append("[…]")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    static func frontMatterLines(_ field: FieldSpec, profile: Profile, indent: String) -> [String] {
        var lines: [String] = []
        var note = field.guidance ?? ""
        if let hint = field.patternHint { note = note.isEmpty ? hint : "\(note); \(hint)" }
        if field.type == .date && note.isEmpty { note = "ÅÅÅÅ-MM-DD" }
        if let example = field.example, field.type != .choice, !["til", "fra", "underskrift"].contains(field.key) {
            note = (note.isEmpty ? "" : note + "; ") + "fx \(example)"
        }
        if field.type == .choice, let values = field.values { note = (note.isEmpty ? "" : note + "; ") + values.joined(separator: " | ") }
        if field.requiredWhen != nil { note = (note.isEmpty ? "" : note + "; ") + "kun når sagen er lukket" }
        let comment = note.isEmpty ? "" : "   # \(note)"
        switch field.type {
        case .group:
            lines.append("\(indent)\(field.key):\(comment)")
            for sub in field.fields ?? [] { lines += frontMatterLines(sub, profile: profile, indent: indent + "  ") }
        case .list:
            lines.append("\(indent)\(field.key):\(comment.isEmpty ? "   # ingen? skriv »\(field.key): []« i stedet for listen herunder" : comment)")
            let subfields = field.fields ?? []
            for (index, sub) in subfields.enumerated() where sub.required {
                let prefix = index == 0 ? "\(indent)  - " : "\(indent)    "
                lines.append("\(prefix)\(sub.key): \(placeholderValue(sub, parent: field))")
            }
        default:
            if field.key == "profil" {
                lines.append("\(indent)profil: \(profile.id)")
            } else if field.key == "begrundelse" || (!field.required && field.example == nil) {
                lines.append("\(indent)# \(field.key): \(comment.isEmpty ? "" : String(comment.dropFirst(5)))")
            } else {
                lines.append("\(indent)\(field.key): \(placeholderValue(field, parent: nil))\(comment)")
            }
        }
        return lines
    }

    /// House constants (til, fra, status …) get their usual value; everything the
    /// officer must write gets "[…]", with the profile's example in the comment.
    static func placeholderValue(_ field: FieldSpec, parent: FieldSpec?) -> String {
        if parent?.key == "bilag" && field.key == "fil" { return "bilag/[…].pdf" }
        if field.type == .choice { return quoted(field.example ?? field.values?.first ?? "[…]") }
        if ["til", "fra", "underskrift"].contains(field.key), let example = field.example { return quoted(example) }
        return "\"[…]\""
    }

    package static func quoted(_ value: String) -> String {
        value.contains(":") || value.contains("#") || value.hasPrefix("[") || value.contains(" ") ? "\"\(value)\"" : value
    }
}
