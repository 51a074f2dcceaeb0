import Foundation
import IndstilSupport
import IndstilDocument

/// Runs qpdf (an external program `make deps` installs) and reads its JSON.
///
/// qpdf ≥ 11 writes `--json` to a file and applies `--update-from-json`; both are
/// used, so its stdout is never needed.
package enum QPDF {
    package static let timeout: TimeInterval = 600

    /// Writes a PDF with an /ID derived from its content (the same input, the same bytes);
    /// qpdf refuses that for encrypted files, which are then written with a fresh /ID.
    package static func write(_ arguments: [String], step: PacketFailure.Step, what: Message) throws(PacketFailure) {
        do {
            try run(["--deterministic-id"] + arguments, step: step, what: what)
        } catch {
            try run(arguments, step: step, what: what)
        }
    }

    /// - Parameters:
    ///   - step: the packet's step a failure is reported under.
    ///   - what: where in the step, for the message ("ved fletning af PDF-bilagene" / "while merging the PDF appendices").
    package static func run(_ arguments: [String], step: PacketFailure.Step, what: Message) throws(PacketFailure) {
        switch ExternalProgram.run("qpdf", arguments, timeout: timeout) {
        case .notFound:
            throw PacketFailure(step, da: "qpdf findes ikke, men skal bruges til at flette PDF-bilag ind; installér det med »make deps« (Debian-pakken qpdf)",
                                en: "qpdf is not installed, but it is needed to merge PDF appendices; install it with \"make deps\" (the Debian package qpdf)")
        case .timedOut:
            throw PacketFailure(step, da: "qpdf svarede ikke inden for \(Int(timeout)) sekunder (\(what.da))",
                                en: "qpdf did not answer within \(Int(timeout)) seconds (\(what.en))")
        case .finished(let status, let stderr):
            // 3: done, with warnings (a damaged file qpdf could repair).
            guard status == 0 || status == 3 else {
                throw PacketFailure(step, da: "qpdf fejlede (exit \(status)) \(what.da): \(stderr.prefix(500))",
                                    en: "qpdf failed (exit \(status)) \(what.en): \(stderr.prefix(500))")
            }
        }
    }

    /// `qpdf --json=2 --json-key=… file out.json`, parsed.
    /// - Parameter extra: further JSON options (`--json-object=…`, `--json-stream-data=inline`).
    package static func json(_ pdf: URL, keys: [String], extra: [String] = [], into output: URL, step: PacketFailure.Step, what: Message) throws(PacketFailure) -> [String: Any] {
        try run(["--json=2"] + keys.map { "--json-key=\($0)" } + extra + [pdf.path, output.path], step: step, what: what)
        guard let data = try? Data(contentsOf: output),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw PacketFailure(step, da: "qpdf gav ingen læsbar JSON \(what.da)", en: "qpdf gave no readable JSON \(what.en)", file: pdf)
        }
        return object
    }

    package static func pageRefs(_ json: [String: Any]) -> [String] {
        (json["pages"] as? [[String: Any]] ?? []).compactMap { $0["object"] as? String }
    }

    /// `"qpdf": [header, objects]`.
    package static func objects(_ json: [String: Any]) -> [String: Any] {
        (json["qpdf"] as? [Any])?.dropFirst().first as? [String: Any] ?? [:]
    }

    package static func maxObjectID(_ json: [String: Any]) -> Int {
        ((json["qpdf"] as? [Any])?.first as? [String: Any])?["maxobjectid"] as? Int ?? 0
    }

    package static func value(_ objects: [String: Any], _ ref: String) -> [String: Any]? {
        (objects["obj:" + ref] as? [String: Any])?["value"] as? [String: Any]
    }
}
