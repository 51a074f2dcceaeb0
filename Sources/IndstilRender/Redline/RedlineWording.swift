import IndstilSupport
import IndstilDocument

/// The Danish words the redline outputs share: what a change is, where it is, and the
/// groups it is shown in (decision points first, then fields, then each section).
public enum RedlineWording {
    public static func kind(_ kind: DocumentChange.Kind) -> String {
        switch kind {
        case .added: "tilføjet"
        case .removed: "slettet"
        case .changed: "ændret"
        case .moved: "flyttet"
        }
    }

    public static func place(_ place: DocumentChange.Place) -> String {
        switch place {
        case .field: "felt"
        case .appendix: "bilag"
        case .section: "afsnit"
        case .paragraph: "tekst"
        case .listItem: "listepunkt"
        case .decisionPoint: "beslutningspunkt"
        case .tableCell: "tabelcelle"
        case .tableRow: "tabelrække"
        }
    }

    /// "Beslutningspunkt 3 tilføjet", "Felt »dato« ændret", "Tekst flyttet fra »…«".
    public static func headline(_ change: DocumentChange) -> String {
        var words = place(change.place)
        switch change.place {
        case .decisionPoint:
            if let label = change.label { words = label.replacingOccurrences(of: "punkt", with: "beslutningspunkt") }
        case .field, .appendix:
            if let label = change.label { words += " »\(label)«" }
        case .tableCell, .tableRow:
            if let label = change.label { words = label.prefix(1).uppercased() + label.dropFirst() }
        case .section:
            if let section = change.section { words += " »\(section)«" }
        case .paragraph, .listItem:
            break
        }
        let origin = change.movedFrom.map { "fra »\($0)«" } ?? "fra teksten før første overskrift"
        let sentence = words + " " + kind(change.kind) + (change.kind == .moved ? " " + origin : "")
        return sentence.prefix(1).uppercased() + sentence.dropFirst()
    }

    /// "linje 12" (new), "linje 12 (før 10)", "linje 10 i den gamle udgave".
    public static func lines(_ change: DocumentChange) -> String {
        switch (change.oldLine, change.newLine) {
        case (let old?, let new?) where old != new: "linje \(new), før \(old)"
        case (_, let new?): "linje \(new)"
        case (let old?, nil): "linje \(old) i den gamle udgave"
        case (nil, nil): ""
        }
    }

    /// The group a change is shown under.
    public static func group(_ change: DocumentChange) -> String {
        switch change.place {
        case .decisionPoint: "Beslutningspunkter"
        case .field, .appendix: "Felter og bilag"
        default: change.section ?? "Før første overskrift"
        }
    }

    /// The groups in the order of the changes (which are ordered already).
    public static func groups(_ changes: [DocumentChange]) -> [(name: String, changes: [DocumentChange])] {
        var out: [(name: String, changes: [DocumentChange])] = []
        for change in changes {
            let name = group(change)
            if let index = out.firstIndex(where: { $0.name == name }) { out[index].changes.append(change) } else { out.append((name, [change])) }
        }
        return out
    }

    /// "5 ændringer", "1 ændring".
    public static func count(_ count: Int) -> String {
        count == 1 ? "1 ændring" : "\(DanishFormat.integer(count)) ændringer"
    }
}
