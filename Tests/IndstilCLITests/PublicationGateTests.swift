import Foundation
import Testing

/// The publication gate, end to end: a closed file never reaches a public packet, by any
/// route (bundle, agenda, minutes, register), and a listing that calls a closed file open
/// stops every packet with `publication.closed-file`.
@Suite("Publication gate: nothing closed in a public packet (end to end)")
struct PublicationGateTests {
    static let agenda = "examples/raadmandsmoede/dagsorden.yml"
    static let minutes = "examples/raadmandsmoede/referat.yml"
    static let closedRecommendation = "examples/raadmandsmoede/punkt-4/omplacering.md"

    /// The example agenda with the closed indstilling of item 4 listed again, as an
    /// appendix without a status, under the open item 5 (the reported leak).
    static func leakingAgenda(_ folder: TempFolder, appendix: String = "punkt-4/omplacering.md", status: String? = nil) throws {
        let text = try folder.read(agenda)
        let listing = "      - fil: \(appendix)\n" + (status.map { "        status: \($0)\n" } ?? "")
        let changed = text.replacingOccurrences(
            of: "        titel: \"Orientering fra Magistraten den 31. august 2026\"\n",
            with: "        titel: \"Orientering fra Magistraten den 31. august 2026\"\n" + listing)
        #expect(changed != text)
        _ = try folder.write(agenda, changed)
    }

    /// Strings only the closed files hold: the closed indstilling's title, case officer,
    /// phone and e-mail, and words of its text and of its own appendix.
    static func closedSentinels(_ folder: TempFolder) throws -> [String] {
        let text = try folder.read(closedRecommendation)
        var found = ["Omplacering af en medarbejder", "Per Opdigtet", "41 00 00 22", "per.opdigtet@example.dk", "Notat om omplaceringen"]
        #expect(found.allSatisfy(text.contains), "the example changed; update the sentinels")
        let pdfText = try TestProcess.run("pdftotext", ["-enc", "UTF-8", folder.url("examples/raadmandsmoede/punkt-4/bilag/notat.pdf").path, "-"])
            .requireSuccess().stdout
        // A line of the closed appendix long enough to be its own.
        let line = try #require(pdfText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.count > 40 })
        found.append(String(line.prefix(40)))
        return found
    }

