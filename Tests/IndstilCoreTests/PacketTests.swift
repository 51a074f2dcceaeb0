import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// The packet layer itself (`Packets/`): a kind is a plan and its pages, the rest is shared.
@Suite struct PacketTests {
    /// A kind of packet the layer has never seen, written the way the minutes will be:
    /// only its attachments, its site plan with the pages' HTML, and its PDF body.
    struct NotesPacket: Packet {
        let title: String
        let attachment: URL

        var attachments: [PacketAttachment] {
            [PacketAttachment(key: "b1", label: "Bilag 1", bookmarkLabel: "Bilag 1", source: attachment, fileExtension: "txt", stamp: nil, pageHeader: "Bilag 1")]
        }

        var convertsOfficeFiles: Bool { false }
        var withheld: [URL] = []

        func sitePlan(_ files: PacketFiles) -> Site { Site(title: title, files: files) }
        func pdfPlan(_ files: PacketFiles) -> PDF { PDF(title: title) }

        struct Site: PacketSitePlan {
            let title: String
            let files: PacketFiles

            var frame: SiteFrame { SiteFrame(siteTitle: title, indexLabel: "Noter", bodyClass: "noter") }
            var noAppendicesNote: String? { nil }
            var pages: [SitePage<String>] {
                [SitePage(content: "Forside & <indhold>", file: "index.html", label: "Noter",
                          files: [SiteFile(attachment: files.attachments[0], path: "bilag/bilag-1.txt", progressLabel: "Bilag 1")]),
                 SitePage(content: "Punkt 1", file: "punkt-1.html", label: "Punkt 1: Noter", progressLabel: "Punkt 1")]
            }

            func main(_ content: String) -> String { "<h1>\(content.markupEscaped)</h1>" }
        }

        struct PDF: PacketPDFPlan {
            static let structuralCSS = ".noter-titel { bookmark-level: 1; }"
            let title: String
            var summary: String { "1 punkt" }
            func body(attachmentPages: [String: Int]) -> String { "<h1 class=\"noter-titel\">\(title.markupEscaped)</h1>\n" }
        }
    }

    @Test func aNewKindIsOnlyAPlanAndItsPages() throws {
        let project = try TestProject()
        defer { project.remove() }
        let attachment = try project.write("bilag.txt", "Et bilag\n")
        let packet = NotesPacket(title: "Noter fra mødet", attachment: attachment)
        let site = project.root.appendingPathComponent("ud")
        let messages = Messages()
        try PacketSite.write(packet: packet, to: site, progress: { messages.append($0.message) })

        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<meta name=\"generator\" content=\"indstil bundle\">"))
        #expect(index.contains("<h1>Forside &amp; &lt;indhold&gt;</h1>"))
        #expect(index.contains("<a class=\"naeste\" rel=\"next\" href=\"punkt-1.html\">"))
        let item = try String(contentsOf: site.appendingPathComponent("punkt-1.html"), encoding: .utf8)
        #expect(item.contains("<title>Punkt 1: Noter – Noter fra mødet</title>"))
        #expect(try String(contentsOf: site.appendingPathComponent("bilag/bilag-1.txt"), encoding: .utf8) == "Et bilag\n")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(SiteFrame.styleFile).path))
        #expect(messages.all == ["Bilag 2/2: Punkt 1"], "\(messages.all)")

        let html = PacketPDFDocument.html(packet.pdfPlan(PacketFiles(unconverted: packet)), attachmentPages: [:], css: "/* hus */")
        #expect(html.contains("<title>Noter fra mødet</title>"))
        #expect(html.contains("/* hus */\n.noter-titel { bookmark-level: 1; }\nh1, h2, h3, h4, h5, h6 { bookmark-level: none; }"))
        #expect(html.hasSuffix("<body>\n<h1 class=\"noter-titel\">Noter fra mødet</h1>\n</body>\n</html>\n"))
    }

    @Test func aFailureNamesItsStepAndFile() throws {
        let project = try TestProject()
        defer { project.remove() }
        let attachment = try project.write("bilag.txt", "x")
        let occupied = project.root.appendingPathComponent("optaget")
        _ = try project.write("optaget/noget.txt", "x")
        let packet = NotesPacket(title: "Noter", attachment: attachment)
        do {
            try PacketSite.write(packet: packet, to: occupied, progress: { _ in })
            Issue.record("a folder that is not a site was replaced")
        } catch {
            #expect(error.step == .output)
            #expect(error.file?.standardizedFileURL == occupied.standardizedFileURL)
            #expect(error.description.contains("bliver ikke overskrevet"))
        }

        let missing = NotesPacket(title: "Noter", attachment: project.root.appendingPathComponent("findes-ikke.txt"))
        do {
            try PacketSite.write(packet: missing, to: project.root.appendingPathComponent("ud"), progress: { _ in })
            Issue.record("a missing attachment was not reported")
        } catch {
            #expect(error.step == .copying)
            #expect(error.file?.lastPathComponent == "findes-ikke.txt")
            #expect(error.description.hasPrefix("Bilaget Bilag 1 ("))
        }
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("ud").path))
    }

    @Test("A packet with a file the publication gate withheld is written by neither writer, whatever else is right")
    func withheldFilesStopBothWriters() throws {
        let project = try TestProject()
        defer { project.remove() }
        let attachment = try project.write("bilag.txt", "x")
        var packet = NotesPacket(title: "Noter", attachment: attachment)
        packet.withheld = [attachment]
        let site = project.root.appendingPathComponent("ud")
        let pdf = project.root.appendingPathComponent("noter.pdf")
        #expect(throws: PacketFailure.self) { try PacketSite.write(packet: packet, to: site, progress: { _ in }) }
        #expect(throws: PacketFailure.self) { try PacketPDF.write(packet: packet, to: pdf, progress: { _ in }) }
        #expect(!FileManager.default.fileExists(atPath: site.path) && !FileManager.default.fileExists(atPath: pdf.path))
        packet.withheld = []
        try PacketSite.write(packet: packet, to: site, progress: { _ in })
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
    }

    @Test func slugsNameFilesAndAnchorsAlike() {
        #expect(Slug.of("B2.1") == "b2-1")
        #expect(Slug.of("Ærø–Å 3") == "aeroe-aa-3")
        #expect(Slug.of("2.1") == "2-1")
        #expect(Slug.of("—") == "")
        #expect(Slug.anchor("2.1") == "bilag-2-1")
        #expect(Slug.anchor("—") == "bilag")
        #expect(Slug.anchor("Ø1") == Slug.of("Ø1"))
    }

    @Test func oneEscapingForEveryPage() {
        #expect("A & <b> \"c\" 'd'".markupEscaped == "A &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;")
        #expect("uændret".markupEscaped == "uændret")
    }
}
