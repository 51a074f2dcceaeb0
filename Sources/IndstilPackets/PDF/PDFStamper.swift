import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// Stamps every page of PDF attachments with their place in the packet,
/// "Punkt 3, Bilag 2: Sammenfatning" or "B1.2 Titel", in a small framed box at the top
/// right, and, in a packet's PDF, with the page's number in the packet, "side 20 af 31",
/// where the house style prints it on the packet's own pages (`@bottom-right`).
///
/// The stamps are set by WeasyPrint, all of them in one run: one page per attachment
/// page, each the size of the page it goes on as the reader sees it (rotated pages
/// swap width and height; qpdf turns the overlay with the page). Each stamp page's
/// content is marked as a pagination artifact (`/Artifact <</Type /Pagination>> BDC … EMC`), as the packet's own running
/// headers are: in a tagged PDF it is page furniture, not content to be read out. qpdf
/// then lays each attachment's stamp pages over its pages (`--overlay`), so the stamp is
/// text that can be searched and extracted with pdftotext. The attachment's own content
/// is left as it is.
enum PDFStamper {
    struct Job {
        let source: URL
        let stamp: String
        let destination: URL
        /// The packet's page numbers of the attachment's pages; nil: no page number (the
        /// copies published beside a site).
        var pageNumbers: PageNumbers? = nil
    }

    /// "side first af total" on the attachment's first page, counting on.
    struct PageNumbers {
        let first: Int
        let total: Int
    }

    struct PageSize: Hashable {
        /// Points, rounded to 1/100.
        let width: Int
        let height: Int
    }

    static let timeout: TimeInterval = 600

    /// Opens a stamp's marked content: page furniture (a stamp carries both the appendix's
    /// number at the top and the page number at the bottom, so it is neither only a Header nor
    /// only a Footer).
    static let paginationArtifact = "/Artifact <</Type /Pagination>> BDC\n"

    /// - Parameter session: the packet's running WeasyPrint, if it has one (`WeasyPrintSession`).
    static func stamp(_ jobs: [Job], work: URL, progress: PacketProgress, session: WeasyPrintSession? = nil) throws(PacketFailure) {
        guard !jobs.isEmpty else { return }
        var sizes: [[PageSize]] = []
        for (index, job) in jobs.enumerated() {
            sizes.append(try pageSizes(job.source, work: work, index: index))
        }
        progress(PacketStep(.stamping, "Sætter stempler på \(counted(sizes.map(\.count).reduce(0, +), "side", "sider")) i \(counted(jobs.count, "PDF-bilag", "PDF-bilag")) …"))
        let html = stampHTML(zip(jobs, sizes).map { ($0.stamp, $0.pageNumbers, $1) })
        // The stamped attachments, kept by the stamps and each attachment's bytes: a packet whose
        // stamps and attachments did not change (one item's text did) takes them as they were.
        let keys = stampedKeys(jobs, html: html)
        if let keys, let cache = ContentCache.shared, zip(jobs, keys).allSatisfy({ cache.copy($1, to: $0.destination) }) { return }
        let stamps = work.appendingPathComponent("stempler.pdf")
        let set = work.appendingPathComponent("stempler-sat.pdf")
        try WeasyPrint.setPacket(html, input: work.appendingPathComponent("stempler.html"),
                                 output: set, purpose: .stamps, timeout: timeout, session: session)
        let json = try QPDF.json(set, keys: ["pages", "qpdf"], into: work.appendingPathComponent("stempler.json"), step: .stamping, what: Message(da: "ved læsning af stemplerne", en: "while reading the stamps"))
        let total = sizes.map(\.count).reduce(0, +)
        guard QPDF.pageRefs(json).count == total else {
            throw PacketFailure(.stamping, da: "intern fejl: WeasyPrint satte \(QPDF.pageRefs(json).count) stempelsider, men bilagene har \(total) sider",
                                en: "internal error: WeasyPrint set \(QPDF.pageRefs(json).count) stamp pages, but the appendices have \(total) pages")
        }
        try markAsArtifacts(set, json: json, work: work, output: stamps)
        var first = 1
        for (job, pages) in zip(jobs, sizes) {
            let last = first + pages.count - 1
            try QPDF.write([job.source.path, "--overlay", stamps.path, "--from=\(first)-\(last)", "--to=1-z", "--", job.destination.path],
                           step: .stamping, what: Message(da: "ved stempling af »\(job.source.lastPathComponent)«", en: "while stamping \"\(job.source.lastPathComponent)\""))
            first = last + 1
        }
        // Kept only when no attachment changed while it was stamped (a site's attachments are the
        // user's own files, which may be saved again meanwhile).
        if let keys, let cache = ContentCache.shared, stampedKeys(jobs, html: html)?.map(\.name) == keys.map(\.name) {
            for (job, key) in zip(jobs, keys) { cache.keep(job.destination, as: key) }
        }
    }

