import Foundation
import IndstilSupport

/// `bundle.yml` (or any manifest) of `type: dagsorden`: a committee or alderman meeting
/// with its items, each usually an indstilling with `minutter` on the agenda.
///
/// ```yaml
/// type: dagsorden
/// udvalg: "Rådmandsmøde, Sociale Forhold og Beskæftigelse"
/// dato: 2026-09-04
/// start: "10:00"
/// slut: "11:30"
/// udsendt: 2026-08-31              # when the agenda was sent (optional)
/// materiale_udsendt: 2026-09-01    # when its material was sent (optional)
/// punkter:                         # tilstand, udsendt_version and tillæg: see Item
///   - titel: Godkendelse af dagsorden
///     minutter: 5
///   - indstilling: punkt-3/seniorpolitik.md
///     minutter: 10
///   - titel: Personalesag
///     status: lukket
///     begrundelse: "Personfølsomme oplysninger"
///     bilag:
///       - fil: punkt-4/notat.pdf
///         titel: Notat om sagen
/// ```
public struct AgendaManifest: Sendable {
    /// An attachment named in the manifest (beside those the item's indstilling lists).
    public struct Attachment: Sendable {
        public let file: String
        public let fileLine: Int
        public let title: String?
        public let titleLine: Int
        /// nil when not stated.
        public let isClosed: Bool?
        public let line: Int
    }

    public struct Item: Sendable {
        public let title: String?
        public let titleLine: Int
        /// What the public packet shows for a closed item instead of its title.
        public let publicTitle: String?
        public let recommendation: String?
        public let recommendationLine: Int
        public let minutes: Int?
        public let minutesLine: Int
        public let slot: ClockSlot?
        public let slotLine: Int
        /// nil when not stated (the indstilling's `status` decides, else open).
        public let isClosed: Bool?
        public let statusLine: Int
        public let reason: String?
        public let attachments: [Attachment]
        public let line: Int
        /// `tilstand`: where the item is on its way to the meeting (kladde, klar, godkendt),
        /// as written; nil when not stated. `agenda.item-state` reads it.
        public let state: String?
        public let stateLine: Int
        /// `tilstand_af` and `tilstand_tid`: who last set the state, and when (as written).
        public let stateBy: String?
        public let stateAt: String?
        /// `udsendt_version`: the fingerprint of the item's files when it was sent
        /// (`Workspace.fingerprint(of:)`), written by the workspace's "Send" action.
        public let sentVersion: String?
        public let sentVersionLine: Int
        /// `tillæg: ja`: the item came after the agenda was sent and went out on the
        /// supplementary agenda (Tillægsdagsorden).
        public let isSupplement: Bool
    }

    public let url: URL
    public let committee: String
    public let title: String
    public let date: CalendarDate
    public let dateLine: Int
    public let start: ClockTime
    public let startLine: Int
    public let end: ClockTime
    public let endLine: Int
    public let place: String?
    /// When the agenda and its material were sent to the members (`udsendt`,
    /// `materiale_udsendt`), with their lines; checked by `AgendaDeadlineCheck`.
    public let sent: CalendarDate?
    public let sentLine: Int
    public let materialSent: CalendarDate?
    public let materialSentLine: Int
    public let items: [Item]
    /// The whole manifest, for checks over every value (template leftovers).
    public let yaml: YAMLValue

    static let rootKeys = ["type", "udvalg", "titel", "dato", "start", "slut", "sted", "udsendt", "materiale_udsendt", "punkter"]
    static let itemKeys = ["titel", "offentlig_titel", "indstilling", "minutter", "tid", "status", "begrundelse", "bilag", "tilstand", "tilstand_af", "tilstand_tid", "udsendt_version", "tillæg"]
    static let attachmentKeys = ["fil", "titel", "status"]

