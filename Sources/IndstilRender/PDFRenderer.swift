import Foundation
import IndstilSupport
import IndstilDocument

/// A4 PDF from the HTML rendering through WeasyPrint (an external program the setup
/// installs, started by `WeasyPrint`): page numbers "side 1 af 3", the title in the PDF
/// metadata, bookmarks from the headings.
public enum PDFRenderer {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static let timeout: TimeInterval = 120

    /// - Parameter archive: the archive copy, PDF/A-2 (`WeasyPrint.Variant.archive`), instead of the tagged PDF/UA-1.
    public static func pdf(fromHTML html: String, archive: Bool = false) throws(Failure) -> Data {
        let folder: URL
        do {
            folder = try TemporaryItems.makeFolder(kind: "pdf")
        } catch {
            throw Failure(description: "kan ikke oprette en midlertidig mappe i \(FileManager.default.temporaryDirectory.path): \(SystemErrorText.reason(error))")
        }
        defer { TemporaryItems.remove(folder) }
        let output = folder.appendingPathComponent("dokument.pdf")
        do {
            try WeasyPrint.set(html, input: folder.appendingPathComponent("dokument.html"), output: output,
                               presentationalHints: true, variant: archive ? .archive : .tagged, timeout: timeout)
            return try Data(contentsOf: output)
        } catch let problem as WeasyPrint.Problem {
            throw Failure(description: problem.message(.document))
        } catch {
            throw Failure(description: "kan ikke skrive en midlertidig fil i \(folder.path): \(SystemErrorText.reason(error))")
        }
    }
}
