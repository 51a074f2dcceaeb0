import Foundation

/// DOCX (and other office) attachments turned into PDF with LibreOffice, so they can be
/// stamped on every page and merged into a packet like PDF attachments, as the exported
/// packets do ("Punkt 6, Bilag 1: Dagsorden … .docx"). Without LibreOffice, or when a
/// file does not convert, the attachment is published as it is and the caller (`PacketFiles`) says so.
///
/// The PDF is tagged (PDF/UA-1: LibreOffice's structure tree from the document's headings,
/// lists and tables) and PDF/A-2b, so it can go into an archive copy (`PDFArchiveParts`).
enum OfficeConversion {
    static let convertible: Set<String> = ["docx", "doc", "odt", "rtf"]
    static let timeout: TimeInterval = 300

    /// LibreOffice's PDF export: tagged, PDF/UA-1, PDF/A-2b.
    static let filter = #"pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},"#
        + #""PDFUACompliance":{"type":"boolean","value":"true"},"SelectPdfVersion":{"type":"long","value":"2"}}"#

    /// The time of conversion, which LibreOffice writes into the document information and
    /// the XMP metadata, is replaced by this one (SOURCE_DATE_EPOCH's 1980-01-01): the same
    /// attachment gives the same packet.
    static let fixedDate = (info: "D:19800101000000Z", xmp: "1980-01-01T00:00:00Z")

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
                                                   "--convert-to", filter, "--outdir", folder.path] + inputs.map(\.copy.path), timeout: timeout)
        guard case .finished = result else { return [:] }
        var converted: [URL: URL] = [:]
        for (source, copy) in inputs {
            let pdf = copy.deletingPathExtension().appendingPathExtension("pdf")
            guard let head = try? FileHandle(forReadingFrom: pdf).read(upToCount: 4), head == Data("%PDF".utf8) else { continue }
            let fixed = copy.deletingPathExtension().appendingPathExtension("fast.pdf")
            if (try? fixDates(pdf, to: fixed, work: folder)) != nil {
                converted[source] = fixed
            }
        }
        return converted
    }

    /// `pdf` with `fixedDate` as its creation and modification time (document information,
    /// XMP and the output intent's ICC profile alike, as PDF/A wants them to agree), and an
    /// /ID derived from its content.
    static func fixDates(_ pdf: URL, to output: URL, work: URL) throws(PacketFailure) {
        func objects(_ refs: [String], inline: Bool = false) throws(PacketFailure) -> [String: Any] {
            let json = try QPDF.json(pdf, keys: ["qpdf"] , extra: (inline ? ["--json-stream-data=inline"] : []) + refs.map { "--json-object=\($0)" },
                                     into: work.appendingPathComponent("datoer.json"), step: .converting, what: "ved konvertering")
            return QPDF.objects(json)
        }
        var update: [String: Any] = [:]
        guard var trailer = (try objects(["trailer"])["trailer"] as? [String: Any])?["value"] as? [String: Any],
              let root = trailer["/Root"] as? String else {
            throw PacketFailure(.converting, "den konverterede PDF har ingen katalog", file: pdf)
        }
        // LibreOffice's checksum and /ID differ from run to run; qpdf keeps the first /ID
        // element it finds, and derives both from the content (--deterministic-id) when there is none.
        trailer["/DocChecksum"] = nil
        trailer["/ID"] = nil
        update["trailer"] = ["value": trailer]
        let info = trailer["/Info"] as? String
        let found = try objects([root] + (info.map { [$0] } ?? []))
        if let info, var dates = QPDF.value(found, info) {
            for key in ["/CreationDate", "/ModDate"] where dates[key] != nil { dates[key] = "u:" + fixedDate.info }
            update["obj:" + info] = ["value": dates]
        }
        /// A stream's dictionary (without its filters: the data given back is plain) and data.
        func stream(_ ref: String) throws(PacketFailure) -> (dictionary: [String: Any], data: Data)? {
            guard let stream = (try objects([ref], inline: true)["obj:" + ref] as? [String: Any])?["stream"] as? [String: Any],
                  let encoded = stream["data"] as? String, let data = Data(base64Encoded: encoded) else { return nil }
            var dictionary = stream["dict"] as? [String: Any] ?? [:]
            for key in ["/Filter", "/DecodeParms", "/Length"] { dictionary[key] = nil }
            return (dictionary, data)
        }
        let catalog = QPDF.value(found, root)
        if let metadata = catalog?["/Metadata"] as? String, let (dictionary, data) = try stream(metadata), var xmp = String(data: data, encoding: .utf8) {
            xmp = xmp.replacing(/(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)[^<]*/) { $0.1 + fixedDate.xmp }
            xmp = xmp.replacing(/(xmp:(?:CreateDate|ModifyDate|MetadataDate)=")[^"]*/) { $0.1 + fixedDate.xmp }
            update["obj:" + metadata] = ["stream": ["dict": dictionary, "data": Data(xmp.utf8).base64EncodedString()]]
        }
        // The sRGB profile of the PDF/A output intent, which LibreOffice has lcms make at export
        // time: its header carries that time (bytes 24–35, ICC.1 7.2.8).
        var intents = catalog?["/OutputIntents"] as? [Any] ?? []
        if let ref = catalog?["/OutputIntents"] as? String { intents = try objects([ref])["obj:" + ref].flatMap { ($0 as? [String: Any])?["value"] as? [Any] } ?? [] }
        for intent in intents {
            var dictionary = intent as? [String: Any]
            if let ref = intent as? String { dictionary = QPDF.value(try objects([ref]), ref) }
            guard let profile = dictionary?["/DestOutputProfile"] as? String, var (profileDictionary, data) = try stream(profile), data.count >= 128 else { continue }
            data.replaceSubrange(24..<36, with: [0x07, 0xbc, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])
            profileDictionary["/N"] = profileDictionary["/N"] ?? 3
            update["obj:" + profile] = ["stream": ["dict": profileDictionary, "data": data.base64EncodedString()]]
        }
        let updateFile = work.appendingPathComponent("datoer-opdatering.json")
        do {
            try JSONSerialization.data(withJSONObject: ["qpdf": [["jsonversion": 2], update]], options: [.sortedKeys, .withoutEscapingSlashes]).write(to: updateFile)
        } catch {
            throw PacketFailure(.converting, "kan ikke skrive \(updateFile.path): \(SystemErrorText.reason(error))", file: updateFile)
        }
        try QPDF.write([pdf.path, "--update-from-json=\(updateFile.path)", output.path], step: .converting, what: "ved konvertering")
    }
}
