import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// `render --to md` used to be quadratic in the nesting depth of emphasis (cmark's
/// CommonMark renderer walks every node's parents): 126 KB took 5 s, 1 MB minutes.
@Suite struct MarkdownRenderSpeedTests {
    func analyzed(_ text: String) throws -> AnalyzedDocument {
        guard case .document(let document) = DocumentLoader.parse(text, url: URL(fileURLWithPath: "/tmp/indstil-render/sag.md"), displayPath: "sag.md"),
              case .success(let profile)? = ProfileStore.standard(projectRoot: nil).profile(id: "aarhus-byraad") else {
            throw Failure("document or profile could not be loaded")
        }
        return AnalyzedDocument(document: document, profile: profile)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    func example(withParagraph paragraph: String) throws -> String {
        let url = TestPackage.examples.appendingPathComponent("aarhus-byraad/ny-ordning-moedelokaler.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let marker = "# 6. Hvad igangsættes?\n\n"
        let range = try #require(text.range(of: marker))
        return text.replacingCharacters(in: range, with: marker + paragraph + "\n\n")
    }

    /// The example with `paragraph` in it, rendered to Markdown within 5 s (debug build).
    func timedMarkdown(withParagraph paragraph: String) throws -> String {
        let document = try analyzed(example(withParagraph: paragraph))
        var output = Data()
        let elapsed = try ContinuousClock().measure { output = try Renderer.render(document, to: .md) }
        #expect(elapsed < .seconds(5), "render --to md took \(elapsed)")
        return String(decoding: output, as: UTF8.self)
    }

    @Test func oneMegabyteOfNestedEmphasisRendersToMarkdownQuickly() throws {
        let depth = 500_000
        let paragraph = String(repeating: "*", count: depth) + "midten" + String(repeating: "*", count: depth)
        let markdown = try timedMarkdown(withParagraph: paragraph)
        #expect(markdown.contains(String(repeating: "*", count: 1000) + "midten" + String(repeating: "*", count: 1000)))
        #expect(markdown.contains("foreninger kan se og booke alle ledige"))
        #expect(markdown.utf8.count > 2 * depth)
    }

    @Test func deeplyNestedMixedEmphasisRendersToMarkdownQuickly() throws {
        let depth = 100_000
        let paragraph = String(repeating: "**_", count: depth) + "midten" + String(repeating: "_**", count: depth)
        #expect(try timedMarkdown(withParagraph: paragraph).contains("midten"))
    }

    /// Below the flattening depth cmark renders the tree itself; above it the delimiters
    /// written as literals must read exactly as cmark writes them.
    @Test func deepEmphasisIsWrittenAsCmarkWritesIt() {
        let inner = "*a **b** _c_ [d](http://e.f) `g`*"
        let deep = String(repeating: "*", count: 40) + inner + String(repeating: "*", count: 40)
        // What the cmark 0.30.2 command line writes for the same input.
        let stars = String(repeating: "*", count: 41)
        #expect(MarkdownParser.normalized(deep) == stars + "a **b** *c* [d](http://e.f) `g`" + stars + "\n")
    }
}
