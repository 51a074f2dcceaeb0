import Foundation
import IndstilSupport
import IndstilDocument

/// Joins the PDFs of a document set in pieces (`WeasyPrint.setInPieces`) into one, as if it had
/// been set whole: qpdf takes every piece's pages after the first piece's (`--pages`), which
/// stays the primary file (catalog, metadata, language, its outline and tags); then one edit
/// (`--update-from-json`) gives the later pieces' parts a place in it:
/// - their structure elements go into the document element after the first piece's
///   (`StructureGraft.append`), with their ParentTree entries renumbered after its own;
/// - their bookmarks follow the first piece's at the top level of the outline;
/// - their named destinations join the catalog's (one sorted name tree), so that every link,
///   also one from a piece into another (`/Dest (b3-1)`), lands where it did in the whole;
/// - and the tags are finished as a document set whole is (`TaggedPDFFinish`).
package enum PDFJoin {
    static let what = Message(da: "ved samling af PDF'ens dele", en: "while joining the PDF's pieces")

    package static func join(_ pieces: [URL], into output: URL, work: URL) throws(PacketFailure) {
        guard let first = pieces.first else { return }
        let joined = work.appendingPathComponent("samlet.pdf")
        // The later pieces are read while qpdf joins the pages.
        let later = Array(pieces.enumerated().dropFirst())
        let reading = Locked<[Result<PDFObjectEdit, PacketFailure>]>([])
        let read = DispatchGroup()
        read.enter()
        Thread {
            defer { read.leave() }
            let results = later.map { index, piece in
                Result { () throws(PacketFailure) -> PDFObjectEdit in
                    PDFObjectEdit(json: try QPDF.json(piece, keys: ["qpdf"], into: work.appendingPathComponent("del-\(index + 1).json"),
                                                      step: .setting, what: what))
                }
            }
            reading.withLock { $0 = results }
        }.start()
        let merged = Result { () throws(PacketFailure) -> [String: Any] in
            try QPDF.write([first.path, "--pages", "."] + pieces.dropFirst().map(\.path) + ["--", joined.path], step: .setting, what: what)
            return try QPDF.json(joined, keys: ["qpdf"], into: work.appendingPathComponent("samlet.json"), step: .setting, what: what)
        }
        read.wait()
        var edit = PDFObjectEdit(json: try merged.get())
        let sources = try reading.withLock { $0 }.map { result throws(PacketFailure) -> PDFObjectEdit in try result.get() }
        let pages = edit.pages
        guard let catalogRef = edit.rootRef, var catalog = edit.value(catalogRef), let tree = StructureTree(edit) else {
            throw failure("den første del har ingen tags", "the first piece has no tags")
        }
        var parentTree = tree.parentTree(edit)
        var destinations = namedDestinations(edit)
        var outline = Outline(edit, catalog: catalog)

        var offset = pages.count - sources.map(\.pages.count).reduce(0, +)
        guard offset >= 0 else { throw failure("delene har flere sider end det samlede", "the pieces have more pages than the joined file") }
        for source in sources {
            let own = Array(pages[offset..<(offset + source.pages.count)])
            offset += source.pages.count
            guard StructureGraft.append(source, pages: own, into: &edit, tree: tree, parentTree: &parentTree) else {
                throw failure("en dels tags kan ikke sættes ind", "a piece's tags cannot be joined")
            }
            let moved = Dictionary(uniqueKeysWithValues: zip(source.pages, own))
            for (name, destination) in namedDestinations(source) where !destinations.contains(where: { $0.name == name }) {
                destinations.append((name, StructureGraft.move(destination, moved)))
            }
            outline.append(from: source, pages: moved, into: &edit)
        }
        tree.setParentTree(parentTree, in: &edit)

        if !destinations.isEmpty {
            // A name tree's keys are sorted (by their bytes).
            destinations.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            var names = resolvedDictionary(catalog["/Names"], in: edit) ?? [:]
            names["/Dests"] = ["/Names": destinations.flatMap { [$0.name, $0.destination] }]
            catalog = edit.value(catalogRef) ?? catalog
            catalog["/Names"] = names
        }
        if let root = outline.rootRef, catalog["/Outlines"] as? String != root {
            catalog["/Outlines"] = root
        }
        edit.set(catalogRef, catalog)
        TaggedPDFFinish.finish(&edit)
        try edit.write(joined, to: output, jsonFile: work.appendingPathComponent("samling.json"), step: .setting, what: what)
    }

    static func failure(_ da: String, _ en: String) -> PacketFailure {
        PacketFailure(.setting, da: "\(da) (\(what.da))", en: "\(en) (\(what.en))")
    }

    /// The catalog's named destinations (`/Names /Dests`), in the order written.
    static func namedDestinations(_ edit: PDFObjectEdit) -> [(name: String, destination: Any)] {
        guard let catalog = edit.rootRef.flatMap(edit.value), let names = resolvedDictionary(catalog["/Names"], in: edit),
              let root = resolvedDictionary(names["/Dests"], in: edit) else { return [] }
        var found: [(String, Any)] = []
        var nodes: [[String: Any]] = [root]
        var depth = 0
        while !nodes.isEmpty, depth < 32 {
            var next: [[String: Any]] = []
            for node in nodes {
                let pairs = resolvedArray(node["/Names"], in: edit) ?? []
                for index in stride(from: 0, to: pairs.count - 1, by: 2) {
                    if let name = pairs[index] as? String { found.append((name, resolvedAny(pairs[index + 1], in: edit))) }
                }
                next += (resolvedArray(node["/Kids"], in: edit) ?? []).compactMap { resolvedDictionary($0, in: edit) }
            }
            nodes = next
            depth += 1
        }
        return found
    }

    static func resolvedAny(_ value: Any, in edit: PDFObjectEdit) -> Any {
        if let ref = value as? String, StructureGraft.isReference(ref), let object = edit.anyValue(ref) { return object }
        return value
    }

    static func resolvedDictionary(_ value: Any?, in edit: PDFObjectEdit) -> [String: Any]? {
        value.map { resolvedAny($0, in: edit) } as? [String: Any]
    }

    static func resolvedArray(_ value: Any?, in edit: PDFObjectEdit) -> [Any]? {
        value.map { resolvedAny($0, in: edit) } as? [Any]
    }

    /// The joined file's outline: the first piece's, with each later piece's top-level items
    /// (and everything under them) copied after its last.
    struct Outline {
        private(set) var rootRef: String?

        init(_ edit: PDFObjectEdit, catalog: [String: Any]) {
            rootRef = catalog["/Outlines"] as? String
        }

        mutating func append(from source: PDFObjectEdit, pages: [String: String], into edit: inout PDFObjectEdit) {
            guard let sourceCatalog = source.rootRef.flatMap(source.value), let sourceRootRef = sourceCatalog["/Outlines"] as? String,
                  let sourceRoot = source.value(sourceRootRef), let sourceFirst = sourceRoot["/First"] as? String else { return }
            // Every item, found by /First and /Next, gets a new number.
            var items: [String] = []
            var seen: Set<String> = []
            var pending = [sourceFirst]
            while let ref = pending.popLast() {
                guard seen.insert(ref).inserted, let item = source.value(ref) else { continue }
                items.append(ref)
                if let next = item["/Next"] as? String { pending.append(next) }
                if let child = item["/First"] as? String { pending.append(child) }
            }
            let root: String
            if let rootRef, edit.value(rootRef) != nil {
                root = rootRef
            } else {
                root = edit.add(["/Type": "/Outlines"])
                rootRef = root
            }
            var moved = pages
            moved[sourceRootRef] = root
            for ref in items { moved[ref] = edit.reserve() }
            for ref in items {
                guard let item = source.value(ref), let newRef = moved[ref] else { continue }
                edit.set(newRef, StructureGraft.move(item, moved) as? [String: Any] ?? [:])
            }
            // The piece's first top-level item follows the last one so far.
            guard var top = edit.value(root), let first = moved[sourceFirst] else { return }
            let sourceLast = sourceRoot["/Last"] as? String ?? sourceFirst
            if let last = top["/Last"] as? String, var lastItem = edit.value(last), var firstItem = edit.value(first) {
                lastItem["/Next"] = first
                firstItem["/Prev"] = last
                edit.set(last, lastItem)
                edit.set(first, firstItem)
            } else {
                top["/First"] = first
            }
            top["/Last"] = moved[sourceLast]
            top["/Count"] = (top["/Count"] as? Int ?? 0) + (sourceRoot["/Count"] as? Int ?? 0)
            edit.set(root, top)
        }
    }
}