    /// Each job's key in the `ContentCache`: the stamp pages' HTML (every stamp, page number and
    /// page size), the job's place among them and its attachment's bytes, and the programs; nil
    /// when there is no cache or a file cannot be read.
    static func stampedKeys(_ jobs: [Job], html: String) -> [ContentCache.Key]? {
        guard ContentCache.shared != nil, let tools = PacketPDFCacheKey.tools(archive: false) else { return nil }
        var keys: [ContentCache.Key] = []
        for (index, job) in jobs.enumerated() {
            var key = ContentCache.Key("stamped attachment 1")
            key.add(tools)
            key.add(html)
            key.add(String(index))
            guard key.add(contentsOf: job.source) else { return nil }
            keys.append(key)
        }
        return keys
    }

    /// Writes `pdf` to `output` with each page's content marked as an artifact: a stream
    /// `paginationArtifact` before the page's content streams and one "EMC" after. qpdf's
    /// overlay makes the page a form XObject of the streams joined, so the whole stamp is
    /// one artifact where it lands.
    static func markAsArtifacts(_ pdf: URL, json: [String: Any], work: URL, output: URL) throws(PacketFailure) {
        let objects = QPDF.objects(json)
        let next = QPDF.maxObjectID(json) + 1
        let begin = "\(next) 0 R", end = "\(next + 1) 0 R"
        var update: [String: Any] = [
            "obj:" + begin: ["stream": ["dict": [String: Any](), "data": Data(paginationArtifact.utf8).base64EncodedString()]],
            "obj:" + end: ["stream": ["dict": [String: Any](), "data": Data("\nEMC\n".utf8).base64EncodedString()]],
        ]
        for page in json["pages"] as? [[String: Any]] ?? [] {
            guard let ref = page["object"] as? String, var value = QPDF.value(objects, ref) else { continue }
            let contents = page["contents"] as? [String] ?? []
            value["/Contents"] = [begin] + contents + [end]
            update["obj:" + ref] = ["value": value]
        }
        let updateFile = work.appendingPathComponent("stempler-artefakt.json")
        do {
            let data = try JSONSerialization.data(withJSONObject: ["qpdf": [["jsonversion": 2] as [String: Any], update]], options: [.sortedKeys])
            try data.write(to: updateFile)
        } catch {
            let reason = SystemErrorText.reason(error)
            throw PacketFailure(.stamping, da: "stemplerne kan ikke mærkes som artefakter: \(reason.da)",
                                en: "the stamps cannot be marked as artifacts: \(reason.en)", file: updateFile)
        }
        try QPDF.write([pdf.path, "--update-from-json=\(updateFile.path)", output.path], step: .stamping, what: Message(da: "ved mærkning af stemplerne som artefakter", en: "while marking the stamps as artifacts"))
    }

    /// Each page's size as shown (after its /Rotate), from `pdfinfo -box`: the TrimBox,
    /// which is where qpdf places an overlay.
    static func pageSizes(_ pdf: URL, work: URL, index: Int) throws(PacketFailure) -> [PageSize] {
        // An attachment already on A4 is measured for its placement and again for its stamps: once.
        let identity = CacheFolder.fileIdentity(pdf.path)
        if let identity, let known = measured.withLock({ $0[identity] }) { return known }
        let sizes = try measure(pdf, work: work, index: index)
        if let identity {
            measured.withLock { known in
                if known.count >= 4096 { known.removeAll() }  // a workspace open for days
                known[identity] = sizes
            }
        }
        return sizes
    }

    /// Page sizes measured in this process, by the file's path, device, inode, size and mtime.
    private static let measured = Locked<[String: [PageSize]]>([:])

    private static func measure(_ pdf: URL, work: URL, index: Int) throws(PacketFailure) -> [PageSize] {
        let output = work.appendingPathComponent("sider-\(index).txt")
        let what = "»\(pdf.lastPathComponent)«"
        switch ExternalProgram.run("pdfinfo", ["-f", "1", "-l", "1000000", "-box", pdf.path], timeout: 120, standardOutput: output) {
        case .notFound:
            throw PacketFailure(.inspecting, da: "pdfinfo findes ikke (poppler-utils), men skal bruges til at måle siderne i PDF-bilagene; installér det med »make deps«",
                                en: "pdfinfo is not installed (poppler-utils), but it is needed to measure the pages of the PDF appendices; install it with \"make deps\"")
        case .timedOut:
            throw PacketFailure(.inspecting, da: "pdfinfo svarede ikke inden for 120 sekunder (\(what))", en: "pdfinfo did not answer within 120 seconds (\(what))", file: pdf)
        case .finished(let status, let stderr):
            guard status == 0 else {
                throw PacketFailure(.inspecting, da: "PDF-bilaget \(what) kan ikke læses (pdfinfo exit \(status)): \(stderr.prefix(300))",
                                    en: "The PDF appendix \(what) cannot be read (pdfinfo exit \(status)): \(stderr.prefix(300))", file: pdf)
            }
        }
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        let sizes = parsePageSizes(text)
        guard !sizes.isEmpty else { throw PacketFailure(.inspecting, da: "PDF-bilaget \(what) har ingen sider", en: "The PDF appendix \(what) has no pages", file: pdf) }
        return sizes
    }

