import IndstilSupport

/// Personal data in the text of an attachment (a PDF's pages from pdftotext, a Word
/// file's text), for the packet assemblers: the same rules as the documents' `privacy.*`
/// checks, each finding on the manifest line that lists the attachment and naming the page.
/// CPR numbers are shown masked (DDMMYY-XXXX). In a closed attachment a CPR number is a
/// note and the warnings are not given (closed material is not published).
public enum PersonalDataScan {
    public static func attachmentFindings(pages: [String], fileName: String, isClosed: Bool, line: Int) -> [Diagnostic] {
        attachmentFindings(pages: pages, fileName: fileName, isClosed: isClosed, line: line, today: .today)
    }

    package static func attachmentFindings(pages: [String], fileName: String, isClosed: Bool, line: Int, today: CalendarDay) -> [Diagnostic] {
        let scanner = PersonalDataScanner(today: today)
        let isWord = fileName.lowercased().hasSuffix(".docx") && pages.count == 1
        var diagnostics: [Diagnostic] = []
        for (index, page) in pages.enumerated() {
            let place = isWord ? Message(da: " i »\(fileName)«", en: " in \"\(fileName)\"")
                : Message(da: " på side \(index + 1) i »\(fileName)«", en: " on page \(index + 1) of \"\(fileName)\"")
            for paragraph in paragraphs(of: page) {
                for finding in scanner.scan(paragraph, warnings: !isClosed) {
                    diagnostics.append(diagnostic(for: finding, place: place, isClosed: isClosed, inAttachment: true, line: line))
                }
            }
        }
        return diagnostics
    }

    /// A page's paragraphs: its text split at blank lines (a page of pdftotext's output is
    /// lines; a name and an address belong together only in the same paragraph).
    package static func paragraphs(of page: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0.isWhitespace }) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs
    }

    /// The diagnostic of a finding: a CPR number is an error in open material and a note in
    /// closed; the others are warnings.
    package static func diagnostic(for finding: PersonalDataFinding, place: Message, isClosed: Bool, inAttachment: Bool,
                           line: Int, column: Int = 1) -> Diagnostic {
        let described = finding.describe(place, inAttachment)
        guard finding.kind == .cpr else {
            return Diagnostic(check: finding.kind.rawValue, severity: .warning, message: described, line: line, column: column)
        }
        let what = inAttachment ? Message(da: "bilaget", en: "the appendix") : Message(da: "dokumentet", en: "the document")
        if isClosed {
            return Diagnostic(check: finding.kind.rawValue, severity: .note, message: Message(
                da: "\(described.da) i et lukket dokument: det offentliggøres ikke, men sørg for, at nummeret kun står, hvor det er nødvendigt",
                en: "\(described.en) in a closed document: it is not published, but keep the number only where it is needed"),
                line: line, column: column)
        }
        return Diagnostic(check: finding.kind.rawValue, severity: .error, message: Message(
            da: "\(described.da): \(what.da) er åbent og offentliggøres, og et CPR-nummer i det er et brud på persondatasikkerheden; fjern nummeret, eller gør \(what.da) lukket",
            en: "\(described.en): \(what.en) is open and published, and a CPR number in it is a personal data breach; remove the number, or make \(what.en) closed"),
            line: line, column: column)
    }
}
