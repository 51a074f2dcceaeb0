import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

@Suite struct MarkdownWalkerTests {
    static let tree = MarkdownParser.parse("""
        # Overskrift

        Tekst med *vægt* og [et link](https://aarhus.dk)
        over to linjer<b> og `kode`.

        - punkt med [andet link](#afsnit-2)

        ```
        blok
        ```

        <div>rå html</div>
        """).root

    /// Overrides one method; every other kind takes the default (descend or nothing).
    struct LinkCollector: MarkdownWalker {
        var destinations: [String] = []
        mutating func visitLink(_ node: MarkdownNode, destination: String, title: String) {
            destinations.append(destination)
            descend(into: node)
        }
    }

    /// Stops at the first text it meets.
    struct FirstText: MarkdownWalker {
        var found: [String] = []
        var isFinished: Bool { !found.isEmpty }
        mutating func visitText(_ node: MarkdownNode, text: String) { found.append(text) }
    }

    @Test func aWalkerVisitsEveryNodeOfItsKindInOrder() {
        var collector = LinkCollector()
        collector.walk(Self.tree)
        #expect(collector.destinations == ["https://aarhus.dk", "#afsnit-2"])
    }

    @Test func aFinishedWalkerVisitsNothingMore() {
        var walker = FirstText()
        walker.walk(Self.tree)
        #expect(walker.found == ["Overskrift"])
    }

    @Test func textHelpersAreWalkers() throws {
        let paragraph = try #require(Self.tree.children.dropFirst().first)
        #expect(paragraph.plainText == "Tekst med vægt og et link over to linjer og kode.")
        #expect(paragraph.textLines.map(\.text) == ["Tekst med vægt og et link", "over to linjer og kode."])
        #expect(paragraph.textLines.map(\.line) == [3, 4])
        #expect(Self.tree.textBlocks.map(\.plainText) == ["Overskrift", paragraph.plainText, "punkt med andet link"])
        #expect(Self.tree.children.last?.hasVisibleText == false)  // raw HTML shows nothing
        #expect(Self.tree.children[3].hasVisibleText)  // the code block
        #expect(Self.tree.children[3].plainText == "blok\n")
    }
}
