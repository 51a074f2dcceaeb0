import Foundation
import Testing

/// An output never overwrites a file it is made from: every output path is compared with
/// every input path before anything is written (exit 2, the file untouched).
@Suite("Outputs never overwrite their inputs (end to end)")
struct OutputCollisionTests {
    @Test("bundle --to pdf -o the manifest, or -o an attachment: refused, the file unchanged",
          arguments: ["examples/raadmandsmoede/dagsorden.yml", "examples/raadmandsmoede/punkt-2/referat-2026-08-28.pdf",
                      "examples/raadmandsmoede/punkt-3/seniorundersoegelse.md"])
    func packetOverItsInput(target: String) throws {
        let folder = try TempFolder.withExamples()
        let before = try Data(contentsOf: folder.url.appendingPathComponent(target))
        let result = try folder.run("bundle", "examples/raadmandsmoede/dagsorden.yml", "--to", "pdf", "-o", target, timeout: 60)
        #expect(result.status == 2 && result.stderr.contains("kildefilerne"), "\(result)")
        #expect(try Data(contentsOf: folder.url.appendingPathComponent(target)) == before)
    }

    @Test("bundle -o a folder holding the manifest: refused")
    func siteOverItsFolder() throws {
        let folder = try TempFolder.withExamples()
        let result = try folder.run("bundle", "examples/bilagsmateriale/bundle.yml", "-o", "examples/bilagsmateriale", timeout: 60)
        #expect(result.status == 2 && result.stderr.contains("indeholder kildefilen"), "\(result)")
        #expect(folder.exists("examples/bilagsmateriale/bundle.yml"))
    }

    @Test("render -o the document itself, and render --to md of many into their own folder: refused")
    func renderOverItsInput() throws {
        let folder = try TempFolder.withExamples()
        let path = "examples/\(Fixtures.byraad)"
        let before = try folder.read(path)
        let single = try folder.run("render", "--to", "md", path, "-o", path)
        #expect(single.status == 2 && single.stderr.contains("kildefilerne"), "\(single)")
        let many = try folder.run("render", "--to", "md", path, "examples/\(Fixtures.raadmand)", "-o", "examples/aarhus-byraad")
        #expect(many.status == 2, "\(many)")
        #expect(try folder.read(path) == before)
    }
}
