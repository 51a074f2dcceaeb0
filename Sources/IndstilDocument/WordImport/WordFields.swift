import Foundation
import IndstilSupport

/// Recognises the template's header fields in a Word document's header block ("Til
/// Aarhus Byråd", a metadata row "Sagsnummer | 21-030966", a content control titled
/// "Sagsbehandler"): by the profile's own layout lines read backwards, then by the labels
/// Danish templates use. Values are turned back into front-matter form (dates as
/// 2021-03-31, choices as the profile spells them).
package struct WordFields {
    package struct Field {
        package let path: String
        package let value: String
        package let paragraph: Int
    }

    package let profile: Profile?
    package private(set) var fields: [Field] = []
    /// A typed "Antal tegn: 12.246", and where.
    package private(set) var statedCount: (count: Int, paragraph: Int)?

    package init(profile: Profile?) {
        self.profile = profile
    }

    /// Where in the header block a line stands, after the profile's layout: a line that
    /// is only a placeholder ("{afdeling}") is read only in its own part.
    enum Zone {
        case header, afterTitle, sidebar, letterhead, anywhere
    }

    /// A layout line read backwards: "{udvalg} – møde {moededato}" → literals ["", " – møde ", ""]
    /// around the placeholders udvalg and moededato.
    private struct Pattern {
        let zone: Zone
        let literals: [String]
        let placeholders: [(path: String, filter: String?)]

        var isBare: Bool { literals.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }

        init?(_ template: String, zone: Zone) {
            var literals: [String] = []
            var placeholders: [(String, String?)] = []
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                literals.append(String(rest[..<open]))
                let token = rest[rest.index(after: open)..<close].split(separator: "|", maxSplits: 1)
                guard let path = token.first.map(String.init), path != "antal_tegn" else { return nil }
                placeholders.append((path, token.count > 1 ? String(token[1]) : nil))
                rest = rest[rest.index(after: close)...]
            }
            guard !placeholders.isEmpty else { return nil }
            literals.append(String(rest))
            self.zone = zone
            self.literals = literals
            self.placeholders = placeholders
        }

        /// The values of `text` for each placeholder, or nil when the literals do not match.
        func match(_ text: String) -> [String]? {
            guard text.hasPrefix(literals[0]) else { return nil }
            var rest = text.dropFirst(literals[0].count)
            var values: [String] = []
            for index in placeholders.indices {
                let literal = literals[index + 1]
                if index == placeholders.count - 1 {
                    guard rest.hasSuffix(literal) else { return nil }
                    values.append(String(rest.dropLast(literal.count)))
                } else {
                    guard !literal.isEmpty, let range = rest.range(of: literal) else { return nil }
                    values.append(String(rest[..<range.lowerBound]))
                    rest = rest[range.upperBound...]
                }
            }
            let trimmed = values.map { $0.trimmingCharacters(in: .whitespaces) }
            return trimmed.allSatisfy { !$0.isEmpty } ? trimmed : nil
        }
    }

    private var patterns: [Pattern] {
        guard let layout = profile?.layout else { return [] }
        return layout.header.compactMap { Pattern($0, zone: .header) } + layout.afterTitle.compactMap { Pattern($0, zone: .afterTitle) }
            + layout.sidebar.compactMap { Pattern($0, zone: .sidebar) }
            + (profile?.look.letterhead ?? []).compactMap { Pattern($0, zone: .letterhead) }
    }

    /// Labels of the house templates, tried when the profile's layout does not match.
    static let labels: [(label: String, path: String)] = [
        ("til", "til"), ("fra", "fra"), ("dato", "dato"), ("mødedato", "moededato"),
        ("sagsnummer", "sagsnummer"), ("sagsnr.", "sagsnummer"), ("sagsnr", "sagsnummer"),
        ("afdeling", "afdeling"), ("magistratsafdeling", "afdeling"),
        ("sagsbehandler", "sagsbehandler.navn"), ("tlf.", "sagsbehandler.telefon"), ("telefon", "sagsbehandler.telefon"),
        ("direkte telefon", "sagsbehandler.telefon"),
        ("e-post", "sagsbehandler.email"), ("e-mail", "sagsbehandler.email"), ("email", "sagsbehandler.email"),
        ("direkte e-mail", "sagsbehandler.email"),
        ("status", "status"),
    ]

    /// Takes `line` as a field when it is one; false leaves it to the body. A layout line
    /// that is only a placeholder is matched only in its own `zone`.
    mutating func take(_ line: String, paragraph: Int, zone: Zone = .anywhere) -> Bool {
        let text = line.foldingWhitespace
        guard !text.isEmpty else { return false }
        if let count = Self.statedCount(in: text) {
            if statedCount == nil { statedCount = (count, paragraph) }
            return true
        }
        for pattern in patterns where !pattern.isBare || pattern.zone == zone {
            guard !pattern.placeholders.contains(where: { has($0.path) }), let values = pattern.match(text) else { continue }
            let candidates = zip(pattern.placeholders, values).map { placeholder, value in
                (placeholder.path, convert(placeholder.path, value, filter: placeholder.filter))
            }
            // A bare line must fit its field: a choice one of its values, a date a date.
            if pattern.isBare, candidates.contains(where: { !fits($0.0, $0.1) }) { continue }
            for (path, value) in candidates { fields.append(Field(path: path, value: value, paragraph: paragraph)) }
            return true
        }
        if let (label, value) = Self.splitLabel(text) {
            let lower = label.lowercased()
            if let path = Self.labels.first(where: { $0.label == lower })?.path, isKnown(path), !has(path) {
                let converted = convert(path, value, filter: nil)
                guard fits(path, converted) else { return false }
                fields.append(Field(path: path, value: converted, paragraph: paragraph))
                return true
            }
        }
        return false
    }

    /// A label and a value given apart (two table cells, a content control's title).
    mutating func take(label: String, value: String, paragraph: Int) -> Bool {
        let label = label.foldingWhitespace.trimmingCharacters(in: CharacterSet(charactersIn: ":"))
        return take("\(label): \(value)", paragraph: paragraph)
    }

    /// What became of a document property or content control offered as a field.
    enum PropertyOutcome: Equatable {
        case taken(path: String)
        /// A field already read from the document's text: the text wins.
        case alreadyRead(path: String)
        /// A list or a group of fields given as an empty property (as pandoc writes them).
        case emptyStructured(path: String)
        /// The title, which the front matter keeps apart.
        case title(String)
        case unknown
    }

    /// Names case systems and pandoc give document properties and content controls, beyond
    /// the profile's keys, labels and `aliases` (compared without case, spaces, `_`, `-` or `.`).
    static let propertyAliases: [(name: String, path: String)] = [
        ("titel", "titel"), ("title", "titel"), ("dokumenttitel", "titel"), ("documenttitle", "titel"),
        ("casenumber", "sagsnummer"), ("caseno", "sagsnummer"), ("caseid", "sagsnummer"),
        ("sagsid", "sagsnummer"), ("journalnummer", "sagsnummer"), ("journalnr", "sagsnummer"), ("esdhsagsnummer", "sagsnummer"),
        ("dokumentdato", "dato"), ("documentdate", "dato"), ("date", "dato"),
        ("meetingdate", "moededato"),
        ("department", "afdeling"), ("forvaltning", "afdeling"),
        ("caseworker", "sagsbehandler.navn"), ("casehandler", "sagsbehandler.navn"),
        ("sagsbehandlertelefon", "sagsbehandler.telefon"), ("sagsbehandleremail", "sagsbehandler.email"),
        ("sagsbehandlere-mail", "sagsbehandler.email"),
        ("modtager", "til"), ("afsender", "fra"),
    ]

    /// "Sags-nr." → "sagsnr": names compared without case, spaces, `_`, `-`, `.` or `:`.
    static func normalizedName(_ name: String) -> String {
        String(name.lowercased().filter { !" _-.:\u{00A0}".contains($0) })
    }

    /// The front-matter path a property or content control named `name` stands for: the
    /// profile's key or label ("sagsbehandler_navn", "Sagsbehandler navn"), one of its
    /// `aliases`, or a name the house templates and case systems use.
    /// A name that is a group's ("Sagsbehandler") stands for its first field that a house
    /// template labels so (the name), unless `group` asks for the group itself.
    func path(forProperty name: String, group: Bool = false) -> String? {
        let wanted = Self.normalizedName(name)
        guard !wanted.isEmpty else { return nil }
        func names(_ spec: FieldSpec) -> [String] { ([spec.key, spec.label ?? ""] + (spec.aliases ?? [])).filter { !$0.isEmpty } }
        let known = Self.propertyAliases + Self.labels.map { (Self.normalizedName($0.label), $0.path) }
        for spec in profile?.fields ?? [] {
            if names(spec).contains(where: { Self.normalizedName($0) == wanted }) {
                if !group, spec.type == .group, let inner = known.first(where: { $0.name == wanted })?.path,
                   inner.hasPrefix(spec.key + "."), isKnown(inner) {
                    return inner
                }
                return spec.key
            }
            guard spec.type == .group else { continue }
            for inner in spec.fields ?? [] {
                let combined = names(spec).flatMap { outer in [inner.key, inner.label ?? ""].filter { !$0.isEmpty }.map { outer + $0 } } + (inner.aliases ?? [])
                if combined.contains(where: { Self.normalizedName($0) == wanted }) { return spec.key + "." + inner.key }
            }
        }
        guard let path = known.first(where: { $0.name == wanted })?.path, path == "titel" || isKnown(path) else { return nil }
        return path
    }

    /// Takes a document property or content control by its name, when it names a field the
    /// document's text has not already given.
    mutating func take(property name: String, value raw: String, paragraph: Int) -> PropertyOutcome {
        // The profile is chosen before the file is read; `profil` is no field to fill.
        let value = raw.foldingWhitespace
        guard let path = path(forProperty: name, group: value.isEmpty), path != "profil" else { return .unknown }
        if path == "titel" { return value.isEmpty ? .unknown : .title(value) }
        let spec = profile?.fieldSpec(at: path)
        if value.isEmpty {
            return spec?.type == .group || spec?.type == .list ? .emptyStructured(path: path) : .unknown
        }
        guard spec?.type != .group, spec?.type != .list else { return .unknown }
        if has(path) { return .alreadyRead(path: path) }
        let converted = convert(path, value, filter: nil)
        guard fits(path, converted) else { return .unknown }
        fields.append(Field(path: path, value: converted, paragraph: paragraph))
        return .taken(path: path)
    }

    package func has(_ path: String) -> Bool { fields.contains { $0.path == path } }

    private func isKnown(_ path: String) -> Bool {
        guard let profile else { return true }
        return profile.fieldSpec(at: path) != nil
    }

    /// A shown value in front-matter form: a date as 2021-03-31, a choice as the profile
    /// spells it.
    private func convert(_ path: String, _ raw: String, filter: String?) -> String {
        let value = raw.foldingWhitespace
        let spec = profile?.fieldSpec(at: path)
        if spec?.type == .date || (spec == nil && path.hasSuffix("dato")), let date = Self.date(value) { return date }
        if let choices = spec?.values, let choice = choices.first(where: { $0.lowercased() == value.lowercased() }) { return choice }
        if filter == "capitalized" || filter == "upper" { return value.lowercased() }
        return value
    }

    /// Whether a value can be the field's: a date field's a date, a choice one of the choices.
    private func fits(_ path: String, _ value: String) -> Bool {
        let spec = profile?.fieldSpec(at: path)
        if spec?.type == .date || (spec == nil && path.hasSuffix("dato")) { return CalendarDate(iso: value) != nil }
        if let choices = spec?.values { return choices.contains(value) }
        return true
    }

    /// "Sagsnummer: 21-030966" or "Til Aarhus Byråd" → label and value.
    static func splitLabel(_ text: String) -> (String, String)? {
        if let colon = text.range(of: ":") {
            let label = text[..<colon.lowerBound].trimmingCharacters(in: .whitespaces)
            let value = text[colon.upperBound...].trimmingCharacters(in: .whitespaces)
            if !label.isEmpty, !value.isEmpty, label.count <= 20 { return (label, value) }
        }
        if let space = text.firstIndex(of: " ") {
            let label = String(text[..<space])
            let value = text[space...].trimmingCharacters(in: .whitespaces)
            if ["til", "fra", "dato"].contains(label.lowercased()), !value.isEmpty { return (label, value) }
        }
        return nil
    }

    /// "Antal tegn: 12.246" (with or without the colon, dots or spaces grouping).
    package static func statedCount(in text: String) -> Int? {
        // Only the start is folded to rule a paragraph out: folding all of every paragraph was a
        // tenth of checking an imported document of 300 000 paragraphs.
        guard text.prefix(10).lowercased() == "antal tegn" else { return nil }
        let lower = text.lowercased()
        guard lower.hasPrefix("antal tegn") else { return nil }
        let rest = lower.dropFirst("antal tegn".count).drop { $0 == ":" || $0 == " " }
        let digits = rest.filter { $0 != "." && $0 != " " && $0 != "\u{00A0}" }
        guard !digits.isEmpty, digits.count <= 7, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// "31. marts 2021", "31.03.2021", "31-03-2021" or "2021-03-31" → "2021-03-31".
    package static func date(_ text: String) -> String? {
        if CalendarDate(iso: text) != nil { return text }
        let parts = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" || $0 == "/" })
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]), parts[2].count == 4 else { return nil }
        let month = Int(parts[1]) ?? DanishFormat.monthNames.firstIndex(of: String(parts[1])).map { $0 + 1 }
        guard let month else { return nil }
        let iso = "\(year)-\(String(month).leftPadded(to: 2, with: "0"))-\(String(day).leftPadded(to: 2, with: "0"))"
        return CalendarDate(iso: iso) != nil ? iso : nil
    }
}
