import Foundation
import Testing

/// Text from a document never becomes a line of its own in indstil's output: a CI runner
/// reads lines starting with `::` as workflow commands, and ESC sequences drive terminals.
@Suite("Output safety (end to end)")
struct OutputSafetyTests {
    /// A `dato` whose value holds a line break, a workflow command and an ESC sequence.
    static let hostile = "dato: \"2026-03-31\\n::error file=ondt.md,line=1::falsk fund\\n::add-mask::hemmelig \\u001B[31mrød\""

    @Test("A hostile front-matter value stays inside its diagnostic, in text and github output", arguments: ["text", "github"])
    func hostileValueStaysOnItsLine(format: String) throws {
        let folder = try TempFolder.withExamples()
        let original = try folder.read("examples/\(Fixtures.byraad)")
        let hostile = original.replacingOccurrences(of: "dato: 2026-03-31", with: Self.hostile)
        #expect(hostile != original, "the example's dato line changed; update the test")
        try folder.write("examples/aarhus-byraad/ondt.md", hostile)
        let result = try folder.run("check", "--format", format, "examples/aarhus-byraad/ondt.md")
        #expect(result.status == 1, "\(result)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let commands = lines.filter { $0.hasPrefix("::") }
        if format == "text" {
            #expect(commands.isEmpty, "a document value became a workflow command:\n\(result.stdout)")
            #expect(lines.contains { $0.contains("\\n::error file=ondt.md") }, "\(result.stdout)")
        } else {
            #expect(commands.allSatisfy { $0.hasPrefix("::error file=examples/aarhus-byraad/ondt.md,") }, "\(commands)")
        }
        #expect(!result.stdoutData.contains(0x1B), "an ESC byte reached the output")
    }
}

/// An output that cannot be written is said in Danish, naming the file and the reason.
@Suite("Write failures (end to end)")
struct WriteFailureTests {
    @Test("render -o and --report into a path under a file: exit 2, the file and the reason, no Foundation error text",
          arguments: [["render", "--to", "txt", "examples/aarhus-byraad/ny-ordning-moedelokaler.md", "-o", "examples/aarhus-byraad/ny-ordning-moedelokaler.md/ud.txt"],
                      ["check", "examples/aarhus-byraad", "--report", "sarif=examples/aarhus-byraad/ny-ordning-moedelokaler.md/x.sarif"]])
    func unwritableOutput(arguments: [String]) throws {
        let folder = try TempFolder.withExamples()
        let result = try folder.run(arguments: arguments)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("indstil: fejl: ") && result.stderr.contains("kan ikke skrives")
                && result.stderr.contains("der findes allerede en fil med det navn"), "\(result)")
        #expect(!result.stderr.contains("Error Domain") && !result.stderr.contains("The operation could not be completed"), "\(result)")
    }
}

/// `-o /dev/null` or `-o /dev/stdout` is written to, never replaced by a file.
@Suite("Special output paths (end to end)")
struct SpecialOutputPathTests {
    @Test("render -o to a FIFO writes into it and leaves it a FIFO")
    func renderIntoAFIFO() throws {
        let folder = try TempFolder.withExamples()
        let fifo = folder.url.appendingPathComponent("rør")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let reader = try RunningProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "cat rør > modtaget.txt"], in: folder.url)
        let result = try folder.run("render", "--to", "txt", "examples/\(Fixtures.byraad)", "-o", fifo.path)
        #expect(result.status == 0, "\(result)")
        #expect(reader.wait(timeout: 10)?.status == 0)
        #expect(try folder.read("modtaget.txt").contains("mødelokaler"))
        var info = stat()
        #expect(lstat(fifo.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO was replaced")
    }
}
