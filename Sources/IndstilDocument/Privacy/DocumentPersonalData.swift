import IndstilSupport

/// The personal data in one document, for the `privacy.*` checks (their diagnostics are
/// `DocumentPersonalData.diagnostics` in IndstilChecks): every piece of text a
/// reader sees — paragraphs, headings, list items, table cells (pipe tables and `tabel`
/// blocks), code blocks, and the front matter's values (CPR numbers only) — scanned with
/// `PersonalDataScanner`, each finding at its file line. Word documents arrive as the same
/// model, so they are covered too.
package enum DocumentPersonalData {
    /// A finding and where it is in the file.
    package struct Located {
        package let finding: PersonalDataFinding
        package let line: Int
        package let column: Int
    }

    /// A piece of text and the file line each of its lines starts on.
    private struct Unit {
        var text: String
        /// Byte offset in `text` where each line starts, with its file line.
        var lines: [(offset: Int, line: Int, column: Int)]
        var dense = false
        var surrounding: CPRScanner.Verdict = .none
        var warnings = true
        var reportsCPR = true

        func place(of offset: Int) -> (line: Int, column: Int, lineStart: Int) {
            var best = lines[0]
            for entry in lines where entry.offset <= offset { best = entry }
            return (best.line, best.column, best.offset)
        }
    }

    /// An open document is published: front matter `status` is anything but "lukket".
    package static func isClosed(_ document: Document) -> Bool {
        document.frontMatter["status"]?.trimmedString?.lowercased() == "lukket"
    }

    /// The scanner, told who the case officer is (front matter `sagsbehandler`).
    package static func scanner(for document: Document) -> PersonalDataScanner {
        var scanner = PersonalDataScanner()
        if let officer = document.frontMatter["sagsbehandler"] {
            if let name = officer["navn"]?.trimmedString { scanner.officerNames.append(name) }
            if let phone = officer["telefon"]?.trimmedString { scanner.officerPhones.append(phone) }
            if let email = officer["email"]?.trimmedString { scanner.officerEmails.append(email) }
        }
        return scanner
    }

    package static func findings(in document: Document, kind: PersonalDataKind) -> [Located] {
        findings(in: document, kinds: [kind])
    }

    /// The findings of `kinds` in one scan: CPR numbers (asked for alone: they are scanned
    /// without the warnings), or any of the warnings' kinds (the scan reads the units the
    /// same way for each of those).
    package static func findings(in document: Document, kinds: Set<PersonalDataKind>) -> [Located] {
        let cpr = kinds.contains(.cpr)
        let scanner = scanner(for: document)
        var located: [Located] = []
        forEachUnit(of: document, warnings: !cpr) { unit in
            guard !cpr || unit.reportsCPR else { return }
            let findings = scanner.scan(unit.text, dense: unit.dense, surrounding: unit.surrounding, warnings: unit.warnings)
                .filter { kinds.contains($0.kind) && ($0.kind != .cpr || unit.reportsCPR) }
            guard !findings.isEmpty else { return }
            let bytes = Array(unit.text.utf8)
            for finding in findings {
                let place = unit.place(of: finding.range.lowerBound)
                let prefix = bytes[place.lineStart..<finding.range.lowerBound]
                let column = place.column + String(decoding: prefix, as: UTF8.self).count
                located.append(Located(finding: finding, line: place.line, column: column))
            }
        }
        return located
    }

    // MARK: Units

    /// Each unit in turn, none kept: a document of 300 000 paragraphs held them all at once
    /// (with a copy of every paragraph), the largest memory of checking it.
    private static func forEachUnit(of document: Document, warnings: Bool, _ visit: (Unit) -> Void) {
        // Front matter: CPR numbers in any value but the case officer's and the acceptances.
        for entry in document.frontMatter.entries where !["sagsbehandler", PersonalDataAcceptance.frontMatterKey].contains(entry.key) {
            scalars(entry.value) { text, line, column in
                visit(Unit(text: text, lines: [(0, line, column)], warnings: false))
            }
        }
        for top in document.body.children {
            for block in top.textBlocks {
                var text = ""
                var lines: [(offset: Int, line: Int, column: Int)] = []
                for (index, piece) in block.textLines.enumerated() {
                    if index > 0 { text += "\n" }
                    lines.append((text.utf8.count, piece.line, index == 0 ? block.column : 1))
                    text += piece.text
                }
                if !lines.isEmpty { visit(Unit(text: text, lines: lines, warnings: warnings)) }
            }
        }
        document.body.forEach { node in
            guard case .codeBlock(_, let literal) = node.kind else { return }
            var offset = 0
            var lines: [(offset: Int, line: Int, column: Int)] = []
            for (index, line) in literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                lines.append((offset, node.line + 1 + index, 1))
                offset += line.utf8.count + 1
            }
            visit(Unit(text: literal, lines: lines, warnings: warnings))
        }
        for table in document.body.tables {
            Self.units(of: table, warnings: warnings).forEach(visit)
        }
    }

    /// Each cell of a table. A table whose cells are mostly figures (a budget) is number-dense:
    /// a CPR number counts there only with CPR context — "CPR" in the column's header or the
    /// row's first cell, or a person's name in the row.
    private static func units(of table: Table, warnings: Bool) -> [Unit] {
        let cells = table.rows.flatMap(\.cells)
        let figures = cells.filter { cell in cell.text.contains { $0.isNumber } && !cell.text.contains { $0.isLetter } }.count
        let dense = figures * 5 >= cells.count * 2 && figures >= 2
        let headerVerdicts = table.header.cells.map { CPRScanner.verdict(of: $0.text) }
        var units: [Unit] = []
        for (rowIndex, row) in ([table.header] + table.rows).enumerated() {
            var rowVerdict = rowIndex > 0 ? CPRScanner.verdict(of: row.cells.first?.text ?? "") : .none
            // The row as one text, each cell at its place, for a name in one cell and an
            // address in the next; its CPR numbers are reported cell by cell below.
            var rowText = ""
            var lines: [(offset: Int, line: Int, column: Int)] = []
            for cell in row.cells where !cell.text.isEmpty {
                if !rowText.isEmpty { rowText += " | " }
                lines.append((rowText.utf8.count, cell.line, cell.column))
                rowText += cell.text
            }
            guard !lines.isEmpty else { continue }
            let scanned = PrivacyText(rowText)
            let hasName = !PersonNameFinder.names(in: scanned, words: scanned.words()).isEmpty
            if rowVerdict == .none, rowIndex > 0, hasName { rowVerdict = .cpr }
            if warnings, hasName {
                units.append(Unit(text: rowText, lines: lines, dense: dense, surrounding: rowVerdict, warnings: true, reportsCPR: false))
            }
            for (column, cell) in row.cells.enumerated() where !cell.text.isEmpty {
                var surrounding = rowVerdict
                if rowIndex > 0, column < headerVerdicts.count, headerVerdicts[column] != .none { surrounding = headerVerdicts[column] }
                units.append(Unit(text: cell.text, lines: [(0, cell.line, cell.column)], dense: dense, surrounding: surrounding, warnings: false))
            }
        }
        return units
    }

    private static func scalars(_ value: YAMLValue, _ body: (String, Int, Int) -> Void) {
        switch value.content {
        case .scalar(let text): body(text, value.line, value.column)
        case .sequence(let items): items.forEach { scalars($0, body) }
        case .mapping(let entries): entries.forEach { scalars($0.value, body) }
        case .null: break
        }
    }
}
