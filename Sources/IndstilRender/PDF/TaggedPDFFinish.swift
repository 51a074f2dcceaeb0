import Foundation
import IndstilSupport
import IndstilDocument

/// Finishes, in place, a tagged PDF WeasyPrint wrote (qpdf, `--update-from-json`), so that a
/// PDF/UA checker finds nothing it can check automatically:
/// - every table header cell (`/TH`) says what it heads (`/A << /O /Table /Scope … >>`):
///   `/Column` in a row of header cells only (or in a `THead`), `/Row` when the row also has
///   data cells (the label column of a metadata table). WeasyPrint 57 writes no scope, so a
///   screen reader cannot tell which cells a header belongs to;
/// - a file with bookmarks opens with them shown (`/PageMode /UseOutlines`).
enum TaggedPDFFinish {
    package static func apply(_ pdf: URL, work: URL) throws(PacketFailure) {
        let json = try QPDF.json(pdf, keys: ["qpdf"], into: work.appendingPathComponent("tags.json"),
                                 step: .setting, what: Message(da: "ved læsning af PDF'ens tags", en: "while reading the PDF's tags"))
        let objects = QPDF.objects(json)
        var update: [String: Any] = [:]

        for (key, entry) in objects where key.hasPrefix("obj:") {
            // No attributes yet, or only the owner WeasyPrint 70 writes (`<< /O /Table >>`).
            guard var cell = (entry as? [String: Any])?["value"] as? [String: Any], cell["/S"] as? String == "/TH",
                  var attributes = cell["/A"] == nil ? ["/O": "/Table"] : cell["/A"] as? [String: Any],
                  attributes["/O"] as? String == "/Table", attributes["/Scope"] == nil,
                  let rowRef = cell["/P"] as? String, let row = QPDF.value(objects, rowRef) else { continue }
            let section = (row["/P"] as? String).flatMap { QPDF.value(objects, $0) }?["/S"] as? String
            let cells = kids(row).compactMap { QPDF.value(objects, $0)?["/S"] as? String }
            attributes["/Scope"] = section == "/THead" || !cells.contains("/TD") ? "/Column" : "/Row"
            cell["/A"] = attributes
            update[key] = ["value": cell]
        }

        if let trailer = (objects["trailer"] as? [String: Any])?["value"] as? [String: Any], let rootRef = trailer["/Root"] as? String,
           var catalog = QPDF.value(objects, rootRef), catalog["/Outlines"] != nil, catalog["/PageMode"] == nil {
            catalog["/PageMode"] = "/UseOutlines"
            update["obj:" + rootRef] = ["value": catalog]
        }

        guard !update.isEmpty else { return }
        let updateFile = work.appendingPathComponent("tags-opdatering.json")
        let finished = work.appendingPathComponent("faerdig-" + pdf.lastPathComponent)
        do {
            let data = try JSONSerialization.data(withJSONObject: ["qpdf": [["jsonversion": 2], update]], options: [.sortedKeys, .withoutEscapingSlashes])
            try data.write(to: updateFile)
        } catch {
            let reason = SystemErrorText.reason(error)
            throw PacketFailure(.setting, da: "tags kan ikke skrives: \(reason.da)", en: "the tags cannot be written: \(reason.en)", file: updateFile)
        }
        try QPDF.write([pdf.path, "--update-from-json=\(updateFile.path)", finished.path], step: .setting, what: Message(da: "ved færdiggørelse af tags", en: "while finishing the tags"))
        guard rename(finished.path, pdf.path) == 0 else {
            let reason = SystemErrorText.errnoText(errno)
            throw PacketFailure(.setting, da: "\(pdf.path) kan ikke erstattes: \(reason.da)", en: "\(pdf.path) cannot be replaced: \(reason.en)", file: pdf)
        }
    }

    /// A structure element's kids that are objects (`/K` one reference or an array).
    package static func kids(_ element: [String: Any]) -> [String] {
        if let one = element["/K"] as? String { return [one] }
        return (element["/K"] as? [Any] ?? []).compactMap { $0 as? String }
    }
}