    /// Reads the manifest from its YAML (read once by `Manifest.load`); any structural
    /// problem is one diagnostic with its line.
    package static func parse(_ root: YAMLValue, url: URL) -> Result<AgendaManifest, Diagnostic> {
        func fail(_ line: Int, _ da: String, _ en: String, check: String = "input.invalid") -> Result<AgendaManifest, Diagnostic> {
            .failure(Diagnostic(check: check, severity: .error, message: Message(da: da, en: en), line: line))
        }
        guard case .mapping(let entries) = root.content else {
            return fail(1, "Dagsordenen skal være nøgler med værdier (type, udvalg, dato, start, slut, punkter)",
                        "The agenda must be keys with values (type, udvalg, dato, start, slut, punkter)")
        }
        if let unknown = unknownKey(in: entries, known: rootKeys) {
            return fail(unknown.keyLine, "Ukendt nøgle »\(unknown.key)« i dagsordenen (kendte: \(rootKeys.joined(separator: ", ")))",
                        "Unknown key \"\(unknown.key)\" in the agenda (known: \(rootKeys.joined(separator: ", ")))")
        }
        func required(_ key: String, _ what: String, _ whatEN: String) -> (String, Int)? {
            guard let value = root[key], let text = value.trimmedString, !text.isEmpty else { return nil }
            return (text, value.line)
        }
        guard let (committee, _) = required("udvalg", "udvalg", "committee") else {
            return fail(1, "Dagsordenen skal have »udvalg« (fx »Rådmandsmøde, Sociale Forhold og Beskæftigelse«)",
                        "The agenda needs \"udvalg\" (the committee or meeting)", check: "metadata.missing-field")
        }
        guard let (dateText, dateLine) = required("dato", "dato", "date") else {
            return fail(1, "Dagsordenen skal have mødets »dato« (ÅÅÅÅ-MM-DD)", "The agenda needs the meeting's \"dato\" (YYYY-MM-DD)",
                        check: "metadata.missing-field")
        }
        guard let date = CalendarDate(iso: dateText) else {
            return fail(dateLine, "»dato« skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD (fik »\(dateText)«)",
                        "\"dato\" must be a valid date written YYYY-MM-DD (got \"\(dateText)\")", check: "metadata.invalid-field")
        }
        var times: [ClockTime] = []
        var timeLines: [Int] = []
        for key in ["start", "slut"] {
            guard let (text, line) = required(key, key, key) else {
                return fail(1, "Dagsordenen skal have »\(key)« (klokkeslæt som \"10:00\")", "The agenda needs \"\(key)\" (a time such as \"10:00\")",
                            check: "metadata.missing-field")
            }
            guard let time = ClockTime(text) else {
                return fail(line, "»\(key)« skal være et klokkeslæt som \"10:00\" (fik »\(text)«)",
                            "\"\(key)\" must be a time such as \"10:00\" (got \"\(text)\")", check: "metadata.invalid-field")
            }
            times.append(time)
            timeLines.append(line)
        }
        guard times[0] < times[1] else {
            return fail(timeLines[1], "Mødet slutter kl. \(times[1].danish), før det begynder kl. \(times[0].danish)",
                        "The meeting ends at \(times[1].danish), before it starts at \(times[0].danish)", check: "agenda.time")  // AgendaTimeCheck's id: that rule reports it
        }
        var sentDates: [CalendarDate?] = []
        for key in ["udsendt", "materiale_udsendt"] {
            guard let (text, line) = required(key, key, key) else { sentDates.append(nil); continue }
            guard let sent = CalendarDate(iso: text) else {
                return fail(line, "»\(key)« skal være en gyldig dato skrevet ÅÅÅÅ-MM-DD (fik »\(text)«)",
                            "\"\(key)\" must be a valid date written YYYY-MM-DD (got \"\(text)\")", check: "metadata.invalid-field")
            }
            sentDates.append(sent)
        }
        guard let itemValues = root["punkter"]?.items, !itemValues.isEmpty else {
            return fail(root.entry("punkter")?.keyLine ?? 1, "Dagsordenen skal have »punkter« med mindst ét punkt",
                        "The agenda needs \"punkter\" with at least one item")
        }

        var items: [Item] = []
        for (index, value) in itemValues.enumerated() {
            let number = index + 1
            guard case .mapping(let itemEntries) = value.content else {
                return fail(value.line, "Punkt \(number) skal være nøgler med værdier (titel, indstilling, minutter …)",
                            "Item \(number) must be keys with values (titel, indstilling, minutter …)")
            }
            if let unknown = unknownKey(in: itemEntries, known: itemKeys) {
                return fail(unknown.keyLine, "Ukendt nøgle »\(unknown.key)« i punkt \(number) (kendte: \(itemKeys.joined(separator: ", ")))",
                            "Unknown key \"\(unknown.key)\" in item \(number) (known: \(itemKeys.joined(separator: ", ")))")
            }
            let title = value["titel"]?.trimmedString.flatMap { $0.isEmpty ? nil : $0 }
            let recommendation = value["indstilling"]?.trimmedString.flatMap { $0.isEmpty ? nil : $0 }
            guard title != nil || recommendation != nil else {
                return fail(value.line, "Punkt \(number) skal have en »titel« eller en »indstilling«",
                            "Item \(number) needs a \"titel\" or an \"indstilling\"", check: "metadata.missing-field")
            }
            var minutes: Int?
            if let entry = value.entry("minutter") {
                guard let text = entry.value.trimmedString, let parsed = Int(text), parsed > 0, parsed <= 24 * 60 else {
                    return fail(entry.value.line, "»minutter« i punkt \(number) skal være et helt antal minutter over 0 (fik »\(entry.value.trimmedString ?? "")«)",
                                "\"minutter\" of item \(number) must be a whole number of minutes above 0", check: "metadata.invalid-field")
                }
                minutes = parsed
            }
            var slot: ClockSlot?
            if let entry = value.entry("tid") {
                guard let text = entry.value.trimmedString, let parsed = ClockSlot(text), parsed.minutes > 0 else {
                    return fail(entry.value.line, "»tid« i punkt \(number) skal være et tidsrum som \"10:05-10:15\" (fik »\(entry.value.trimmedString ?? "")«)",
                                "\"tid\" of item \(number) must be a time span such as \"10:05-10:15\"", check: "metadata.invalid-field")
                }
                slot = parsed
            }
            var isClosed: Bool?
            if let entry = value.entry("status") {
                switch parseStatus(entry.value) {
                case .success(let closed): isClosed = closed
                case .failure:
                    return fail(entry.value.line, "»status« i punkt \(number) skal være »åben« eller »lukket« (fik »\(entry.value.trimmedString ?? "")«)",
                                "\"status\" of item \(number) must be \"åben\" or \"lukket\"", check: "metadata.invalid-field")
                }
            }
            var attachments: [Attachment] = []
            if let list = value.entry("bilag") {
                guard case .sequence(let attachmentValues) = list.value.content else {
                    return fail(list.keyLine, "»bilag« i punkt \(number) skal være en liste med »fil« og »titel«",
                                "\"bilag\" of item \(number) must be a list with \"fil\" and \"titel\"")
                }
                for attachmentValue in attachmentValues {
                    guard case .mapping(let attachmentEntries) = attachmentValue.content,
                          let file = attachmentValue["fil"]?.trimmedString, !file.isEmpty else {
                        return fail(attachmentValue.line, "Hvert bilag i punkt \(number) skal have en »fil«",
                                    "Every appendix of item \(number) needs a \"fil\"", check: "metadata.missing-field")
                    }
                    if let unknown = unknownKey(in: attachmentEntries, known: attachmentKeys) {
                        return fail(unknown.keyLine, "Ukendt nøgle »\(unknown.key)« i bilaget (kendte: fil, titel, status)",
                                    "Unknown key \"\(unknown.key)\" in the appendix (known: fil, titel, status)")
                    }
                    var closed: Bool?
                    if let status = attachmentValue["status"] {
                        guard case .success(let parsed) = parseStatus(status) else {
                            return fail(status.line, "Et bilags »status« skal være »åben« eller »lukket«",
                                        "An appendix's \"status\" must be \"åben\" or \"lukket\"", check: "metadata.invalid-field")
                        }
                        closed = parsed
                    }
                    attachments.append(Attachment(
                        file: file, fileLine: attachmentValue["fil"]?.line ?? attachmentValue.line,
                        title: attachmentValue["titel"]?.trimmedString.flatMap { $0.isEmpty ? nil : $0 },
                        titleLine: attachmentValue["titel"]?.line ?? attachmentValue.line,
                        isClosed: closed, line: attachmentValue.line))
                }
            }
            var sentVersion: String?
            if let entry = value.entry("udsendt_version") {
                guard let text = entry.value.trimmedString, text.count == 16, text.allSatisfy(\.isHexDigit) else {
                    return fail(entry.value.line, "»udsendt_version« i punkt \(number) skal være de 16 tegn, indstil skrev, da dagsordenen blev sendt (fik »\(entry.value.trimmedString ?? "")«)",
                                "\"udsendt_version\" of item \(number) must be the 16 characters indstil wrote when the agenda was sent", check: "metadata.invalid-field")
                }
                sentVersion = text.lowercased()
            }
            var isSupplement = false
            if let entry = value.entry("tillæg") {
                switch entry.value.trimmedString?.lowercased() {
                case "ja", "true", "yes": isSupplement = true
                case "nej", "false", "no": isSupplement = false
                default:
                    return fail(entry.value.line, "»tillæg« i punkt \(number) skal være »ja« eller »nej« (fik »\(entry.value.trimmedString ?? "")«)",
                                "\"tillæg\" of item \(number) must be \"ja\" or \"nej\"", check: "metadata.invalid-field")
                }
            }
            func text(_ key: String) -> String? { value[key]?.trimmedString.flatMap { $0.isEmpty ? nil : $0 } }
            items.append(Item(
                title: title, titleLine: value["titel"]?.line ?? value.line,
                publicTitle: value["offentlig_titel"]?.trimmedString.flatMap { $0.isEmpty ? nil : $0 },
                recommendation: recommendation, recommendationLine: value["indstilling"]?.line ?? value.line,
                minutes: minutes, minutesLine: value["minutter"]?.line ?? value.line,
                slot: slot, slotLine: value["tid"]?.line ?? value.line,
                isClosed: isClosed, statusLine: value["status"]?.line ?? value.line,
                reason: value["begrundelse"]?.trimmedString.flatMap { $0.isEmpty ? nil : $0 },
                attachments: attachments, line: value.line,
                state: text("tilstand"), stateLine: value["tilstand"]?.line ?? value.line,
                stateBy: text("tilstand_af"), stateAt: text("tilstand_tid"),
                sentVersion: sentVersion, sentVersionLine: value["udsendt_version"]?.line ?? value.line, isSupplement: isSupplement))
        }
        return .success(AgendaManifest(
            url: url, committee: committee, title: root["titel"]?.trimmedString.flatMap { $0.isEmpty ? nil : $0 } ?? "Dagsorden",
            date: date, dateLine: dateLine, start: times[0], startLine: timeLines[0], end: times[1], endLine: timeLines[1],
            place: root["sted"]?.trimmedString.flatMap { $0.isEmpty ? nil : $0 },
            sent: sentDates[0], sentLine: root["udsendt"]?.line ?? 1,
            materialSent: sentDates[1], materialSentLine: root["materiale_udsendt"]?.line ?? 1, items: items, yaml: root))
    }

    /// "åben"/"aaben"/"open" → false, "lukket"/"closed" → true.
    static func parseStatus(_ value: YAMLValue) -> Result<Bool, Diagnostic> {
        switch value.trimmedString?.lowercased() {
        case "åben", "aaben", "aben", "open": return .success(false)
        case "lukket", "closed": return .success(true)
        default: return .failure(Diagnostic(check: "metadata.invalid-field", severity: .error, message: Message(da: "", en: ""), line: value.line))
        }
    }

    static func unknownKey(in entries: [YAMLValue.Entry], known: [String]) -> YAMLValue.Entry? {
        entries.first { !known.contains($0.key) }
    }
}
