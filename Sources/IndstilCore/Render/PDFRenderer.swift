import Foundation

/// A4 PDF from the HTML rendering through WeasyPrint (an external program the setup
/// installs, started by `WeasyPrint`): page numbers "side 1 af 3", the title in the PDF
/// metadata, bookmarks from the headings.
public enum PDFRenderer {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static let timeout: TimeInterval = 120

    public static func pdf(fromHTML html: String) throws(Failure) -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("indstil-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("dokument.pdf")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try WeasyPrint.set(html, input: folder.appendingPathComponent("dokument.html"), output: output,
                               presentationalHints: true, timeout: timeout)
            return try Data(contentsOf: output)
        } catch let problem as WeasyPrint.Problem {
            throw Failure(description: problem.message(.document, detail: { "\($0)" }))
        } catch {
            throw Failure(description: "kan ikke skrive midlertidig fil: \(error)")
        }
    }
}
