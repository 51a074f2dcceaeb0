import Foundation
import IndstilSupport
import IndstilRender

/// A stamped attachment page's own content put back as the page's content, the stamp drawn
/// over it as a marked artifact.
///
/// qpdf's `--overlay` (`PDFStamper`) turns the attachment page into a form XObject and the
/// page into two paints: `q 1 0 0 1 0 0 cm /Fx0 Do Q q … cm /Fx1 Do Q`, the page under the
/// stamp. The page's marked content (its text, tagged in the attachment) then sits inside a
/// form that nothing marks, and the paints are "content neither tagged nor an artifact". For
/// a grafted attachment (`StructureGraft`) the page gets its content stream back in place,
/// under the same transformation and clip, and the stamp is painted inside `/Artifact BMC …
/// EMC`. A page of another shape is left as qpdf wrote it.
enum OverlaidPageContent {
    /// One `q <matrix> cm /Name Do Q` paint.
    struct Paint {
        let matrix: String
        let name: String
    }

    /// Rewrites `pages` of `merged` in `edit`; reads their content streams with one qpdf run.
    static func restore(_ pages: [String], of merged: URL, in edit: inout PDFObjectEdit, work: URL) throws(PacketFailure) {
        var streams: [String: String] = [:]
        for page in pages {
            guard let value = edit.value(page) else { continue }
            let contents = (value["/Contents"] as? [Any])?.compactMap { $0 as? String } ?? [value["/Contents"] as? String].compactMap { $0 }
            if contents.count == 1 { streams[page] = contents[0] }
        }
        guard !streams.isEmpty else { return }
        let numbers = Set(streams.values.compactMap { $0.split(separator: " ").first.map(String.init) }).sorted()
        let json = try QPDF.json(merged, keys: ["qpdf"], extra: ["--json-stream-data=inline"] + numbers.map { "--json-object=\($0)" },
                                 into: work.appendingPathComponent("sideindhold.json"), step: .merging,
                                 what: Message(da: "ved læsning af de stemplede siders indhold", en: "while reading the stamped pages' content"))
        let objects = QPDF.objects(json)
        for page in pages {
            guard let streamRef = streams[page],
                  let encoded = (((objects["obj:" + streamRef] as? [String: Any])?["stream"] as? [String: Any])?["data"] as? String),
                  let data = Data(base64Encoded: encoded), let paints = paints(String(decoding: data, as: UTF8.self)), paints.count == 2 else { continue }
            restore(page, content: paints[0], stamp: paints[1], in: &edit)
        }
    }

    /// The paints of a content stream made of nothing else; nil for any other content.
    static func paints(_ content: String) -> [Paint]? {
        let number = #"-?[0-9]*\.?[0-9]+"#
        let pattern = try! Regex(#"\s*q\s+((?:"# + number + #"\s+){6})cm\s+/([A-Za-z0-9_.]+)\s+Do\s+Q"#)
        var paints: [Paint] = []
        var rest = Substring(content)
        while let match = rest.prefixMatch(of: pattern) {
            guard let matrix = match.output[1].substring, let name = match.output[2].substring else { return nil }
            paints.append(Paint(matrix: matrix.trimmingCharacters(in: .whitespacesAndNewlines), name: String(name)))
            rest = rest[match.range.upperBound...]
        }
        return rest.allSatisfy(\.isWhitespace) ? paints : nil
    }

    static func restore(_ pageRef: String, content: Paint, stamp: Paint, in edit: inout PDFObjectEdit) {
        guard var page = edit.value(pageRef), let resources = resources(of: page, in: edit),
              let xobjects = resolved(resources["/XObject"], in: edit),
              let formRef = xobjects["/" + content.name] as? String, let stampRef = xobjects["/" + stamp.name] as? String,
              let form = edit.streamDictionary(formRef), form["/Subtype"] as? String == "/Form",
              let box = form["/BBox"] as? [Any], box.count == 4 else { return }
        var formResources = resolved(form["/Resources"], in: edit) ?? [:]
        var formXObjects = resolved(formResources["/XObject"], in: edit) ?? [:]
        var stampName = "IndstilStempel"
        while formXObjects["/" + stampName] != nil { stampName += "X" }
        formXObjects["/" + stampName] = stampRef
        formResources["/XObject"] = formXObjects

        let numbers = { (values: [Any]) in values.map { pdfNumber(($0 as? NSNumber)?.doubleValue ?? 0) }.joined(separator: " ") }
        var before = "q\n\(content.matrix) cm\n"
        if let matrix = form["/Matrix"] as? [Any], matrix.count == 6 { before += "\(numbers(matrix)) cm\n" }
        let x0 = (box[0] as? NSNumber)?.doubleValue ?? 0, y0 = (box[1] as? NSNumber)?.doubleValue ?? 0
        let x1 = (box[2] as? NSNumber)?.doubleValue ?? 0, y1 = (box[3] as? NSNumber)?.doubleValue ?? 0
        before += "\(numbers([x0, y0, x1 - x0, y1 - y0])) re W n\n"
        let after = "\nQ\n/Artifact BMC\nq\n\(stamp.matrix) cm\n/\(stampName) Do\nQ\nEMC\n"
        // The form's stream is the page's content again: its dictionary only says how it is encoded.
        var streamDictionary: [String: Any] = [:]
        for key in ["/Filter", "/DecodeParms"] { streamDictionary[key] = form[key] }
        edit.setStreamDictionary(formRef, streamDictionary)
        page["/Contents"] = [edit.addStream(Data(before.utf8)), formRef, edit.addStream(Data(after.utf8))]
        page["/Resources"] = formResources
        edit.set(pageRef, page)
    }

    /// A number as PDF writes it: no exponent.
    static func pdfNumber(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func resources(of page: [String: Any], in edit: PDFObjectEdit) -> [String: Any]? {
        resolved(page["/Resources"], in: edit)
    }

    /// A dictionary given directly or by reference.
    static func resolved(_ value: Any?, in edit: PDFObjectEdit) -> [String: Any]? {
        if let dictionary = value as? [String: Any] { return dictionary }
        return (value as? String).flatMap { edit.value($0) }
    }
}
