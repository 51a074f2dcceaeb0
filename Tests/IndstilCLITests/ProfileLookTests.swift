import Foundation
import Testing
import IndstilCore

/// A profile's `look:` (logo, letterhead, stylesheet variables) in HTML and PDF, through the
/// real binary on the second municipality's example, examples/vesteraa.
@Suite("Profile look (HTML and PDF)") struct ProfileLookTests {
    static let document = "examples/vesteraa/vintertjeneste-cykelstier.md"
    static let profileFile = "examples/vesteraa/profiles/vesteraa-byraad/profile.yml"
    /// The letterhead lines of the example, with the front matter filled in.
    static let letterhead = [
        "Teknik og Miljø, Vej og Park", "Vesterå Kommune", "Torvet 1, 9990 Vesterå",
        "Direkte telefon: 99 99 14 27", "E-mail: sofie.eksempel@vesteraa.example", "Sagsbehandler: Sofie Eksempel",
    ]
    /// The lines as the HTML shows them: escaped, the e-mail address breaking only after @ and . (issue 16).
    static var letterheadHTML: [String] {
        letterhead.map { $0.markupEscapedForTest.replacingOccurrences(of: "sofie.eksempel@vesteraa.example",
                                                                       with: "sofie.<wbr>eksempel@<wbr>vesteraa.<wbr>example") }
    }
    /// A 4×4 PNG in Vesterå green.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGOQjbOCIwbiOAAkkwtR+exF3QAAAABJRU5ErkJggg==")!

    static func render(_ project: TempFolder, _ format: String, _ document: String = document, to output: String) throws -> Data {
        let result = try project.run("render", "--to", format, document, "-o", output, timeout: 120)
        #expect(result.status == 0, "\(result)")
        return try Data(contentsOf: project.url.appendingPathComponent(output))
    }

    @Test func theExampleChecksCleanUnderStrict() throws {
        let project = try TempFolder.withExamples()
        let result = try project.run("check", "--strict", Self.document)
        #expect(result.status == 0, "\(result)")
        #expect(result.diagnostics.isEmpty, "\(result)")
    }

    @Test func htmlCarriesTheLogoTheLetterheadAndTheThemeAfterTheStylesheet() throws {
        let project = try TempFolder.withExamples()
        let data = try Self.render(project, "html", to: "ud/sag.html")
        let html = String(decoding: data, as: UTF8.self)

        // The logo: the profile's own file (sanitised: SVGSanitizer), inlined, with its alt text; nothing is fetched.
        let logo = try SVGSanitizer.sanitize(Data(contentsOf: Fixtures.packageRoot
            .appendingPathComponent("examples/vesteraa/profiles/vesteraa-byraad/logo.svg")))
        #expect(String(decoding: logo, as: UTF8.self).contains("<text fill=\"#1d5e3a\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"18\" x=\"94\" y=\"64\">Kommune</text>"))
        #expect(html.contains("<img class=\"logo\" src=\"data:image/svg+xml;base64,\(logo.base64EncodedString())\" alt=\"Vesterå Kommune\">"))
        #expect(!html.contains("src=\"http") && !html.contains("src=\"file") && !html.contains("<svg"))

        // The letterhead lines, filled, in order, in an <address> in the letterhead block.
        let block = try #require(html.range(of: "<address class=\"afsender\">").flatMap { start in
            html.range(of: "</address>", range: start.upperBound..<html.endIndex).map { String(html[start.upperBound..<$0.lowerBound]) }
        })
        #expect(block == "\n" + Self.letterheadHTML.map { "<span>\($0)</span>\n" }.joined(), "\(block)")
        let order = ["class=\"brevhoved\"", "<header class=\"hoved\">", "<main id=\"indhold\">"].map { html.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! }, "letterhead first")

        // The theme: a :root rule after the stylesheet's own defaults, in ThemeVariable order.
        let defaults = try #require(html.range(of: "--indstil-heading: #00305c;"))
        let theme = try #require(html.range(of: """
            /* look.theme */
            :root {
            --indstil-font: "DejaVu Sans", Verdana, sans-serif;
            --indstil-heading-font: "DejaVu Serif", Georgia, serif;
            --indstil-heading: #1d5e3a;
            --indstil-accent: #1d5e3a;
            }
            </style>
            """))
        #expect(defaults.upperBound < theme.lowerBound)

        let again = try Self.render(project, "html", to: "ud/igen.html")
        #expect(again == data, "two renders differ")
    }

    @Test func theLookIsNotCountedInAntalTegn() throws {
        let project = try TempFolder.withExamples()
        let withLook = try project.run("stats", "--format", "json", Self.document)
        let text = try Self.render(project, "txt", to: "ud/sag.txt")
        let profile = try project.read(Self.profileFile)
        let lookStart = try #require(profile.range(of: "\nlook:\n"))
        try project.write(Self.profileFile, String(profile[..<lookStart.lowerBound]) + "\n")
        let withoutLook = try project.run("stats", "--format", "json", Self.document)
        #expect(withLook.status == 0 && withoutLook.status == 0, "\(withLook) \(withoutLook)")
        #expect(withLook.stdout == withoutLook.stdout)
        #expect(try Self.render(project, "txt", to: "ud/uden.txt") == text)
        #expect(!String(decoding: text, as: UTF8.self).contains("Direkte telefon"))
    }

    @Test func pdfShowsTheLetterheadAndTheLogoOnPageOne() throws {
        let project = try TempFolder.withExamples()
        _ = try Self.render(project, "pdf", to: "ud/sag.pdf")
        let pdf = project.url.appendingPathComponent("ud/sag.pdf").path
        let text = try TestProcess.run("pdftotext", ["-f", "1", "-l", "1", "-enc", "UTF-8", pdf, "-"])
        #expect(text.status == 0, "\(text)")
        // A long line may wrap in the right column, an address after @ or . (with a zero-width
        // space where it may break): compared without white space.
        for line in Self.letterhead { #expect(text.stdout.squeezedForTest.contains(line.squeezedForTest), "\(line): \(text.stdout)") }

        // The SVG logo is drawn as vectors: page 1 has the logo's green square (#1d5e3a)
        // in its top left, which nothing else on the page is.
        let ppm = project.url.appendingPathComponent("ud/side").path
        let raster = try TestProcess.run("pdftoppm", ["-f", "1", "-l", "1", "-r", "30", "-singlefile", pdf, ppm])
        #expect(raster.status == 0, "\(raster)")
        let image = try Data(contentsOf: URL(fileURLWithPath: ppm + ".ppm"))
        #expect(Self.pixels(ofColour: (29, 94, 58), inPPM: image) > 200)
    }

    @Test func aPNGLogoIsAnImageOnPageOneOfThePDF() throws {
        let project = try TempFolder.withExamples()
        try project.write("examples/vesteraa/profiles/vesteraa-byraad/logo.png", data: Self.png)
        let profile = try project.read(Self.profileFile)
        try project.write(Self.profileFile, profile.replacingOccurrences(of: "file: logo.svg", with: "file: logo.png"))
        let html = String(decoding: try Self.render(project, "html", to: "ud/sag.html"), as: UTF8.self)
        #expect(html.contains("src=\"data:image/png;base64,\(Self.png.base64EncodedString())\" alt=\"Vesterå Kommune\""))
        _ = try Self.render(project, "pdf", to: "ud/sag.pdf")
        let images = try TestProcess.run("pdfimages", ["-list", project.url.appendingPathComponent("ud/sag.pdf").path])
        #expect(images.status == 0, "\(images)")
        let rows = images.stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.count == 1, "\(images.stdout)")
        #expect(rows.first.map { Array($0.prefix(5)) } == ["1", "0", "image", "4", "4"], "\(images.stdout)")
    }

    @Test func anAgendaPacketShowsTheDocumentsLookOnItsPageAndInItsPDF() throws {
        let project = try TempFolder.withExamples()
        try project.write("examples/vesteraa/dagsorden.yml", """
            type: dagsorden
            udvalg: "Vesterå Byråd"
            dato: 2026-09-24
            start: "17:00"
            slut: "19:00"
            sted: "Rådhuset, byrådssalen"
            punkter:
              - titel: Godkendelse af dagsorden
                minutter: 5
              - indstilling: vintertjeneste-cykelstier.md
                minutter: 20

            """)
        let site = try project.run("bundle", "examples/vesteraa/dagsorden.yml", "-o", "ud", timeout: 120)
        #expect(site.status == 0, "\(site)")
        let page = try project.read("ud/punkt-2-bilag-1.html")
        #expect(page.contains("<div class=\"profiludseende\" style=\"--indstil-font: &quot;DejaVu Sans&quot;, Verdana, sans-serif; "
            + "--indstil-heading-font: &quot;DejaVu Serif&quot;, Georgia, serif; --indstil-heading: #1d5e3a; --indstil-accent: #1d5e3a;\">"))
        #expect(page.contains("<img class=\"logo\" src=\"data:image/svg+xml;base64,") && page.contains("alt=\"Vesterå Kommune\""))
        for line in Self.letterheadHTML { #expect(page.contains("<span>\(line)</span>"), "\(line)") }
        // The packet's own pages keep the packet's look.
        #expect(!(try project.read("ud/index.html")).contains("profiludseende"))

        let pdf = try project.run("bundle", "examples/vesteraa/dagsorden.yml", "--to", "pdf", "-o", "ud.pdf", timeout: 180)
        #expect(pdf.status == 0, "\(pdf)")
        let text = try TestProcess.run("pdftotext", ["-enc", "UTF-8", project.url.appendingPathComponent("ud.pdf").path, "-"])
        for line in Self.letterhead { #expect(text.stdout.squeezedForTest.contains(line.squeezedForTest), "\(line)") }
    }

    @Test func aShippedProfileKeepsIndstilsOwnLook() throws {
        let project = try TempFolder.withExamples()
        let html = String(decoding: try Self.render(project, "html", "examples/\(Fixtures.byraad)", to: "ud/sag.html"), as: UTF8.self)
        #expect(!html.contains("/* look.theme */") && !html.contains("<img") && !html.contains("class=\"brevhoved\"")
                && !html.contains("<address"), "a profile without look: shows none")
        #expect(html.contains("<div class=\"side\">"))
        #expect(html.contains("--indstil-heading: #00305c;") && !html.contains("#1d5e3a"), "the stylesheet's own defaults only")
    }

    /// A look that cannot be used, and the Danish reason `indstil profiles` and `indstil check` give.
    static let badLooks: [(look: String, reason: String)] = [
        ("  theme: {farve: \"#1d5e3a\"}", "look.theme.farve: ukendt variabel (kendte: font, heading_font, text, heading, accent, link, muted, rule, sidebar_background, base_size)"),
        ("  theme: {heading: \"grøn\"}", "look.theme.heading: værdien 'grøn' kan ikke bruges (en farve som #005a8c)"),
        ("  theme: {heading: \"#1d5e3a; } body { display: none\"}", "look.theme.heading: værdien '#1d5e3a; } body { display: none' kan ikke bruges"),
        ("  theme: {font: \"Arial /* resten\"}", "look.theme.font: værdien 'Arial /* resten' kan ikke bruges"),
        ("  theme: {font: \"'Arial\"}", "look.theme.font: værdien ''Arial' kan ikke bruges"),
        ("  logo: {file: mangler.svg, alt: Vesterå Kommune}", "look.logo.file 'mangler.svg' findes ikke i profilens mappe"),
        ("  logo: {file: ../../indstil.yml.svg, alt: Vesterå Kommune}", "look.logo.file '../../indstil.yml.svg' skal ligge i profilens mappe"),
        ("  logo: {file: logo.svg, alt: \"  \"}", "look.logo.alt: logoet skal have en alternativ tekst"),
        ("  logo: {file: logo.gif, alt: Vesterå Kommune}", "look.logo.file 'logo.gif': logoet skal være en .svg- eller .png-fil"),
    ]

    @Test("A bad look is a profile error with its Danish reason", arguments: badLooks.indices)
    func aBadLookIsAProfileError(_ index: Int) throws {
        let bad = Self.badLooks[index]
        let project = try TempFolder.withExamples()
        try project.write("examples/vesteraa/indstil.yml.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        let profile = try project.read(Self.profileFile)
        let lookStart = try #require(profile.range(of: "\nlook:\n"))
        try project.write(Self.profileFile, String(profile[..<lookStart.upperBound]) + bad.look + "\n")

        let profiles = try CLI.run(["profiles"], in: project.url.appendingPathComponent("examples/vesteraa"))
        #expect(profiles.stdout.contains(bad.reason) || profiles.stderr.contains(bad.reason), "\(profiles)")
        let check = try project.run("check", Self.document)
        #expect(check.status != 0, "\(check)")
        #expect(check.stdout.contains(bad.reason) || check.stderr.contains(bad.reason), "\(check)")
        let render = try project.run("render", "--to", "html", Self.document, "-o", "ud/sag.html")
        #expect(render.status != 0 && !project.exists("ud/sag.html"), "\(render)")
    }

    /// Pixels within 12 of `colour` in each channel, in a binary PPM (P6, maxval 255).
    static func pixels(ofColour colour: (UInt8, UInt8, UInt8), inPPM data: Data) -> Int {
        let bytes = [UInt8](data)
        var fields = 0, index = 0
        while fields < 4, index < bytes.count {  // "P6", width, height, maxval, each followed by white space
            while index < bytes.count, !(bytes[index] == 0x20 || bytes[index] == 0x0A) { index += 1 }
            fields += 1
            index += 1
        }
        var count = 0
        var pixel = index
        while pixel + 2 < bytes.count {
            if abs(Int(bytes[pixel]) - Int(colour.0)) <= 12, abs(Int(bytes[pixel + 1]) - Int(colour.1)) <= 12,
               abs(Int(bytes[pixel + 2]) - Int(colour.2)) <= 12 { count += 1 }
            pixel += 3
        }
        return count
    }
}

private extension String {
    /// What Mustache's `{{…}}` makes of the letterhead's text (only `&`, `<`, `>`, quotes are escaped).
    /// Without white space and zero-width spaces: text as pdftotext gives it, wherever lines broke.
    var squeezedForTest: String { filter { !$0.isWhitespace && $0 != "\u{200B}" } }

    var markupEscapedForTest: String {
        replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
