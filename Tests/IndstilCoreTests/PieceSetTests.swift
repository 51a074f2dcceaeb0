import Foundation
import Testing
import IndstilTestSupport
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilRender
@testable import IndstilPackets

/// A big packet set in pieces on all cores (`WeasyPrint.setInPieces`, `WeasyPrintPieces`,
/// `PDFJoin`): the same PDF as the packet set whole, page for page, bookmark for bookmark,
/// link for link; and set whole instead when a piece cannot be set on its own.
@Suite("Setting a packet in pieces") struct PieceSetTests {
    /// What a reader meets in a PDF: every page's text, the bookmarks with their pages, every
    /// link with the page it leads to, and the structure elements in reading order.
    struct Reading: Equatable {
        let pages: [String]
        let bookmarks: [String]
        let links: [String]
        let elements: [String]
        let pageMode: String?

        init(_ pdf: URL) throws {
            pages = try BundlePDFTests.pageTexts(pdf)
            func flat(_ items: [BundlePDFTests.Bookmark], depth: Int) -> [String] {
                items.flatMap { ["\(depth) \($0.title) → \($0.page ?? 0)"] + flat($0.kids, depth: depth + 1) }
            }
            bookmarks = flat(try BundlePDFTests.bookmarks(pdf), depth: 0)
            let json = try BundlePDFTests.json(pdf, keys: ["pages", "qpdf"])
            let pageRefs = (json["pages"] as? [[String: Any]] ?? []).compactMap { $0["object"] as? String }
            let objects = try #require((json["qpdf"] as? [Any])?.last as? [String: Any])
            func value(_ ref: Any?) -> Any? {
                guard let ref = ref as? String, ref.hasSuffix(" R") else { return ref }
                return (objects["obj:" + ref] as? [String: Any])?["value"]
            }
            let catalog = try #require(objects.values.compactMap { ($0 as? [String: Any])?["value"] as? [String: Any] }
                .first { $0["/Type"] as? String == "/Catalog" })
            pageMode = catalog["/PageMode"] as? String
            let names = ((value(catalog["/Names"]) as? [String: Any]).flatMap { value($0["/Dests"]) } as? [String: Any])?["/Names"] as? [Any] ?? []
            var destinations: [String: Int] = [:]
            for index in stride(from: 0, to: names.count - 1, by: 2) {
                if let name = names[index] as? String, let page = (value(names[index + 1]) as? [Any])?.first as? String,
                   let position = pageRefs.firstIndex(of: page) {
                    destinations[name] = position + 1
                }
            }
            var links: [String] = []
            for (number, pageRef) in pageRefs.enumerated() {
                for annotation in (value(pageRef) as? [String: Any])?["/Annots"] as? [Any] ?? [] {
                    guard let link = value(annotation) as? [String: Any], link["/Subtype"] as? String == "/Link" else { continue }
                    if let name = link["/Dest"] as? String {
                        links.append("\(number + 1) \(name) → \(destinations[name].map(String.init) ?? "nowhere")")
                    } else {
                        links.append("\(number + 1) \((value(link["/A"]) as? [String: Any])?["/URI"] as? String ?? "?")")
                    }
                    #expect(link["/StructParent"] != nil, "a link without its place in the tags")
                }
            }
            self.links = links
            // The elements depth first from the structure tree's root.
            var elements: [String] = []
            let root = try #require(value(catalog["/StructTreeRoot"]) as? [String: Any])
            var stack: [Any] = ((value(root["/K"]) as? [Any]) ?? [root["/K"] as Any]).reversed()
            while let next = stack.popLast() {
                guard let element = value(next) as? [String: Any], let type = element["/S"] as? String else { continue }
                elements.append(type)
                let kids = (value(element["/K"]) as? [Any]) ?? [element["/K"] as Any]
                stack += kids.reversed()
            }
            self.elements = elements
        }
    }

    static func withoutSpaces(_ text: String) -> String {
        text.filter { !$0.isWhitespace }
    }

    static func bundle(_ project: TestProject, attachment: Bool) throws -> ResolvedBundle {
        try BundlePDFTests.requireTools()
        return try BundlePDFTests.assemble(BundlePDFTests.writeBundle(project, attachment: attachment))
    }

    @Test("Two and three pieces set at once give the PDF the whole does: pages, text, page numbers, bookmarks, links, tags")
    func piecesGiveTheWhole() throws {
        let project = try TestProject()
        defer { project.remove() }
        let plan = BundlePDFPlan(try Self.bundle(project, attachment: false))
        let css = try PacketPDF.stylesheet()
        let work = project.root.appendingPathComponent("arbejde")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let whole = work.appendingPathComponent("hel.pdf")
        try WeasyPrint.set(PacketPDFDocument.html(plan, attachmentPages: [:], css: css), input: work.appendingPathComponent("hel.html"),
                           output: whole, timeout: 240, cache: nil)
        let expected = try Reading(whole)
        #expect(expected.pageMode == "/UseOutlines")
        var cutInsideAChapter = false
        for count in [2, 3] {
            let bodies = try #require(plan.bodyPieces(attachmentPages: [:], count: count))
            #expect(bodies.count == count)
            // The pieces joined are the whole body; the first has the cover and the bilagsfortegnelse.
            #expect(bodies.map(\.body).joined() == plan.body(attachmentPages: [:]))
            #expect(bodies[0].body.contains("class=\"fortegnelse\"") && bodies[0].nestedBookmarks == 0)
            #expect(!bodies.dropFirst().contains { $0.body.contains("class=\"fortegnelse\"") })
            cutInsideAChapter = cutInsideAChapter || bodies.contains { $0.nestedBookmarks > 0 }
            let pieces = try #require(PacketPDFDocument.htmlPieces(plan, bodies: bodies, css: css))
            let folder = work.appendingPathComponent("\(count)-dele")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let sessions = (0..<count).compactMap { _ in WeasyPrintSession.start(.tagged, work: folder) }
            defer { sessions.forEach { $0.close() } }
            try #require(sessions.count == count)
            let joined = folder.appendingPathComponent("dele.pdf")
            #expect(try WeasyPrint.setInPieces(pieces, nestedBookmarks: bodies.map(\.nestedBookmarks), work: folder, output: joined,
                                               sessions: sessions, timeout: 240, cache: nil))
            let read = try Reading(joined)
            // The same text on every page. Spaces aside: WeasyPrint 57, laying out a page again for a
            // forward reference, can drop the space after its "(side 4)" ("(side 4)og"); a page whose
            // references all point into other pieces is laid out again once, with the space.
            #expect(read.pages.map(Self.withoutSpaces) == expected.pages.map(Self.withoutSpaces), "\(count) pieces")
            #expect(read.bookmarks == expected.bookmarks, "\(count) pieces: \(read.bookmarks) against \(expected.bookmarks)")
            #expect(read.links == expected.links, "\(count) pieces")
            #expect(read.elements == expected.elements, "\(count) pieces")
            // The last piece's pages say where they are in the whole, its links into the first piece land there.
            #expect(read.pages.last?.contains("side \(read.pages.count) af \(read.pages.count)") == true)
            #expect(!read.links.contains { $0.hasSuffix("nowhere") })
            #expect(read.links.contains { $0.hasSuffix("kapitel-1 → 3") })
            #expect(try BundlePDFTests.run("qpdf", ["--check", joined.path]).status == 0)
        }
        // One of the cuts falls between two appendices of a chapter: their bookmarks stay under it.
        #expect(cutInsideAChapter)
    }

    @Test("A bundle written with its pieces set at once: the attachment merged in place, every page numbered in the whole")
    func bundleWithAnAttachmentInPieces() throws {
        let project = try TestProject()
        defer { project.remove() }
        // Text of its own, so that no earlier build's PDF is taken from the cache.
        let marker = "Prøvekørsel \(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12))"
        _ = try Self.bundle(project, attachment: true)
        try project.write("bilag/kapitel-2/intro.md", "Kapitlet handler om delegation, jf. [](bilag:delegation). \(marker)\n")
        let bundle = try BundlePDFTests.assemble(project.root.appendingPathComponent("bilag/bundle.yml"))
        let output = project.root.appendingPathComponent("ud/bilag.pdf")
        let messages = BundlePDFProgress()
        try PacketPDF.write(bundle, to: output, pieceMinimumBytes: 0, progress: { messages.add($0.message) })
        if ParallelWork.cores >= 2 {
            #expect(messages.all.contains("Sætter 2 dele på én gang …"), "\(messages.all)")
        }
        let read = try Reading(output)
        let pages = read.pages
        #expect(BundlePDFTests.flat(pages.joined(separator: " ")).contains(marker))
        for (index, text) in pages.enumerated().dropFirst() {
            #expect(BundlePDFTests.footer(text).map { $0.page == index + 1 && $0.of == pages.count } == true, "page \(index + 1)")
        }
        // The attachment's two pages in the first piece, the second chapter (the second piece) after them.
        let attachment = try #require(pages.firstIndex { $0.contains("ANALYSE SIDE ET") })
        #expect(pages[attachment + 1].contains("ANALYSE SIDE TO"))
        let chapter2 = try #require(read.bookmarks.first { $0.hasPrefix("0 Kapitel 2: Delegation → ") })
        let chapter2Page = try #require(Int(chapter2.split(separator: " ").last ?? ""))
        #expect(chapter2Page > attachment + 2)
        #expect(BundlePDFTests.flat(pages[chapter2Page - 1]).contains("Kapitel 2: Delegation"))
        #expect(read.bookmarks.contains("1 B1.2 \(BundlePDFTests.titles.analyse) → \(attachment + 1)"))
        #expect(!read.links.contains { $0.hasSuffix("nowhere") })
        #expect(try BundlePDFTests.run("qpdf", ["--check", output.path]).status == 0)
    }

    @Test("A piece whose content shows its own page number, or that links to no piece's anchor, cannot be set apart: nothing is written")
    func aPieceThatShowsItsPageIsRefused() throws {
        guard FileManager.default.fileExists(atPath: "/usr/bin/weasyprint") else { return }
        let folder = try TempFolder()
        let work = folder.url
        func piece(_ title: String) -> String {
            "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Prøve</title>"
                + "<style>p::after { content: \" (side \" counter(page) \")\"; }</style></head>"
                + "<body><h1>\(title)</h1><p>Tekst.</p></body></html>"
        }
        let sessions = (0..<2).compactMap { _ in WeasyPrintSession.start(.tagged, work: work) }
        defer { sessions.forEach { $0.close() } }
        try #require(sessions.count == 2)
        let output = work.appendingPathComponent("dele.pdf")
        let started = Date()
        #expect(try !WeasyPrint.setInPieces([piece("Kapitel 1"), piece("Kapitel 2")], work: work, output: output, sessions: sessions,
                                            timeout: 240, cache: nil))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        // Neither piece waited for the other until the timeout.
        #expect(Date().timeIntervalSince(started) < 60)

        // A link to an anchor neither piece has: set whole, WeasyPrint drops its page number there.
        func linking(_ target: String, id: String) -> String {
            "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Prøve</title>"
                + "<style>a::after { content: \" (side \" target-counter(attr(href), page) \")\"; }</style></head>"
                + "<body><h1 id=\"\(id)\">Afsnit</h1><p><a href=\"#\(target)\">Se</a></p></body></html>"
        }
        #expect(try !WeasyPrint.setInPieces([linking("b", id: "a"), linking("findes-ikke", id: "b")], work: work, output: output,
                                            sessions: sessions, timeout: 240, cache: nil))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        // The same pieces linking each other are set.
        #expect(try WeasyPrint.setInPieces([linking("b", id: "a"), linking("a", id: "b")], work: work, output: output,
                                           sessions: sessions, timeout: 240, cache: nil))
        let pages = try BundlePDFTests.pageTexts(output)
        #expect(pages.count == 2 && pages[0].contains("Se (side 2)") && pages[1].contains("Se (side 1)"), "\(pages)")
    }

    @Test("Chapters are cut into runs of about the same size, none empty")
    func runsOfChapters() {
        #expect(PacketPieces.runs([10, 10, 10, 10], count: 2) == [0..<2, 2..<4])
        #expect(PacketPieces.runs([30, 5, 5, 10, 10], count: 2) == [0..<1, 1..<5])
        #expect(PacketPieces.runs([20, 5, 5, 10, 10], count: 2) == [0..<2, 2..<5])
        #expect(PacketPieces.runs([100, 1, 1], count: 2) == [0..<1, 1..<3])
        #expect(PacketPieces.runs([1, 1, 100], count: 2) == [0..<2, 2..<3])
        #expect(PacketPieces.runs([5, 5, 5, 5, 5, 5], count: 4).count == 4)
        #expect(PacketPieces.runs([5, 5], count: 4) == [0..<1, 1..<2])
        #expect(PacketPieces.runs([5], count: 2) == [0..<1])
        #expect(PacketPieces.runs([], count: 2) == [])
    }
}
