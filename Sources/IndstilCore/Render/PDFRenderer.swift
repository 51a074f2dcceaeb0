import Foundation

/// A4 PDF from the HTML rendering through WeasyPrint (an external program the setup
/// installs): page numbers "side 1 af 3", the title in the PDF metadata, bookmarks
/// from the headings.
public enum PDFRenderer {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static let timeout: TimeInterval = 120

    public static func pdf(fromHTML html: String) throws(Failure) -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("indstil-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("dokument.html")
        let output = folder.appendingPathComponent("dokument.pdf")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: input)
        } catch {
            throw Failure(description: "kan ikke skrive midlertidig fil: \(error)")
        }
        let result = ExternalProgram.run("weasyprint", ["--quiet", "--presentational-hints", input.path, output.path], timeout: timeout)
        switch result {
        case .notFound:
            throw Failure(description: "WeasyPrint findes ikke; installér det med »make deps« (Debian-pakken weasyprint)")
        case .timedOut:
            throw Failure(description: "WeasyPrint svarede ikke inden for \(Int(timeout)) sekunder")
        case .finished(let status, let stderr):
            guard status == 0, let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF".utf8)) else {
                throw Failure(description: "WeasyPrint fejlede (exit \(status)): \(stderr.prefix(500))")
            }
            return data
        }
    }
}