    /// "Page    1 rot:  90" and "Page    1 TrimBox:  0.00  0.00  595.28  841.89" lines.
    static func parsePageSizes(_ text: String) -> [PageSize] {
        var boxes: [Int: (Double, Double)] = [:]
        var rotations: [Int: Int] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("Page ") {
            let words = line.split(separator: " ")
            guard words.count >= 3, let page = Int(words[1]) else { continue }
            switch words[2] {
            case "rot:":
                rotations[page] = words.count > 3 ? Int(words[3]) ?? 0 : 0
            case "TrimBox:":
                let numbers = words.dropFirst(3).compactMap { Double($0) }
                if numbers.count == 4 { boxes[page] = (abs(numbers[2] - numbers[0]), abs(numbers[3] - numbers[1])) }
            default:
                break
            }
        }
        return boxes.keys.sorted().map { page in
            var (width, height) = boxes[page]!
            if ((rotations[page] ?? 0) % 180 + 180) % 180 == 90 { swap(&width, &height) }
            return PageSize(width: Int((width * 100).rounded()), height: Int((height * 100).rounded()))
        }
    }

    /// Where the house style prints "side X af Y" (`@bottom-right` of `@page` in
    /// bundle-pdf.css: 8.5 pt, centred in the 2.4 cm bottom margin, ending 2 cm from the
    /// right edge): the top of its line, in points above the page's bottom edge (measured
    /// with pdftotext -bbox; `PacketPageNumberTests` holds the two to the same place).
    /// (In hundredths of a point, as `PageSize`.)
    static let pageNumberLineTop = 3976
    /// On a narrow page (under 300 pt), where the house margins would not fit: 5 mm.
    static let narrowPageNumberLineTop = 1417

    /// One page per attachment page, each on a named page of its own size.
    static func stampHTML(_ attachments: [(stamp: String, pageNumbers: PageNumbers?, pages: [PageSize])]) -> String {
        var names: [PageSize: String] = [:]
        var rules = ""
        var body = ""
        for (stamp, pageNumbers, pages) in attachments {
            for (index, size) in pages.enumerated() {
                let name: String
                if let known = names[size] {
                    name = known
                } else {
                    name = "s\(names.count + 1)"
                    names[size] = name
                    rules += "@page \(name) { size: \(points(size.width))pt \(points(size.height))pt; margin: 0; }\n"
                }
                let narrow = size.width < 30_000 ? " smal" : ""
                body += "<div class=\"side\" style=\"page: \(name)\"><div class=\"stempel\(narrow)\">\(stamp.split(separator: "\n").map { String($0).markupEscaped }.joined(separator: "<br>"))</div>"
                if let pageNumbers {
                    let top = size.height - (narrow.isEmpty ? pageNumberLineTop : narrowPageNumberLineTop)
                    body += "<p class=\"sidetal\(narrow)\" style=\"top: \(points(top))pt\">side \(pageNumbers.first + index) af \(pageNumbers.total)</p>"
                }
                body += "</div>\n"
            }
        }
        var shell = HTMLPageShell()
        shell.viewport = false
        shell.style = rules + """
        html, body { margin: 0; padding: 0; }
        .side { break-before: page; position: relative; height: 12mm; }
        .side:first-child { break-before: auto; }
        .stempel { position: absolute; top: 10mm; right: 10mm; max-width: 95mm; padding: 1.5pt 4pt;
          background: #fff; border: .8pt solid #00305c; color: #00305c;
          font: 8pt/1.25 "Liberation Sans", Arial, Helvetica, sans-serif; }
        .stempel.smal { max-width: 60%; font-size: 6.5pt; top: 10mm; right: 10mm; }
        .sidetal { position: absolute; right: 2cm; margin: 0; padding: 1pt 0 1pt 3pt; background: #fff;
          font: 8.5pt "Liberation Sans", Arial, sans-serif; color: #4a4a4a; white-space: nowrap; }
        .sidetal.smal { right: 2mm; font-size: 6.5pt; }

        """
        return shell.html(body: body)
    }

    static func points(_ hundredths: Int) -> String {
        "\(hundredths / 100).\(String(hundredths % 100).leftPadded(to: 2, with: "0"))"
    }
}
