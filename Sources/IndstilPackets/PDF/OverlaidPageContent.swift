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
/// under the same transformations and clips, and the stamp is painted inside `/Artifact <</Type /Pagination>> BDC …
/// EMC`. A page placed on A4 first (`A4Placement`, another overlay: a blank A4 page under the
/// attachment's) has one more level of forms; the blank page's empty form is left out. A page
/// of another shape is left as qpdf wrote it.
enum OverlaidPageContent {
    /// One `q <matrix> cm /Name Do Q` paint.
    struct Paint {
        let matrix: String
        let name: String
    }

    /// A form on the way down from the page to the attachment's own content: the
    /// transformations and clips of the forms above it, as content-stream text.
    struct Layer {
        var prefix: String
        var depth: Int
        let form: String
    }

    /// How one page is put back: its content form under its layers, and its stamp.
    struct Plan {
        let content: Layer
        let stamp: Paint
        /// Whether the content shows text (`Tj`, `TJ`, `'`, `"`): an untagged page with none
        /// (a scan) has nothing a reader could be given.
        let showsText: Bool
    }

    /// How each of `pages` of `merged` can be put back; a page missing from the answer is one of
    /// another shape. The content streams are read with one qpdf run per level of forms (the
    /// stamp's, and A4 placement's when the page was not A4).
    static func plans(_ pages: [String], of merged: URL, in edit: PDFObjectEdit, work: URL) throws(PacketFailure) -> [String: Plan] {
        var streams: [String: String] = [:]
        for page in pages {
            guard let value = edit.value(page) else { continue }
            let contents = (value["/Contents"] as? [Any])?.compactMap { $0 as? String } ?? [value["/Contents"] as? String].compactMap { $0 }
            if contents.count == 1 { streams[page] = contents[0] }
        }
        var texts = try read(Array(streams.values), of: merged, work: work, level: 0)
        // Each page: its stamp, and the forms under it still to be looked into or found to be the content.
        var stamps: [String: Paint] = [:]
        var open: [String: [Layer]] = [:]
        for page in pages {
            guard let stream = streams[page], let text = texts[stream], let paints = paints(text), paints.count >= 2,
                  let xobjects = resources(of: edit.value(page) ?? [:], in: edit).flatMap({ resolved($0["/XObject"], in: edit) }) else { continue }
            stamps[page] = paints[paints.count - 1]
            open[page] = paints.dropLast().compactMap { paint in
                guard let form = xobjects["/" + paint.name] as? String, let opening = opening(paint, form: form, in: edit) else { return nil }
                return Layer(prefix: opening, depth: 1, form: form)
            }
        }
        var content: [String: Layer] = [:]
        for level in 1...4 where !open.isEmpty {
            texts.merge(try read(open.values.flatMap { $0.map(\.form) }, of: merged, work: work, level: level)) { _, new in new }
            var next: [String: [Layer]] = [:]
            for (page, layers) in open {
                var found: [Layer] = []
                var deeper: [Layer] = []
                var understood = true
                for layer in layers {
                    guard let text = texts[layer.form] else { understood = false; break }
                    if text.allSatisfy(\.isWhitespace) { continue }  // the blank A4 page under a placed one
                    guard let inner = paints(text), !inner.isEmpty else { found.append(layer); continue }
                    let xobjects = (edit.streamDictionary(layer.form).flatMap { resolved($0["/Resources"], in: edit) })
                        .flatMap { resolved($0["/XObject"], in: edit) } ?? [:]
                    for paint in inner {
                        guard let form = xobjects["/" + paint.name] as? String, let opening = opening(paint, form: form, in: edit) else { understood = false; break }
                        deeper.append(Layer(prefix: layer.prefix + opening, depth: layer.depth + 1, form: form))
                    }
                }
                guard understood else { continue }
                if deeper.isEmpty, found.count == 1 { content[page] = found[0] } else if found.isEmpty, !deeper.isEmpty { next[page] = deeper }
            }
            open = next
        }
        var plans: [String: Plan] = [:]
        for (page, layer) in content {
            if let stamp = stamps[page] {
                let text = texts[layer.form] ?? ""
                plans[page] = Plan(content: layer, stamp: stamp, showsText: showsText(text))
            }
        }
        return plans
    }

    /// The decoded content of `streams` (object references), by reference.
    static func read(_ streams: [String], of merged: URL, work: URL, level: Int) throws(PacketFailure) -> [String: String] {
        let numbers = Set(streams.compactMap { $0.split(separator: " ").first.map(String.init) }).sorted()
        guard !numbers.isEmpty else { return [:] }
        let json = try QPDF.json(merged, keys: ["qpdf"], extra: ["--json-stream-data=inline"] + numbers.map { "--json-object=\($0)" },
                                 into: work.appendingPathComponent("sideindhold-\(level).json"), step: .merging,
                                 what: Message(da: "ved læsning af de stemplede siders indhold", en: "while reading the stamped pages' content"))
        var texts: [String: String] = [:]
        for (key, entry) in QPDF.objects(json) where key.hasPrefix("obj:") {
            guard let encoded = ((entry as? [String: Any])?["stream"] as? [String: Any])?["data"] as? String,
                  let data = Data(base64Encoded: encoded) else { continue }
            texts[String(key.dropFirst(4))] = String(decoding: data, as: UTF8.self)
        }
        return texts
    }

