import Foundation

/// DOCX (and other office) attachments turned into PDF with LibreOffice, so they can be
/// stamped on every page and merged into a packet like PDF attachments, as the exported
/// packets do ("Punkt 6, Bilag 1: Dagsorden … .docx"). Without LibreOffice, or when a
/// file does not convert, the attachment is published as it is and the caller (`PacketFiles`) says so.
enum OfficeConversion {
    static let convertible: Set<String> = ["docx", "doc", "odt", "rtf"]
    static let timeout: TimeInterval = 300

    /// The converted PDF of each source that converted, by source. One LibreOffice run for
    /// all of them, with a private user profile (so it never waits for another instance).
    static func pdfs(of sources: [URL], work: URL) -> [URL: URL] {
        guard !sources.isEmpty, let program = ["soffice", "libreoffice"].first(where: { ExternalProgram.find($0) != nil }) else { return [:] }
        let folder = work.appendingPathComponent("konvertering", isDirectory: true)
        let profile = work.appendingPathComponent("libreoffice-profil", isDirectory: true)
        var inputs: [(source: URL, copy: URL)] = []
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (index, source) in sources.enumerated() {
                let copy = folder.appendingPathComponent("bilag-\(index + 1).\(source.pathExtension.lowercased())")
                try FileManager.default.copyItem(at: source, to: copy)
                inputs.append((source, copy))
            }
        } catch {
            return [:]
        }
        let result = ExternalProgram.run(program, ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
                                                   "--convert-to", "pdf", "--outdir", folder.path] + inputs.map(\.copy.path), timeout: timeout)
        guard case .finished = result else { return [:] }
        var converted: [URL: URL] = [:]
        for (source, copy) in inputs {
            let pdf = copy.deletingPathExtension().appendingPathExtension("pdf")
            guard let head = try? FileHandle(forReadingFrom: pdf).read(upToCount: 4), head == Data("%PDF".utf8) else { continue }
            // Only the pages: LibreOffice writes the time of conversion into the document
            // information, which would make every packet differ from the last.
            let pages = copy.deletingPathExtension().appendingPathExtension("sider.pdf")
            if (try? QPDF.write(["--empty", "--pages", pdf.path, "1-z", "--", pages.path], step: .converting, what: "ved konvertering")) != nil {
                converted[source] = pages
            }
        }
        return converted
    }
}
