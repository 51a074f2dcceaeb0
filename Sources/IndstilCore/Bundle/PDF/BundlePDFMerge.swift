import Foundation

/// Runs qpdf (an external program `make deps` installs) and reads its JSON.
///
/// qpdf ≥ 11 writes `--json` to a file and applies `--update-from-json`; both are
/// used, so its stdout is never needed.
enum BundlePDFQPDF {
    static let timeout: TimeInterval = 600

    /// Writes a PDF with an /ID derived from its content (the same input, the same bytes);
    /// qpdf refuses that for encrypted files, which are then written with a fresh /ID.
    static func write(_ arguments: [String], what: String) throws(BundlePDF.Failure) {
        do {
            try run(["--deterministic-id"] + arguments, what: what)
        } catch {
            try run(arguments, what: what)
        }
    }

    static func run(_ arguments: [String], what: String) throws(BundlePDF.Failure) {
        switch ExternalProgram.run("qpdf", arguments, timeout: timeout) {
        case .notFound:
            throw BundlePDF.Failure("qpdf findes ikke, men skal bruges til at flette PDF-bilag ind; installér det med »make deps« (Debian-pakken qpdf)")
        case .timedOut:
            throw BundlePDF.Failure("qpdf svarede ikke inden for \(Int(timeout)) sekunder (\(what))")
        case .finished(let status, let stderr):
            // 3: done, with warnings (a damaged file qpdf could repair).
            guard status == 0 || status == 3 else {
                throw BundlePDF.Failure("qpdf fejlede (exit \(status)) \(what): \(stderr.prefix(500))")
            }
        }
    }

    /// `qpdf --json=2 --json-key=… file out.json`, parsed.
    static func json(_ pdf: URL, keys: [String], into output: URL, what: String) throws(BundlePDF.Failure) -> [String: Any] {
        try run(["--json=2"] + keys.map { "--json-key=\($0)" } + [pdf.path, output.path], what: what)
        guard let data = try? Data(contentsOf: output),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BundlePDF.Failure("qpdf gav ingen læsbar JSON \(what)")
        }
        return object
    }

    static func pageRefs(_ json: [String: Any]) -> [String] {
        (json["pages"] as? [[String: Any]] ?? []).compactMap { $0["object"] as? String }
    }

    /// `"qpdf": [header, objects]`.
    static func objects(_ json: [String: Any]) -> [String: Any] {
        (json["qpdf"] as? [Any])?.dropFirst().first as? [String: Any] ?? [:]
    }

    static func maxObjectID(_ json: [String: Any]) -> Int {
        ((json["qpdf"] as? [Any])?.first as? [String: Any])?["maxobjectid"] as? Int ?? 0
    }

    static func value(_ objects: [String: Any], _ ref: String) -> [String: Any]? {
        (objects["obj:" + ref] as? [String: Any])?["value"] as? [String: Any]
    }
}

/// One bookmark of a PDF attachment's own outline, as qpdf reports it.
struct BundlePDFOutlineItem {
    let title: String
    /// 1-based page in the attachment; nil when the bookmark points nowhere qpdf can resolve.
    let page: Int?
    /// The destination after its page ("/XYZ", left, top, zoom), or empty.
    let view: [Any]
    let kids: [BundlePDFOutlineItem]

    static func parse(_ items: [[String: Any]]) -> [BundlePDFOutlineItem] {
        items.map { item in
            let dest = item["dest"] as? [Any] ?? []
            let view = dest.count > 1 && (dest[1] as? String)?.hasPrefix("/") == true ? Array(dest.dropFirst()) : []
            return BundlePDFOutlineItem(title: (item["title"] as? String) ?? "",
                                        page: item["destpageposfrom1"] as? Int,
                                        view: view,
                                        kids: parse(item["kids"] as? [[String: Any]] ?? []))
        }
    }

    /// Without bookmarks that carry no title, PowerPoint's "Default Section" (or
    /// Danish "Standardsektion") or no destination: their children move up a level.
    static func cleaned(_ items: [BundlePDFOutlineItem], pageCount: Int) -> [BundlePDFOutlineItem] {
        items.flatMap { item -> [BundlePDFOutlineItem] in
            let kids = cleaned(item.kids, pageCount: pageCount)
            let title = item.title.foldingWhitespace
            let placeholder = ["default section", "standardsektion", "standardafsnit"].contains(title.lowercased())
            guard !title.isEmpty, !placeholder, let page = item.page, page >= 1, page <= pageCount else { return kids }
            return [BundlePDFOutlineItem(title: title, page: page, view: item.view, kids: kids)]
        }
    }
}

