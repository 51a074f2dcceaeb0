import Foundation

/// The slow lane's shared outputs: packets whose build runs the external programs
/// (WeasyPrint, qpdf, LibreOffice) and that several tests only read. Each is built once per
/// test run, by the first test that asks for it (the others wait for that build), in a copy
/// of the examples of its own; the tests read it and may add files of their own with unique
/// names, but never change or remove what the build wrote. A test that changes the input, or
/// times, interrupts or breaks the build, runs its own.
enum SharedOutputs {
    struct Output: Sendable {
        /// The copy of the examples the packet was built in.
        let folder: TempFolder
        /// The run of `indstil bundle … --to pdf` that built it.
        let result: RunResult

        func url(_ relative: String) -> URL { folder.url.appendingPathComponent(relative) }
    }

    /// `bundle examples/raadmandsmoede/dagsorden.yml --to pdf -o ud/dagsorden.pdf`: the public
    /// agenda `ud/dagsorden.pdf` and the closed `ud/dagsorden-lukket.pdf` (a Word attachment
    /// converted by LibreOffice, PDF attachments stamped and merged).
    static func agendaPDF() throws -> Output {
        try built("agenda", ["bundle", "examples/raadmandsmoede/dagsorden.yml", "--to", "pdf", "-o", "ud/dagsorden.pdf"])
    }

    /// `bundle examples/bilagsmateriale/bundle.yml --to pdf -o ud/bilag.pdf`: the betænkning
    /// bundle with its merged PDF attachment.
    static func bundlePDF() throws -> Output {
        try built("bundle", ["bundle", "examples/bilagsmateriale/bundle.yml", "--to", "pdf", "-o", "ud/bilag.pdf"])
    }

    /// `bundle examples/raadmandsmoede/referat.yml --to pdf -o ud/referat.pdf`: the public
    /// minutes `ud/referat.pdf` and the closed `ud/referat-lukket.pdf`.
    static func minutesPDF() throws -> Output {
        try built("minutes", ["bundle", "examples/raadmandsmoede/referat.yml", "--to", "pdf", "-o", "ud/referat.pdf"])
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var outputs: [String: Output] = [:]
    nonisolated(unsafe) private static var removesAtExit = false

    private static func built(_ key: String, _ arguments: [String]) throws -> Output {
        lock.lock()
        defer { lock.unlock() }
        if let output = outputs[key] { return output }
        let folder = try TempFolder.withExamples()
        let result = try folder.run(arguments: arguments, timeout: 240)
        let output = Output(folder: folder, result: result)
        outputs[key] = output
        if !removesAtExit {
            removesAtExit = true
            // Static values are never deinitialised: the folders go when the test process ends.
            atexit { SharedOutputs.removeAll() }
        }
        return output
    }

    private static func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        for output in outputs.values { output.folder.remove() }
        outputs = [:]
    }
}
