import Foundation
import Testing
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilChecks

/// The one error the command line and the workspace server catch: how it reads in both
/// languages, and how the typed errors of the layers below read through it.
@Suite("IndstilError: one error, two languages, file and line")
struct IndstilErrorTests {
    @Test("text: file, line and column only where known; every line of the message kept, control characters escaped")
    func text() {
        let plain = IndstilError(da: "noget gik galt", en: "something went wrong")
        #expect(plain.text(.da) == "noget gik galt")
        #expect(plain.text(.en) == "something went wrong")
        let placed = IndstilError(da: "fejl", en: "error", file: "sag.md", line: 3, column: 7)
        #expect(placed.text(.da) == "sag.md:3:7: fejl")
        #expect(IndstilError(da: "fejl", en: "error", file: "sag.md", line: 3).text(.en) == "sag.md:3: error")
        #expect(IndstilError(da: "fejl", en: "error", file: "sag.md").text(.en) == "sag.md: error")
        let hostile = IndstilError(da: "første\nanden \u{1B}[31m", en: "x", file: "a\u{202E}b.md")
        #expect(hostile.text(.da) == "a\\u{202E}b.md: første\nanden \\u{1B}[31m")
        #expect(hostile.exitCode == 2)
    }

    @Test("the byte scan that spares most messages the escaping finds exactly the escaped characters, over every scalar up to U+FFFF")
    func controlCharacterScan() {
        var wrong: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = "»a"
            text.unicodeScalars.append(scalar)
            text += "b« – ok"
            let found = Array(text.utf8).withUnsafeBufferPointer(String.holdsControlCharacter)
            if found != scalar.isControlCharacter { wrong.append("U+" + String(value, radix: 16, uppercase: true)) }
        }
        #expect(wrong.isEmpty)
        #expect("»beslutnig« – 12.000 kr.".escapingControlCharacters == "»beslutnig« – 12.000 kr.")
        #expect("a\u{85}b\u{2069}".escapingControlCharacters == "a\\u{85}b\\u{2069}")
    }

    @Test("every error that reaches the command line reads in both languages, never as a type dump")
    func convertibleErrors() {
        let errors: [any Error] = [
            AtomicFile.Failure(path: "/ud/sag.pdf", reason: SystemErrorText.errnoText(ENOSPC)),
            PacketFailure(.output, da: "Mappen findes", en: "The folder exists"),
            OutputCollision(output: URL(fileURLWithPath: "/p/sag.md"), input: URL(fileURLWithPath: "/p/sag.md")),
            FileCollector.MissingPath(path: "mangler.md"),
            DocxTemplateFailure.macros(URL(fileURLWithPath: "/p/skabelon.dotm")),
            Configuration.Invalid(path: "indstil.yml", line: 4, message: Message(da: "ukendt nøgle", en: "unknown key")),
            ProfileLoadError(path: "profiles/x/profile.yml", line: 7, message: Message(da: "mangler nøglen 'id'", en: "the key 'id' is missing")),
        ]
        for error in errors {
            let failure = IndstilError(error)
            #expect(!failure.message.da.isEmpty && !failure.message.en.isEmpty && failure.message.da != failure.message.en,
                    "\(type(of: error)) has no English of its own: \(failure)")
            #expect(!failure.text(.da).contains("Error Domain") && !failure.text(.da).contains("Failure("), "\(failure)")
        }
        #expect(IndstilError(AtomicFile.Failure(path: "/ud/sag.pdf", reason: SystemErrorText.errnoText(ENOSPC))).text(.en)
            == "\"/ud/sag.pdf\" cannot be written: no space left on the disk; check that the folder can be created, that you may write there and that the disk has room")
        #expect(IndstilError(Configuration.Invalid(path: "indstil.yml", line: 4, message: Message(da: "ukendt nøgle", en: "unknown key"))).text(.en)
            == "indstil.yml:4: unknown key")
    }

    @Test("an error that does not know its words still reads as a sentence")
    func foreignError() {
        struct Strange: Error {}
        let failure = IndstilError(Strange())
        #expect(failure.text(.da).hasPrefix("uventet fejl: ") && failure.text(.en).hasPrefix("unexpected error: "))
        #expect(failure.exitCode == 2)
    }

    @Test("the command line and the server each catch in one place")
    func oneCatchPerBoundary() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let main = try String(contentsOf: sources.appendingPathComponent("indstil/main.swift"), encoding: .utf8)
        #expect(main.components(separatedBy: "catch").count - 1 == 1, "main.swift should have exactly one catch")
        let routes = try String(contentsOf: sources.appendingPathComponent("IndstilServer/WorkspaceRoutes.swift"), encoding: .utf8)
        let respond = routes.components(separatedBy: "func respond(").dropFirst().first?.components(separatedBy: "private func").first ?? ""
        #expect(respond.components(separatedBy: "catch").count - 1 == 1, "WorkspaceRoutes.respond should have exactly one catch")
    }
}
