import Foundation

/// `indstil bundle --to pdf`: a betænkning bundle as one A4 PDF.
///
/// The PDF opens with a cover and the bilagsfortegnelse (page numbers, clickable),
/// then every chapter and its appendices, each appendix on a new page under a running
/// header with its number and title, "side X af Y" at the foot. Bookmarks: Forside,
/// Bilagsfortegnelse, each chapter, and under it each appendix as "B2.1 Titel".
///
/// One HTML document is set by WeasyPrint; each PDF attachment gets a placeholder page
/// plus blank pages reserved for its pages, which qpdf then swaps for the attachment's
/// own pages (kept as they are: vector, unstamped). See `BundlePDFMerge` for how the
/// bookmarks and links survive that. Other attachments (DOCX, XLSX …) get a
/// placeholder page saying they are published as separate files.
///
/// Everything is built in a temporary folder; `file` is written only at the end, in
/// one rename, so a failure leaves no partial PDF.
public enum BundlePDF {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// Big bundles (hundreds of pages) take WeasyPrint minutes.
    public static let timeout: TimeInterval = 600

    public static func write(_ bundle: ResolvedBundle, to file: URL, progress: @Sendable (String) -> Void) throws {
        let work = try temporaryWorkFolder()
        defer { try? FileManager.default.removeItem(at: work) }

        var attachments: [BundlePDFAttachment] = []
        for appendix in bundle.appendices {
            guard case .attachment(let fileExtension) = appendix.content else { continue }
            if fileExtension == "pdf" {
                attachments.append(try BundlePDFAttachment.inspect(source: appendix.source, key: appendix.id, label: appendix.number,
                                                                   index: attachments.count + 1, work: work))
            } else {
                progress("Bemærk: \(appendix.number) »\(appendix.source.lastPathComponent)« er ikke en PDF og kommer kun med som henvisning")
            }
        }

        progress("Bygger HTML til PDF: \(BundlePDFHTML.count(bundle.chapters.count, "kapitel", "kapitler")), \(BundlePDFHTML.count(bundle.appendices.count, "bilag", "bilag")) …")
        let document = BundlePDFHTML(bundle: bundle, attachmentPages: Dictionary(attachments.map { ($0.key, $0.pageCount) }, uniquingKeysWith: { first, _ in first }))
        try setAndMerge(html: document.html(css: try stylesheet()), attachments: attachments, work: work, to: file, progress: progress)
    }

    /// A new, empty temporary folder for the intermediate files; the caller removes it.
    static func temporaryWorkFolder() throws(Failure) -> URL {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("indstil-pdf-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            throw Failure("kan ikke oprette en midlertidig mappe: \(error.localizedDescription)")
        }
        return work
    }

    /// Sets `html` with WeasyPrint, swaps the reserved pages for the PDF attachments
    /// (`BundlePDFMerge`) and writes the result to `file` in one rename.
    static func setAndMerge(html: String, attachments: [BundlePDFAttachment], work: URL, to file: URL,
                            progress: (String) -> Void) throws(Failure) {
        let input = work.appendingPathComponent("bilagsmateriale.html")
        let set = work.appendingPathComponent("sat.pdf")
        do {
            try Data(html.utf8).write(to: input)
        } catch {
            throw Failure("kan ikke skrive midlertidig fil: \(error.localizedDescription)")
        }

        progress("Sætter PDF med WeasyPrint …")
        switch ExternalProgram.run("weasyprint", ["--quiet", input.path, set.path], timeout: timeout) {
        case .notFound:
            throw Failure("WeasyPrint findes ikke; installér det med »make deps« (Debian-pakken weasyprint)")
        case .timedOut:
            throw Failure("WeasyPrint svarede ikke inden for \(Int(timeout)) sekunder")
        case .finished(let status, let stderr):
            guard status == 0, let head = try? FileHandle(forReadingFrom: set).read(upToCount: 4), head == Data("%PDF".utf8) else {
                throw Failure("WeasyPrint fejlede (exit \(status)): \(stderr.prefix(500))")
            }
        }

        var result = set
        if !attachments.isEmpty {
            result = work.appendingPathComponent("bilagsmateriale.pdf")
            try BundlePDFMerge.merge(main: set, attachments: attachments, work: work, output: result, progress: progress)
        }

        let data: Data
        do {
            data = try Data(contentsOf: result)
        } catch {
            throw Failure("den færdige PDF kan ikke læses: \(error.localizedDescription)")
        }
        do {
            try AtomicFile.write(data, to: file)
        } catch {
            throw Failure("kan ikke skrive \(file.path): \(error.localizedDescription)")
        }
    }

    /// `Templates/_base/bundle-pdf.css`: the house style of the bundle PDF.
    static func stylesheet() throws(Failure) -> String {
        let url = (ShippedTemplates.folder ?? URL(fileURLWithPath: "Templates"))
            .appendingPathComponent("_base").appendingPathComponent("bundle-pdf.css")
        guard let css = try? String(contentsOf: url, encoding: .utf8) else {
            throw Failure("stilarket \(url.path) kan ikke læses")
        }
        return css
    }
}
