import Foundation

/// Table rows that close: a cell spanning columns says so (`/A << /O /Table /ColSpan n >>`).
///
/// WeasyPrint 57 writes no `ColSpan`, so the recommendation's fact box (label and value on each
/// row, and a row whose one cell spans both: `<td colspan="2">`) is a grid whose rows have one
/// and two cells, which a screen reader cannot walk by column. A row with fewer cells than the
/// table's widest row gets its last cell spanned over the missing columns: what `colspan` on
/// the last cell means. Tables with row spans (which also shorten rows) are left alone; indstil
/// writes none.
package enum TableGridRepair {
    package static func apply(_ tree: StructureTree, in edit: inout PDFObjectEdit) {
        for tableRef in tree.elements where edit.value(tableRef)?["/S"] as? String == "/Table" {
            let rows = rowsOf(tableRef, in: edit)
            let cells = rows.map { StructureTree.elementKids(of: $0, in: edit).filter { ["/TH", "/TD"].contains(edit.value($0)?["/S"] as? String ?? "") } }
            // A row's width in columns: its cells, each as wide as it says (WeasyPrint 70 writes spans).
            let widths = cells.map { row in row.map { span(of: $0, in: edit) }.reduce(0, +) }
            guard let widest = widths.max(), widest > 1 else { continue }
            let spansRows = cells.joined().contains { ((edit.value($0)?["/A"] as? [String: Any])?["/RowSpan"] as? Int ?? 1) > 1 }
            guard !spansRows else { continue }
            for (row, width) in zip(cells, widths) where !row.isEmpty && width < widest {
                guard let lastRef = row.last, var last = edit.value(lastRef) else { continue }
                var attributes = last["/A"] as? [String: Any] ?? ["/O": "/Table"]
                guard attributes["/O"] as? String == "/Table" else { continue }
                attributes["/ColSpan"] = span(of: lastRef, in: edit) + widest - width
                last["/A"] = attributes
                edit.set(lastRef, last)
            }
        }
    }

    /// How many columns a cell spans (`/ColSpan`, 1 without).
    static func span(of cell: String, in edit: PDFObjectEdit) -> Int {
        let span = (edit.value(cell)?["/A"] as? [String: Any])?["/ColSpan"] as? Int ?? 1
        return (1...1000).contains(span) ? span : 1
    }

    /// The table's rows, directly or in `THead`/`TBody`/`TFoot`.
    static func rowsOf(_ tableRef: String, in edit: PDFObjectEdit) -> [String] {
        StructureTree.elementKids(of: tableRef, in: edit).flatMap { kid -> [String] in
            switch edit.value(kid)?["/S"] as? String {
            case "/TR": [kid]
            case "/THead", "/TBody", "/TFoot": StructureTree.elementKids(of: kid, in: edit).filter { edit.value($0)?["/S"] as? String == "/TR" }
            default: []
            }
        }
    }
}