/// A PDF appendix, copied into the work folder and measured.
struct BundlePDFAttachment {
    /// The appendix's key in its bundle or packet.
    let key: String
    /// What its bookmark starts with and how messages name it ("B3.1", "Punkt 3, Bilag 2:").
    let label: String
    let file: URL
    let pageCount: Int
    let outline: [BundlePDFOutlineItem]

    static func inspect(source: URL, key: String, label: String, index: Int, work: URL) throws(BundlePDF.Failure) -> BundlePDFAttachment {
        // A private copy with a plain name: qpdf then never sees one file twice, or a name it could misread.
        let file = work.appendingPathComponent("bilag-\(index).pdf")
        do {
            try FileManager.default.copyItem(at: source, to: file)
        } catch {
            throw BundlePDF.Failure("PDF-bilaget \(label) (\(source.path)) kan ikke kopieres: \(error.localizedDescription)")
        }
        let what = "ved læsning af PDF-bilaget \(label) »\(source.lastPathComponent)«"
        let json = try BundlePDFQPDF.json(file, keys: ["pages", "outlines"], into: work.appendingPathComponent("bilag-\(index).json"), what: what)
        let pageCount = BundlePDFQPDF.pageRefs(json).count
        guard pageCount > 0 else {
            throw BundlePDF.Failure("PDF-bilaget \(label) »\(source.lastPathComponent)« har ingen sider")
        }
        let outline = BundlePDFOutlineItem.cleaned(BundlePDFOutlineItem.parse(json["outlines"] as? [[String: Any]] ?? []), pageCount: pageCount)
        return BundlePDFAttachment(key: key, label: label, file: file, pageCount: pageCount, outline: outline)
    }
}

/// Puts each PDF attachment's pages in place of the pages reserved for it, then
/// points the attachment's bookmark at its first page and hangs the attachment's own
/// bookmarks under it.
///
/// How the bookmarks survive: `qpdf main.pdf --pages . 1-K bilag.pdf 1-z . L-z --
/// out.pdf` keeps main.pdf as the primary file, so the catalog (outlines, named
/// destinations of the internal links) is main.pdf's and its pages stay the very same
/// page objects the bookmarks and links point at. The reserved pages being dropped are
/// pointed at by nothing. Each attachment page takes exactly the position of a
/// reserved page, so every page number WeasyPrint printed stays right.
enum BundlePDFMerge {
    static func merge(main: URL, attachments: [BundlePDFAttachment], work: URL, output: URL,
                      progress: (String) -> Void) throws(BundlePDF.Failure) {
        // 1. Where the reserved pages are: runs of pages with the reserved MediaBox, in order.
        let mainJSON = try BundlePDFQPDF.json(main, keys: ["pages", "qpdf"], into: work.appendingPathComponent("main.json"),
                                              what: "ved læsning af den satte PDF")
        let mainPages = BundlePDFQPDF.pageRefs(mainJSON)
        let mainObjects = BundlePDFQPDF.objects(mainJSON)
        let reserved = mainPages.map { isReserved(BundlePDFQPDF.value(mainObjects, $0)) }
        var runs: [(start: Int, count: Int)] = []  // 1-based page positions
        for (index, isReserved) in reserved.enumerated() where isReserved {
            if let last = runs.last, last.start + last.count == index + 1 {
                runs[runs.count - 1].count += 1
            } else {
                runs.append((index + 1, 1))
            }
        }
        guard runs.count == attachments.count, zip(runs, attachments).allSatisfy({ $0.count == $1.pageCount }) else {
            throw BundlePDF.Failure("intern fejl: WeasyPrint satte \(runs.map(\.count)) reserverede sider, men PDF-bilagene har \(attachments.map(\.pageCount))")
        }

        // 2. The merge.
        progress("Fletter \(BundlePDFHTML.count(attachments.count, "PDF-bilag", "PDF-bilag")) ind med qpdf …")
        var arguments = [main.path, "--pages"]
        var next = 1
        for (run, attachment) in zip(runs, attachments) {
            if run.start > next { arguments += [".", "\(next)-\(run.start - 1)"] }
            arguments += [attachment.file.path, "1-\(attachment.pageCount)"]
            next = run.start + run.count
        }
        if next <= mainPages.count { arguments += [".", "\(next)-\(mainPages.count)"] }
        let merged = work.appendingPathComponent("flettet.pdf")
        try BundlePDFQPDF.write(arguments + ["--", merged.path], what: "ved fletning af PDF-bilagene")

        // 3. The attachments' bookmarks.
        progress("Sætter bogmærker til PDF-bilagene …")
        let json = try BundlePDFQPDF.json(merged, keys: ["pages", "outlines", "qpdf"], into: work.appendingPathComponent("flettet.json"),
                                          what: "ved læsning af den flettede PDF")
        let pages = BundlePDFQPDF.pageRefs(json)
        guard pages.count == mainPages.count else {
            throw BundlePDF.Failure("intern fejl: den flettede PDF har \(pages.count) sider, men skulle have \(mainPages.count)")
        }
        let objects = BundlePDFQPDF.objects(json)
        let outline = json["outlines"] as? [[String: Any]] ?? []
        var update: [String: Any] = [:]
        var nextObject = BundlePDFQPDF.maxObjectID(json) + 1
        for (run, attachment) in zip(runs, attachments) {
            // The placeholder's bookmark: "B3.1 …" on the page before the reserved ones (or, should a
            // very long title have pushed the note over, shortly before): the last such one.
            let placeholderPage = run.start - 1
            let prefix = attachment.label + " "
            let candidates = matching(outline) { item in
                guard let page = item["destpageposfrom1"] as? Int, page <= placeholderPage, page >= placeholderPage - 2 else { return false }
                return (item["title"] as? String)?.hasPrefix(prefix) ?? false
            }
            guard let itemRef = candidates.last, var item = BundlePDFQPDF.value(objects, itemRef) else {
                throw BundlePDF.Failure("intern fejl: bogmærket for \(attachment.label) findes ikke på side \(placeholderPage)")
            }
            item["/Dest"] = [pages[run.start - 1], "/Fit"]
            let kids = attachment.outline.map { outlineObjects($0, firstPage: run.start, pages: pages) }
            if let children = link(kids, parent: itemRef, next: &nextObject, into: &update) {
                item["/First"] = children.first
                item["/Last"] = children.last
                item["/Count"] = -children.count  // closed: the open counts above it stay right
            }
            update["obj:" + itemRef] = ["value": item]
        }
        let updateFile = work.appendingPathComponent("bogmaerker.json")
        do {
            let header: [String: Any] = ["jsonversion": 2]
            let data = try JSONSerialization.data(withJSONObject: ["qpdf": [header, update]], options: [.sortedKeys])
            try data.write(to: updateFile)
        } catch {
            throw BundlePDF.Failure("bogmærkerne kan ikke skrives: \(error.localizedDescription)")
        }
        try BundlePDFQPDF.write([merged.path, "--update-from-json=\(updateFile.path)", output.path], what: "ved opdatering af bogmærkerne")
    }

