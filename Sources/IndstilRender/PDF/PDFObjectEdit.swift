import Foundation
import IndstilSupport

/// A PDF's objects as qpdf's JSON (version 2) gives them, and the changes made to them, written
/// back in one `qpdf --update-from-json` run.
///
/// Values are qpdf's: a reference is `"12 0 R"`, a name `"/Name"`, a string `"u:text"`, a
/// dictionary `[String: Any]` keyed by names. A changed or added object is read back as changed.
/// Objects are never deleted: what nothing refers to any more is left out when qpdf writes.
package struct PDFObjectEdit {
    private var objects: [String: Any]
    /// The changed and added objects, keyed `"obj:N 0 R"` as qpdf wants them.
    package private(set) var update: [String: Any] = [:]
    /// The number the next added object gets.
    private var next: Int

    package init(json: [String: Any]) {
        objects = QPDF.objects(json)
        next = QPDF.maxObjectID(json) + 1
    }

    /// The dictionary `ref` names (nil for a stream, a missing object or another kind of value).
    package func value(_ ref: String) -> [String: Any]? {
        (objects["obj:" + ref] as? [String: Any])?["value"] as? [String: Any]
    }

    /// Whatever value `ref` names: a dictionary, an array, a number …
    package func anyValue(_ ref: String) -> Any? {
        (objects["obj:" + ref] as? [String: Any])?["value"]
    }

    /// The dictionary of the stream `ref` names.
    package func streamDictionary(_ ref: String) -> [String: Any]? {
        ((objects["obj:" + ref] as? [String: Any])?["stream"] as? [String: Any])?["dict"] as? [String: Any]
    }

    /// The document catalog's reference.
    package var rootRef: String? {
        ((objects["trailer"] as? [String: Any])?["value"] as? [String: Any])?["/Root"] as? String
    }

    package var isChanged: Bool { !update.isEmpty }

    /// The pages in order, from the catalog's page tree.
    package var pages: [String] {
        guard let catalogRef = rootRef, let top = value(catalogRef)?["/Pages"] as? String else { return [] }
        var pages: [String] = []
        var stack = [top]
        var seen: Set<String> = []
        while let ref = stack.popLast() {
            guard seen.insert(ref).inserted, let node = value(ref) else { continue }
            if let kids = node["/Kids"] as? [Any], node["/Type"] as? String != "/Page" {
                stack += kids.compactMap { $0 as? String }.reversed()
            } else {
                pages.append(ref)
            }
        }
        return pages
    }

    package mutating func set(_ ref: String, _ value: [String: Any]) {
        let entry: [String: Any] = ["value": value]
        objects["obj:" + ref] = entry
        update["obj:" + ref] = entry
    }

    /// Replaces a stream's dictionary; its data stays as it is.
    package mutating func setStreamDictionary(_ ref: String, _ dictionary: [String: Any]) {
        let entry: [String: Any] = ["stream": ["dict": dictionary]]
        objects["obj:" + ref] = entry
        update["obj:" + ref] = entry
    }

    /// Replaces a stream, dictionary and data.
    package mutating func setStream(_ ref: String, dictionary: [String: Any], data: Data) {
        let entry: [String: Any] = ["stream": ["dict": dictionary, "data": data.base64EncodedString()]]
        objects["obj:" + ref] = entry
        update["obj:" + ref] = entry
    }

    /// A new object holding `value`; its reference.
    package mutating func add(_ value: [String: Any]) -> String {
        let ref = "\(next) 0 R"
        next += 1
        set(ref, value)
        return ref
    }

    /// A number for an object whose value is `set` later (outline items that point at each other).
    package mutating func reserve() -> String {
        defer { next += 1 }
        return "\(next) 0 R"
    }

    /// Every object, keyed `"obj:N 0 R"` (and `"trailer"`), as changed so far.
    package var table: [String: Any] { objects }

    /// Takes changes made elsewhere on `table` (keyed `"obj:N 0 R"`, each `["value": …]`).
    package mutating func take(_ entries: [String: Any]) {
        for (key, entry) in entries {
            objects[key] = entry
            update[key] = entry
        }
    }

    /// A new stream of `data` (an empty dictionary: content-stream fragments).
    package mutating func addStream(_ data: Data) -> String {
        let ref = "\(next) 0 R"
        next += 1
        let entry: [String: Any] = ["stream": ["dict": [String: Any](), "data": data.base64EncodedString()]]
        objects["obj:" + ref] = entry
        update["obj:" + ref] = entry
        return ref
    }

    /// Writes `pdf` with the changes as `output` (one qpdf run); `work` holds the JSON.
    package func write(_ pdf: URL, to output: URL, jsonFile: URL, step: PacketFailure.Step, what: Message) throws(PacketFailure) {
        do {
            // Unsorted: qpdf keeps a dictionary's keys sorted and numbers the objects it writes anew,
            // so the order here changes nothing in the PDF, and sorting the keys of a packet's
            // thousands of objects (with Foundation's locale-aware comparison) took half a second.
            let data = try JSONSerialization.data(withJSONObject: ["qpdf": [["jsonversion": 2], update]], options: [.withoutEscapingSlashes])
            try data.write(to: jsonFile)
        } catch {
            let reason = SystemErrorText.reason(error)
            throw PacketFailure(step, da: "ændringerne kan ikke skrives: \(reason.da)", en: "the changes cannot be written: \(reason.en)", file: jsonFile)
        }
        try QPDF.write([pdf.path, "--update-from-json=\(jsonFile.path)", output.path], step: step, what: what)
    }
}