    /// `q <matrix> cm` (and the form's own matrix), clipped to the form's box: what `Do` of
    /// `form` does, as text that can stand before its content.
    static func opening(_ paint: Paint, form: String, in edit: PDFObjectEdit) -> String? {
        guard let dictionary = edit.streamDictionary(form), dictionary["/Subtype"] as? String == "/Form",
              let box = dictionary["/BBox"] as? [Any], box.count == 4 else { return nil }
        let values = box.map { ($0 as? NSNumber)?.doubleValue ?? 0 }
        var text = "q\n\(paint.matrix) cm\n"
        if let matrix = dictionary["/Matrix"] as? [Any], matrix.count == 6 {
            text += matrix.map { pdfNumber(($0 as? NSNumber)?.doubleValue ?? 0) }.joined(separator: " ") + " cm\n"
        }
        return text + [values[0], values[1], values[2] - values[0], values[3] - values[1]].map(pdfNumber).joined(separator: " ") + " re W n\n"
    }

    /// One paint, parsed once for the process (a regular expression is parsed anew at each use).
    static let paintPattern: Locked<Regex<AnyRegexOutput>> = {
        let number = #"-?[0-9]*\.?[0-9]+"#
        return Locked(try! Regex(#"\s*q\s+((?:"# + number + #"\s+){6})cm\s+/([A-Za-z0-9_.]+)\s+Do\s+Q"#))
    }()

    /// Whether a content stream shows text: a text-showing operator (`Tj`, `TJ`, `'`, `"`)
    /// after white space or the end of its operand.
    static func showsText(_ content: String) -> Bool {
        showsTextPattern.withLock { pattern in content.contains(pattern) }
    }

    static let showsTextPattern: Locked<Regex<(Substring, Substring, Substring, Substring)>> = Locked(/(^|[\s\]\)>])(Tj|TJ|'|")(\s|$)/)

    /// The paints of a content stream made of nothing else; nil for any other content.
    /// (The expressions are used under their lock: a `Regex` compiles itself on first use.)
    static func paints(_ content: String) -> [Paint]? {
        paintPattern.withLock { pattern -> [Paint]? in
            var paints: [Paint] = []
            var rest = Substring(content)
            while let match = rest.prefixMatch(of: pattern) {
                guard let matrix = match.output[1].substring, let name = match.output[2].substring else { return nil }
                paints.append(Paint(matrix: matrix.trimmingCharacters(in: .whitespacesAndNewlines), name: String(name)))
                rest = rest[match.range.upperBound...]
            }
            return rest.allSatisfy(\.isWhitespace) ? paints : nil
        }
    }

    /// The page's content: the form found under the layers, as the page's own stream between
    /// their openings and closings; then the stamp, a marked artifact.
    /// - Parameter marked: what opens and closes the content (`/P <</MCID 0>> BDC` … `EMC`, for
    ///   an untagged attachment's text), or nil when the content carries its own marks.
    static func restore(_ pageRef: String, _ plan: Plan, marked: (open: String, close: String)? = nil, in edit: inout PDFObjectEdit) {
        let content = plan.content, stamp = plan.stamp
        guard var page = edit.value(pageRef), let resources = resources(of: page, in: edit),
              let xobjects = resolved(resources["/XObject"], in: edit), let stampRef = xobjects["/" + stamp.name] as? String,
              let form = edit.streamDictionary(content.form) else { return }
        var formResources = resolved(form["/Resources"], in: edit) ?? [:]
        var formXObjects = resolved(formResources["/XObject"], in: edit) ?? [:]
        var stampName = "IndstilStempel"
        while formXObjects["/" + stampName] != nil { stampName += "X" }
        formXObjects["/" + stampName] = stampRef
        formResources["/XObject"] = formXObjects

        let after = "\n" + (marked?.close ?? "") + String(repeating: "Q\n", count: content.depth)
            + PDFStamper.paginationArtifact + "q\n\(stamp.matrix) cm\n/\(stampName) Do\nQ\nEMC\n"
        // The form's stream is the page's content again: its dictionary only says how it is encoded.
        var streamDictionary: [String: Any] = [:]
        for key in ["/Filter", "/DecodeParms"] { streamDictionary[key] = form[key] }
        edit.setStreamDictionary(content.form, streamDictionary)
        page["/Contents"] = [edit.addStream(Data((content.prefix + (marked?.open ?? "")).utf8)), content.form, edit.addStream(Data(after.utf8))]
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