    /// Every file below `folder` as text (HTML, CSS, copied attachments' bytes), and for
    /// PDFs their text per pdftotext, their metadata per pdfinfo and their outline and
    /// document information per qpdf's JSON (bookmarks included).
    static func publicText(_ url: URL) throws -> [(String, String)] {
        var files: [URL] = []
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            files = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        } else {
            files = [url]
        }
        var out: [(String, String)] = []
        for file in files where !file.hasDirectoryPath {
            let data = (try? Data(contentsOf: file)) ?? Data()
            out.append((file.path, String(decoding: data, as: UTF8.self)))
            if file.pathExtension == "pdf" {
                out.append(("pdftotext " + file.path, try TestProcess.run("pdftotext", ["-enc", "UTF-8", file.path, "-"]).requireSuccess().stdout))
                out.append(("pdfinfo " + file.path, try TestProcess.run("pdfinfo", ["-meta", file.path]).stdout))
                out.append(("qpdf " + file.path, try TestProcess.run("qpdf", ["--json", "--json-key=outlines", "--json-key=objects", file.path]).stdout))
            }
        }
        return out
    }

    static func expectNoSentinel(_ sentinels: [String], in texts: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) {
        // pdftotext breaks lines and WeasyPrint hyphenates: compare with white space folded.
        func folded(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        for (name, text) in texts {
            let plain = folded(text)
            for sentinel in sentinels where plain.contains(folded(sentinel)) {
                Issue.record("closed text »\(sentinel)« in \(name)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("The reported case: a closed indstilling listed as an appendix of an open item is an error on its line; check exits 1")
    func closedRecommendationAsAppendixIsAnError() throws {
        let folder = try TempFolder.withExamples()
        try Self.leakingAgenda(folder)
        let result = try folder.run("check", Self.agenda, timeout: 120)
        #expect(result.status == 1, "\(result)")
        let line = try #require(try folder.read(Self.agenda).lineNumber(of: "      - fil: punkt-4/omplacering.md"))
        let found = result.diagnostics.filter { $0.check == "publication.closed-file" }
        #expect(found.count == 1, "\(result.stdout)")
        #expect(found.first?.line == line && found.first?.severity == "error", "\(found)")
        #expect(found.first?.message.contains("status: lukket") == true, "\(found)")
    }

    @Test("No packet is written by any route while a closed file is listed as open: site, PDF, minutes, register")
    func nothingIsWrittenWhileTheGateRefuses() throws {
        let folder = try TempFolder.withExamples()
        try Self.leakingAgenda(folder)
        let site = try folder.run("bundle", Self.agenda, "-o", "ud", timeout: 240)
        #expect(site.status == 1 && !folder.exists("ud") && !folder.exists("ud-lukket"), "\(site)")
        #expect(site.stdout.contains("[publication.closed-file]"), "\(site.stdout)")
        let pdf = try folder.run("bundle", Self.agenda, "--to", "pdf", "-o", "dagsorden.pdf", timeout: 240)
        #expect(pdf.status == 1 && !folder.exists("dagsorden.pdf") && !folder.exists("dagsorden-lukket.pdf"), "\(pdf)")
        let minutes = try folder.run("bundle", Self.minutes, "-o", "referat", timeout: 240)
        #expect(minutes.status == 1 && !folder.exists("referat"), "\(minutes)")
        let register = try folder.run("register", "examples/raadmandsmoede", "--format", "csv", "-o", "register.csv", timeout: 240)
        #expect(register.status == 1 && !folder.exists("register.csv"), "\(register)")
    }

    @Test("Variants: a notat, a Word file with a closed status property, a PDF named …-lukket, all listed as open; status: åben does not override the file")
    func closedFilesOfEveryKindAreErrors() throws {
        let folder = try TempFolder.withExamples()
        _ = try folder.write("examples/raadmandsmoede/punkt-5/notat.md",
                             "---\ntitel: Notat om en borger\nstatus: lukket\n---\n\n# Notat om en borger\n\nFortroligt.\n")
        try Self.leakingAgenda(folder, appendix: "punkt-5/notat.md", status: "åben")
        var result = try folder.run("check", Self.agenda, timeout: 120)
        #expect(result.status == 1 && result.diagnostics.contains { $0.check == "publication.closed-file" }, "notat: \(result.stdout)")

        let folderB = try TempFolder.withExamples()
        let custom = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
            + "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" "
            + "pid=\"2\" name=\"Status\"><vt:lpwstr>Lukket</vt:lpwstr></property></Properties>"
        let parts = WordFixture.parts(body: "<w:p><w:r><w:t>Oplysninger om en borgers helbred.</w:t></w:r></w:p>")
            + [("docProps/custom.xml", Data(custom.utf8))]
        try WordFixture.write(parts, to: folderB.url("examples/raadmandsmoede/punkt-5/borger.docx"))
        try Self.leakingAgenda(folderB, appendix: "punkt-5/borger.docx\n        titel: Borgersag")
        result = try folderB.run("check", Self.agenda, timeout: 120)
        #expect(result.status == 1 && result.diagnostics.contains { $0.check == "publication.closed-file" && $0.message.contains("Status") },
                "docx: \(result.stdout)")

        let folderC = try TempFolder.withExamples()
        try FileManager.default.copyItem(at: folderC.url("examples/raadmandsmoede/punkt-2/referat-2026-08-28.pdf"),
                                         to: folderC.url("examples/raadmandsmoede/punkt-5/personale-lukket.pdf"))
        try Self.leakingAgenda(folderC, appendix: "punkt-5/personale-lukket.pdf\n        titel: Personalesag")
        result = try folderC.run("check", Self.agenda, timeout: 120)
        #expect(result.status == 1 && result.diagnostics.contains { $0.check == "publication.closed-file" }, "pdf: \(result.stdout)")
    }

    @Test("A bundle (betænkning) with a closed appendix is refused, nothing written")
    func closedAppendixInABundle() throws {
        let folder = try TempFolder.withExamples()
        let appendix = "examples/bilagsmateriale/kapitel-1/"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url(appendix).path).filter { $0.hasSuffix(".md") && $0 != "intro.md" }
        let name = try #require(files.sorted().first)
        let text = try folder.read(appendix + name)
        _ = try folder.write(appendix + name, text.replacingOccurrences(of: "---\n", with: "---\nstatus: lukket\n", options: [], range: text.range(of: "---\n")))
        let result = try folder.run("bundle", "examples/bilagsmateriale/bundle.yml", "-o", "ud", timeout: 240)
        #expect(result.status == 1 && !folder.exists("ud"), "\(result)")
        #expect(result.stdout.contains("[publication.closed-file]"), "\(result.stdout)")
    }

    @Test("The example agenda, closed item 4 as it should be: no text of its closed files in any public output (site, PDF text, metadata, bookmarks, minutes, register)")
    func noClosedTextInPublicOutputs() throws {
        let folder = try TempFolder.withExamples()
        let sentinels = try Self.closedSentinels(folder)
        // The closed appendix also listed, correctly closed, under an open item: named, never shown.
        try Self.leakingAgenda(folder, appendix: "punkt-4/bilag/notat.pdf\n        titel: Notat om sagen", status: "lukket")
        for run in [["bundle", Self.agenda, "-o", "ud"], ["bundle", Self.agenda, "--to", "pdf", "-o", "dagsorden.pdf"],
                    ["bundle", Self.minutes, "-o", "referat"], ["bundle", Self.minutes, "--to", "pdf", "-o", "referat.pdf"],
                    ["register", "examples/raadmandsmoede", "--format", "csv", "-o", "register.csv"],
                    ["register", "examples/raadmandsmoede", "--format", "json", "-o", "register.json"],
                    ["register", "examples/raadmandsmoede", "--format", "html", "-o", "register.html"]] {
            let result = try folder.run(arguments: run, timeout: 300)
            #expect(result.status == 0, "\(run): \(result)")
        }
        var texts: [(String, String)] = []
        for output in ["ud", "dagsorden.pdf", "referat", "referat.pdf", "register.csv", "register.json", "register.html"] {
            texts += try Self.publicText(folder.url(output))
        }
        #expect(texts.count > 20)
        Self.expectNoSentinel(sentinels, in: texts)
        // The same strings are in the closed packet: the sentinels can be found.
        let closed = try Self.publicText(folder.url("ud-lukket")) + Self.publicText(folder.url("dagsorden-lukket.pdf"))
        for sentinel in sentinels.prefix(4) {
            #expect(closed.contains { $0.1.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(sentinel) }, "\(sentinel) not in the closed packet")
        }
    }

    @Test("The workspace: the analysis names the closed file, and neither the public site nor the public PDF is built")
    func theWorkspaceRefusesToo() throws {
        let served = try ServedProject { root, _ in
            let agenda = root.appendingPathComponent("raadmandsmoede/dagsorden.yml")
            let text = try String(contentsOf: agenda, encoding: .utf8).replacingOccurrences(
                of: "        titel: \"Orientering fra Magistraten den 31. august 2026\"\n",
                with: "        titel: \"Orientering fra Magistraten den 31. august 2026\"\n      - fil: punkt-4/omplacering.md\n")
            try text.write(to: agenda, atomically: true, encoding: .utf8)
        }
        let manifest = try served.text("raadmandsmoede/dagsorden.yml")
        #expect(manifest.contains("punkt-4/omplacering.md"))
        let list = try served.get("/api/documents", timeout: 240)
        let entries = try #require((try? JSONSerialization.jsonObject(with: list.body)) as? [[String: Any]] ?? (list.json()?["documents"] as? [[String: Any]]),
                                   "\(list.text)")
        let agenda = try #require(entries.first { ($0["path"] as? String) == "raadmandsmoede/dagsorden.yml" }, "\(list.text)")
        #expect((agenda["errors"] as? Int ?? 0) >= 1, "\(agenda)")
        for path in ["/websted/offentlig/raadmandsmoede/dagsorden.yml/index.html", "/api/packets/offentlig/raadmandsmoede/dagsorden.yml",
                     "/websted/offentlig/raadmandsmoede/referat.yml/index.html"] {
            let reply = try served.get(path, timeout: 240)
            #expect(reply.status >= 400, "\(path): \(reply.status)")
            for sentinel in ["Per Opdigtet", "per.opdigtet@example.dk", "Omplacering af en medarbejder"] {
                #expect(!reply.text.contains(sentinel), "\(path) carries \(sentinel)")
            }
        }
    }

    @Test("privacy.cpr in an agenda's DOCX and PDF attachments: an error on the listing's line under an open item, masked in every format; a note when the appendix is closed")
    func personalDataInAttachments() throws {
        let folder = try TempFolder.withExamples()
        let sentence = "Borgerens CPR-nr. 010190-1234 fremgår af sagen."
        try WordFixture.write(WordFixture.parts(body: "<w:p><w:r><w:t>\(sentence)</w:t></w:r></w:p>"),
                              to: folder.url("examples/raadmandsmoede/punkt-5/borgerbrev.docx"))
        _ = try folder.write("brev.html", "<html lang=\"da\"><body><p>Side et.</p><p style=\"page-break-before: always\">\(sentence)</p></body></html>")
        try TestProcess.run("weasyprint", [folder.url("brev.html").path, folder.url("examples/raadmandsmoede/punkt-5/borgerbrev.pdf").path],
                            timeout: 120).requireSuccess()
        try Self.leakingAgenda(folder, appendix: "punkt-5/borgerbrev.docx\n        titel: Brev fra en borger\n      - fil: punkt-5/borgerbrev.pdf\n        titel: Brev fra en borger (PDF)")
        let text = try folder.read(Self.agenda)
        let docxLine = try #require(text.lineNumber(of: "      - fil: punkt-5/borgerbrev.docx"))
        let pdfLine = try #require(text.lineNumber(of: "      - fil: punkt-5/borgerbrev.pdf"))
        let result = try folder.run("check", Self.agenda, timeout: 120)
        #expect(result.status == 1, "\(result)")
        let cpr = result.diagnostics.filter { $0.check == "privacy.cpr" }
        #expect(cpr.map(\.line).sorted() == [docxLine, pdfLine] && cpr.allSatisfy { $0.severity == "error" }, "\(result.stdout)")
        #expect(cpr.contains { $0.message.contains("side 2") && $0.message.contains("010190-XXXX") }, "\(cpr)")
        for format in ["text", "json", "sarif", "junit", "github"] {
            let output = try folder.run("check", Self.agenda, "--format", format, timeout: 120)
            #expect(output.stdout.contains("010190-XXXX") && !output.stdout.contains("1234") , "\(format): \(output.stdout.prefix(2000))")
        }
        let bundle = try folder.run("bundle", Self.agenda, "-o", "ud", timeout: 240)
        #expect(bundle.status == 1 && !folder.exists("ud"), "\(bundle)")

        // Listed as closed: a note, and the packets are written (the number only in the closed one).
        _ = try folder.write(Self.agenda, text.replacingOccurrences(of: "        titel: Brev fra en borger\n", with: "        titel: Brev fra en borger\n        status: lukket\n")
            .replacingOccurrences(of: "        titel: Brev fra en borger (PDF)\n", with: "        titel: Brev fra en borger (PDF)\n        status: lukket\n"))
        let closed = try folder.run("check", Self.agenda, timeout: 120)
        #expect(closed.status == 0 && closed.diagnostics.filter { $0.check == "privacy.cpr" }.allSatisfy { $0.severity == "note" }
                && closed.diagnostics.contains { $0.check == "privacy.cpr" }, "\(closed.stdout)")
    }
}
