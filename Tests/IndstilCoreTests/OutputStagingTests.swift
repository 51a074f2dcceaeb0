import Foundation
import Testing
@testable import IndstilCore
@testable import IndstilSupport
@testable import IndstilDocument
@testable import IndstilChecks
@testable import IndstilRender
@testable import IndstilWorkspace
@testable import IndstilPackets

/// Outputs staged together: all old or all new, and what a killed run left is recognised.
@Suite struct OutputStagingTests {
    @Test("Leftover names are read back to their target, process and kind",
          arguments: [(".ud-lukket.indstil-4242.ny", "ud-lukket", Int32(4242), false),
                      (".dagsorden.pdf.indstil-17.gammel", "dagsorden.pdf", Int32(17), true),
                      ("ud-lukket.tmp-99", "ud-lukket", Int32(99), false),
                      ("ud.old-7", "ud", Int32(7), true),
                      (".sag.html.123.tmp", "sag.html", Int32(123), false)])
    func leftoverNames(entry: String, target: String, pid: Int32, isOld: Bool) throws {
        let owner = try #require(AbandonedOutputs.owner(of: entry))
        #expect(owner.target == target && owner.pid == pid && owner.isOld == isOld)
    }

    @Test("Names that only look like leftovers are not", arguments: ["ud", "rapport.tmp-x", ".indstil-12.ny", "data.old-", ".skjult.tmp", "sag.indstil-12.ny"])
    func notLeftovers(entry: String) {
        #expect(AbandonedOutputs.owner(of: entry) == nil)
    }

    @Test("A commit that cannot put the second output in place leaves both old outputs")
    func failedCommitIsUndone() throws {
        let folder = try TempFolder("staging")
        let first = folder.url.appendingPathComponent("a.pdf")
        let second = folder.url.appendingPathComponent("b.pdf")
        try Data("gammel a".utf8).write(to: first)
        try Data("gammel b".utf8).write(to: second)
        let staging = try OutputStaging(targets: [first, second], folders: false)
        try staging.write(Data("ny a".utf8), for: first)
        // The second staged file is missing: its rename fails after the first succeeded.
        #expect(throws: AtomicFile.Failure.self) { try staging.commit() }
        staging.discard()
        #expect(try String(contentsOf: first, encoding: .utf8) == "gammel a")
        #expect(try String(contentsOf: second, encoding: .utf8) == "gammel b")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["a.pdf", "b.pdf"])
    }

    @Test("A commit puts every output in place and leaves nothing beside them")
    func commitPutsAllInPlace() throws {
        let folder = try TempFolder("staging")
        let site = folder.url.appendingPathComponent("ud")
        let closed = folder.url.appendingPathComponent("ud-lukket")
        try folder.write("ud/index.html", "gammel")
        let staging = try OutputStaging(targets: [site, closed], folders: true)
        try Data("ny".utf8).write(to: staging.staged(for: site).appendingPathComponent("index.html"))
        try Data("ny lukket".utf8).write(to: staging.staged(for: closed).appendingPathComponent("index.html"))
        try staging.commit()
        #expect(try folder.read("ud/index.html") == "ny")
        #expect(try folder.read("ud-lukket/index.html") == "ny lukket")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["ud", "ud-lukket"])
    }
}
