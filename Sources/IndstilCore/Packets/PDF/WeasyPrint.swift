import Foundation

/// The one place WeasyPrint (an external program `make deps` installs) is started: for a
/// single document (`PDFRenderer`), a packet's PDF (`PacketPDF`) and the stamps on PDF
/// attachments (`PDFStamper`).
enum WeasyPrint {
    /// What is being set; it decides the wording of a failure.
    enum Purpose {
        /// A document or a packet.
        case document
        /// The stamps laid over PDF attachments.
        case stamps
    }

    enum Problem: Error {
        /// The HTML could not be written into the work folder.
        case inputNotWritable(any Error)
        case notFound
        case timedOut(TimeInterval)
        /// WeasyPrint failed, or what it wrote is not a PDF.
        case failed(status: Int32, stderr: String)

        /// The Danish message; `inputNotWritable` says its error as `detail` gives it.
        func message(_ purpose: Purpose, detail: (any Error) -> String = { SystemErrorText.reason($0) }) -> String {
            switch (self, purpose) {
            case (.inputNotWritable(let error), _):
                return "kan ikke skrive midlertidig fil: \(detail(error))"
            case (.notFound, .document):
                return "WeasyPrint findes ikke; installér det med »make deps« (Debian-pakken weasyprint)"
            case (.notFound, .stamps):
                return "WeasyPrint findes ikke, men skal bruges til at sætte stempler på bilagene; installér det med »make deps«"
            case (.timedOut(let timeout), .document):
                return "WeasyPrint svarede ikke inden for \(Int(timeout)) sekunder"
            case (.timedOut(let timeout), .stamps):
                return "WeasyPrint svarede ikke inden for \(Int(timeout)) sekunder (stempler)"
            case (.failed(let status, let stderr), .document):
                return "WeasyPrint fejlede (exit \(status)): \(stderr.prefix(500))"
            case (.failed(let status, let stderr), .stamps):
                return "WeasyPrint fejlede (exit \(status)) ved stemplerne: \(stderr.prefix(500))"
            }
        }
    }

    /// Writes `html` to `input` and sets it as the PDF `output`.
    /// - Parameters:
    ///   - presentationalHints: honour HTML attributes such as `width` (single documents).
    ///   - tagged: a tagged PDF (PDF/UA-1: structure tree with headings, lists and table
    ///     headers, `/Lang`, the title as the window title), for every document a reader
    ///     opens; stamp pages, laid over other pages, are not.
    static func set(_ html: String, input: URL, output: URL, presentationalHints: Bool = false, tagged: Bool = true,
                    timeout: TimeInterval) throws(Problem) {
        do {
            // WeasyPrint 57 ignores <wbr>; a zero-width space is the break after @ . / it honours (`AddressBreaks`).
            try Data(html.replacingOccurrences(of: "<wbr>", with: "\u{200B}").utf8).write(to: input)
        } catch {
            throw .inputNotWritable(error)
        }
        let options = ["--quiet"] + (presentationalHints ? ["--presentational-hints"] : []) + (tagged ? ["--pdf-variant", "pdf/ua-1"] : [])
        switch ExternalProgram.run("weasyprint", options + [input.path, output.path], timeout: timeout) {
        case .notFound:
            throw .notFound
        case .timedOut:
            throw .timedOut(timeout)
        case .finished(let status, let stderr):
            guard status == 0, let head = try? FileHandle(forReadingFrom: output).read(upToCount: 4), head == Data("%PDF".utf8) else {
                throw .failed(status: status, stderr: stderr)
            }
        }
    }

    /// `set` for a packet: a failure as a `PacketFailure` of the setting (or stamping) step.
    static func setPacket(_ html: String, input: URL, output: URL, purpose: Purpose, timeout: TimeInterval) throws(PacketFailure) {
        do {
            try set(html, input: input, output: output, tagged: purpose == .document, timeout: timeout)
        } catch {
            throw PacketFailure(purpose == .stamps ? .stamping : .setting, error.message(purpose), file: input)
        }
    }
}
