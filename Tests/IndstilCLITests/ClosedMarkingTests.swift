import Foundation
import Testing

/// Closed material says it is closed on every page it can be printed from; public
/// material never does.
@Suite("Closed material marked on every page (end to end)")
struct ClosedMarkingTests {
    static let manifest = "examples/raadmandsmoede/dagsorden.yml"
    static let notice = "LUKKET – må ikke offentliggøres"

    /// The text of every page of `pdf`, from pdftotext.
    static func pages(_ pdf: URL) throws -> [String] {
        let info = try TestProcess.run("pdfinfo", [pdf.path]).requireSuccess().stdout
        let count = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") })
        return try (1...count).map { page in
            try TestProcess.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-enc", "UTF-8", pdf.path, "-"]).requireSuccess().stdout
        }
    }

    @Test("Every page of the closed agenda PDF says LUKKET, attachments included; no page of the public one does; the PDF's subject says it")
    func closedPDFIsMarkedOnEveryPage() throws {
        let folder = try TempFolder.withExamples()
        let result = try folder.run("bundle", Self.manifest, "--to", "pdf", "-o", "ud/dagsorden.pdf", timeout: 240)
        #expect(result.status == 0, "\(result)")
        let closed = try Self.pages(folder.url.appendingPathComponent("ud/dagsorden-lukket.pdf"))
        let open = try Self.pages(folder.url.appendingPathComponent("ud/dagsorden.pdf"))
        #expect(closed.count > 15 && open.count > 10)
        let unmarked = closed.enumerated().filter { !$0.element.contains("LUKKET") }.map { $0.offset + 1 }
        #expect(unmarked.isEmpty, "closed pages without LUKKET: \(unmarked)")
        let marked = open.enumerated().filter { $0.element.contains("LUKKET") }.map { $0.offset + 1 }
        #expect(marked.isEmpty, "public pages that say LUKKET: \(marked)")
        let info = try TestProcess.run("pdfinfo", [folder.url.appendingPathComponent("ud/dagsorden-lukket.pdf").path]).requireSuccess().stdout
        #expect(info.contains("Subject:") && info.contains(Self.notice), "\(info)")
    }

    @Test("Every page of the closed site has the banner and noindex; no public page has either")
    func closedSiteIsMarkedOnEveryPage() throws {
        let folder = try TempFolder.withExamples()
        let result = try folder.run("bundle", Self.manifest, "-o", "ud", timeout: 240)
        #expect(result.status == 0, "\(result)")
        for (site, closed) in [("ud-lukket", true), ("ud", false)] {
            let pages = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent(site).path).filter { $0.hasSuffix(".html") }
            #expect(pages.count > 5)
            for page in pages {
                let html = try folder.read("\(site)/\(page)")
                #expect(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">") == closed, "\(site)/\(page)")
                #expect(html.contains("class=\"lukket-banner\"><strong>\(Self.notice)</strong>") == closed, "\(site)/\(page)")
            }
        }
    }
}
