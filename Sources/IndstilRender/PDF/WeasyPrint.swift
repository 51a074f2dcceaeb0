import Foundation
import IndstilSupport
import IndstilDocument

/// The one place WeasyPrint (an external program `make deps` installs) is started: for a
/// single document (`PDFRenderer`), a packet's PDF (`PacketPDF`) and the stamps on PDF
/// attachments (`PDFStamper`).
package enum WeasyPrint {
    /// The program for `variant`: `INDSTIL_WEASYPRINT` (a path or a name on PATH) when set.
    /// Otherwise Debian's `weasyprint`, except for the archive copy, which needs a newer
    /// WeasyPrint: `make deps` installs one into `.venv-weasyprint/` of the source tree, used
    /// when it is there (beside the shipped `Templates/`, or in the current folder).
    package static func program(for variant: Variant) -> String {
        let chosen = ProcessInfo.processInfo.environment["INDSTIL_WEASYPRINT"] ?? ""
        if !chosen.isEmpty { return chosen }
        if variant == .archive, let local = projectLocalWeasyPrint { return local }
        return "weasyprint"
    }

    static let projectLocalWeasyPrint: String? = {
        let relative = ".venv-weasyprint/bin/weasyprint"
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(relative)]
        if let templates = ShippedTemplates.folder {
            candidates.insert(templates.deletingLastPathComponent().appendingPathComponent(relative), at: 0)
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
    }()

    /// Which kind of PDF WeasyPrint writes.
    package enum Variant: Sendable {
        /// Tagged, PDF/UA-1: structure tree with headings, lists and table headers, `/Lang`,
        /// the title as the window title. Every document a reader opens.
        case tagged
        /// The archive copy: PDF/A-2 level A (tagged, fonts embedded, an sRGB output intent,
        /// no transparency groups left to the viewer). WeasyPrint 57 (Debian 12) can write
        /// PDF/A-2b only untagged; level A needs WeasyPrint 63 or newer.
        case archive
        /// Untagged: stamp pages, laid over other pages.
        case plain

        package var options: [String] {
            switch self {
            case .tagged: ["--pdf-variant", "pdf/ua-1"]
            case .archive: ["--pdf-variant", "pdf/a-2a"]
            case .plain: []
            }
        }
    }

    /// What is being set; it decides the wording of a failure.
    package enum Purpose {
        /// A document or a packet.
        case document
        /// The stamps laid over PDF attachments.
        case stamps
    }

    package enum Problem: Error {
        /// The HTML could not be written into the work folder.
        case inputNotWritable(any Error)
        case notFound
        /// The WeasyPrint found cannot write a tagged PDF/A-2 (`Variant.archive`).
        case archiveUnsupported(program: String)
        case timedOut(TimeInterval)
        /// What WeasyPrint wrote could not be finished (`TaggedPDFFinish`).
        case notFinished(Message)
        /// WeasyPrint failed, or what it wrote is not a PDF.
        case failed(status: Int32, stderr: String)

        /// What the user reads.
        package func message(_ purpose: Purpose) -> Message {
            switch (self, purpose) {
            case (.inputNotWritable(let error), _):
                let reason = SystemErrorText.reason(error)
                return Message(da: "kan ikke skrive midlertidig fil: \(reason.da)", en: "cannot write a temporary file: \(reason.en)")
            case (.notFound, .document):
                return Message(da: "WeasyPrint findes ikke; installér det med »make deps« (Debian-pakken weasyprint)",
                               en: "WeasyPrint is not installed; install it with \"make deps\" (the Debian package weasyprint)")
            case (.notFound, .stamps):
                return Message(da: "WeasyPrint findes ikke, men skal bruges til at sætte stempler på bilagene; installér det med »make deps«",
                               en: "WeasyPrint is not installed, but it is needed to stamp the appendices; install it with \"make deps\"")
            case (.archiveUnsupported(let program), _):
                return Message(
                    da: "arkivkopien (PDF/A-2 med tags) kræver WeasyPrint 63 eller nyere, men »\(program)« kan ikke skrive PDF/A-2a; "
                        + "»make deps« installerer en nyere WeasyPrint i .venv-weasyprint/ (som indstil så bruger), eller sæt INDSTIL_WEASYPRINT til en WeasyPrint 63 eller nyere",
                    en: "the archive copy (tagged PDF/A-2) needs WeasyPrint 63 or newer, but \"\(program)\" cannot write PDF/A-2a; "
                        + "\"make deps\" installs a newer WeasyPrint in .venv-weasyprint/ (which indstil then uses), or set INDSTIL_WEASYPRINT to a WeasyPrint 63 or newer")
            case (.notFinished(let reason), _):
                return Message(da: "PDF'en fra WeasyPrint kunne ikke gøres færdig: \(reason.da)",
                               en: "the PDF from WeasyPrint could not be finished: \(reason.en)")
            case (.timedOut(let timeout), .document):
                return Message(da: "WeasyPrint svarede ikke inden for \(Int(timeout)) sekunder",
                               en: "WeasyPrint did not answer within \(Int(timeout)) seconds")
            case (.timedOut(let timeout), .stamps):
                return Message(da: "WeasyPrint svarede ikke inden for \(Int(timeout)) sekunder (stempler)",
                               en: "WeasyPrint did not answer within \(Int(timeout)) seconds (stamps)")
            case (.failed(let status, let stderr), .document):
                return Message(da: "WeasyPrint fejlede (exit \(status)): \(stderr.prefix(500))",
                               en: "WeasyPrint failed (exit \(status)): \(stderr.prefix(500))")
            case (.failed(let status, let stderr), .stamps):
                return Message(da: "WeasyPrint fejlede (exit \(status)) ved stemplerne: \(stderr.prefix(500))",
                               en: "WeasyPrint failed (exit \(status)) on the stamps: \(stderr.prefix(500))")
            }
        }
    }

    /// Writes `html` to `input` (0600) and sets it as the PDF `output`.
    /// Tagged variants are then finished (`TaggedPDFFinish`: table header scopes, the outline
    /// shown on open). `input`'s folder is a private work folder (`TemporaryItems`); WeasyPrint
    /// keeps its own temporary files in a private folder of its own inside it, removed after the run.
    ///
    /// The finished PDF is kept in `cache` under the digest of the HTML, the variant and the
    /// WeasyPrint that set it (`WeasyPrintProgram.identity`): the same HTML set again is a copy.
    /// - Parameter presentationalHints: honour HTML attributes such as `width` (single documents).
    /// - Parameter session: a running WeasyPrint (`WeasyPrintSession`) to set it in, when it is
    ///   the one `variant` asks for; otherwise WeasyPrint runs on its own.
    package static func set(_ html: String, input: URL, output: URL, presentationalHints: Bool = false, variant: Variant = .tagged,
                    timeout: TimeInterval, cache: ContentCache? = ContentCache.shared, session: WeasyPrintSession? = nil) throws(Problem) {
        // WeasyPrint 57 ignores <wbr>; a zero-width space is the break after @ . / it honours (`AddressBreaks`).
        let page = Data(html.replacingOccurrences(of: "<wbr>", with: "\u{200B}").utf8)
        let name = program(for: variant)
        guard let program = WeasyPrintProgram.named(name) else { throw .notFound }
        let options = ["--quiet"] + (presentationalHints ? ["--presentational-hints"] : []) + variant.options
        var key: ContentCache.Key?
        if let cache, let identity = program.identity {
            var made = ContentCache.Key("weasyprint set 1")
            made.add(identity)
            made.add(options.joined(separator: " "))
            made.add(page)
            if cache.copy(made, to: output) { return }
            key = made
        }
        let temporary = input.deletingLastPathComponent().appendingPathComponent("weasyprint-tmp-\(UUID().uuidString)", isDirectory: true)
        do {
            try TemporaryItems.writePrivately(page, to: input)
            try TemporaryItems.makePrivateFolder(temporary)
        } catch {
            throw .inputNotWritable(error)
        }
        let result = if let session, session.name == name {
            session.run(options + [input.path, output.path], timeout: timeout)
        } else {
            ExternalProgram.run(program.executable, program.leadingArguments + options + [input.path, output.path],
                                timeout: timeout, temporaryFolder: temporary)
        }
        try? FileManager.default.removeItem(at: temporary)
        switch result {
        case .notFound:
            throw .notFound
        case .timedOut:
            throw .timedOut(timeout)
        case .finished(let status, let stderr):
            if variant == .archive, status != 0, stderr.contains("pdf/a-2a") { throw .archiveUnsupported(program: name) }
            guard status == 0, let head = try? FileHandle(forReadingFrom: output).read(upToCount: 4), head == Data("%PDF".utf8) else {
                throw .failed(status: status, stderr: stderr)
            }
        }
        if variant != .plain {
            do {
                try TaggedPDFFinish.apply(output, work: input.deletingLastPathComponent(), identifiesUA: variant == .archive)
            } catch {
                throw .notFinished(error.message)
            }
        }
        if let cache, let key { cache.keep(output, as: key) }
    }

    /// `set` for a packet: a failure as a `PacketFailure` of the setting (or stamping) step.
    /// - Parameter archive: a document is set as the archive copy (`Variant.archive`); stamps never are.
    package static func setPacket(_ html: String, input: URL, output: URL, purpose: Purpose, archive: Bool = false,
                          timeout: TimeInterval, session: WeasyPrintSession? = nil) throws(PacketFailure) {
        do {
            try set(html, input: input, output: output, variant: purpose == .stamps ? .plain : archive ? .archive : .tagged, timeout: timeout,
                    session: session)
        } catch {
            throw PacketFailure(purpose == .stamps ? .stamping : .setting, error.message(purpose), file: input)
        }
    }
}