    /// A page WeasyPrint set on the reserved page size.
    static func isReserved(_ page: [String: Any]?) -> Bool {
        guard let box = page?["/MediaBox"] as? [Any], box.count == 4 else { return false }
        let numbers = box.compactMap { ($0 as? NSNumber)?.doubleValue }
        guard numbers.count == 4 else { return false }
        return abs(numbers[2] - numbers[0] - BundlePDFHTML.reservedPageWidth) < 0.5
            && abs(numbers[3] - numbers[1] - BundlePDFHTML.reservedPageHeight) < 0.5
    }

    /// The object references of the bookmarks that match, in document order.
    static func matching(_ items: [[String: Any]], _ matches: ([String: Any]) -> Bool) -> [String] {
        items.flatMap { item -> [String] in
            let own = matches(item) ? [item["object"] as? String].compactMap { $0 } : []
            return own + matching(item["kids"] as? [[String: Any]] ?? [], matches)
        }
    }

    /// An attachment bookmark with its destination moved into the merged file.
    struct NewItem {
        let title: String
        let dest: [Any]
        let kids: [NewItem]
    }

    static func outlineObjects(_ item: BundlePDFOutlineItem, firstPage: Int, pages: [String]) -> NewItem {
        let page = pages[firstPage - 1 + (item.page ?? 1) - 1]
        return NewItem(title: item.title, dest: [page] + (item.view.isEmpty ? ["/Fit"] : item.view),
                       kids: item.kids.map { outlineObjects($0, firstPage: firstPage, pages: pages) })
    }

    /// Writes new outline item objects for `items` under `parent`: first, last and how many.
    static func link(_ items: [NewItem], parent: String, next: inout Int, into update: inout [String: Any]) -> (first: String, last: String, count: Int)? {
        guard !items.isEmpty else { return nil }
        let refs = items.map { _ -> String in
            defer { next += 1 }
            return "\(next) 0 R"
        }
        for (index, item) in items.enumerated() {
            var value: [String: Any] = ["/Title": "u:" + item.title, "/Parent": parent, "/Dest": item.dest]
            if index > 0 { value["/Prev"] = refs[index - 1] }
            if index < items.count - 1 { value["/Next"] = refs[index + 1] }
            if let children = link(item.kids, parent: refs[index], next: &next, into: &update) {
                value["/First"] = children.first
                value["/Last"] = children.last
                value["/Count"] = -children.count
            }
            update["obj:" + refs[index]] = ["value": value]
        }
        return (refs[0], refs[refs.count - 1], refs.count)
    }
}
