import Foundation
import IndstilSupport
import IndstilDocument

/// Finishes, in place, a tagged PDF WeasyPrint wrote (qpdf, `--update-from-json`), so that a
/// PDF/UA checker finds nothing it can check automatically:
/// - every table header cell (`/TH`) says what it heads (`/A << /O /Table /Scope … >>`):
///   `/Column` in a row of header cells only (or in a `THead`), `/Row` when the row also has
///   data cells (the label column of a metadata table). WeasyPrint 57 writes no scope, so a
///   screen reader cannot tell which cells a header belongs to;
/// - a cell spanning columns says so (`TableGridRepair`);
/// - lists are `L` > `LI` > `Lbl`/`LBody` (`ListStructureRepair`);
/// - every link annotation is found in a `Link` element (`LinkStructureRepair`);
/// - a file with bookmarks opens with them shown (`/PageMode /UseOutlines`);
/// - the archive copy says it is PDF/UA-1 too (`PDFUAIdentification`).
enum TaggedPDFFinish {
    /// - Parameter identifiesUA: the archive copy, whose metadata is to say PDF/UA-1 too (`PDFUAIdentification`).
    package static func apply(_ pdf: URL, work: URL, identifiesUA: Bool = false) throws(PacketFailure) {
        let json = try QPDF.json(pdf, keys: ["qpdf"], into: work.appendingPathComponent("tags.json"),
                                 step: .setting, what: Message(da: "ved læsning af PDF'ens tags", en: "while reading the PDF's tags"))
        var edit = PDFObjectEdit(json: json)
        finish(&edit)

        if identifiesUA { try PDFUAIdentification.apply(pdf, in: &edit, work: work) }

        guard edit.isChanged else { return }
        let finished = work.appendingPathComponent("faerdig-" + pdf.lastPathComponent)
        try edit.write(pdf, to: finished, jsonFile: work.appendingPathComponent("tags-opdatering.json"), step: .setting,
                       what: Message(da: "ved færdiggørelse af tags", en: "while finishing the tags"))
        guard rename(finished.path, pdf.path) == 0 else {
            let reason = SystemErrorText.errnoText(errno)
            throw PacketFailure(.setting, da: "\(pdf.path) kan ikke erstattes: \(reason.da)", en: "\(pdf.path) cannot be replaced: \(reason.en)", file: pdf)
        }
    }

    /// The changes above (all but the archive copy's identification), made in `edit`: also
    /// used where a PDF is being changed anyway (`PDFJoin`).
    package static func finish(_ edit: inout PDFObjectEdit) {
        if var tree = StructureTree(edit) {
            scopeTableHeaders(tree, in: &edit)
            var parentTree = tree.parentTree(edit)
            TableGridRepair.apply(tree, in: &edit)
            let merged = ListStructureRepair.apply(tree, in: &edit)
            StructureTree.remap(&parentTree, merged)
            if !merged.isEmpty { tree.reread(edit) }
            if LinkStructureRepair.apply(tree, parentTree: &parentTree, in: &edit) || !merged.isEmpty {
                tree.setParentTree(parentTree, in: &edit)
            }
        }
        if let rootRef = edit.rootRef, var catalog = edit.value(rootRef), catalog["/Outlines"] != nil, catalog["/PageMode"] == nil {
            catalog["/PageMode"] = "/UseOutlines"
            edit.set(rootRef, catalog)
        }
    }

    /// Every table header cell says what it heads (see above).
    static func scopeTableHeaders(_ tree: StructureTree, in edit: inout PDFObjectEdit) {
        for ref in tree.elements {
            // No attributes yet, or only the owner WeasyPrint 70 writes (`<< /O /Table >>`).
            guard var cell = edit.value(ref), cell["/S"] as? String == "/TH",
                  var attributes = cell["/A"] == nil ? ["/O": "/Table"] : cell["/A"] as? [String: Any],
                  attributes["/O"] as? String == "/Table", attributes["/Scope"] == nil,
                  let rowRef = cell["/P"] as? String, let row = edit.value(rowRef) else { continue }
            let section = (row["/P"] as? String).flatMap { edit.value($0) }?["/S"] as? String
            let cells = StructureTree.elementKids(of: rowRef, in: edit).compactMap { edit.value($0)?["/S"] as? String }
            attributes["/Scope"] = section == "/THead" || !cells.contains("/TD") ? "/Column" : "/Row"
            cell["/A"] = attributes
            edit.set(ref, cell)
        }
    }
}
