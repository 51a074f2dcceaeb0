import Foundation
import IndstilSupport
import IndstilDocument

/// Joins the PDFs of a document set in pieces (`WeasyPrint.setInPieces`) into one, as if it had
/// been set whole: qpdf takes every piece's pages after the first piece's (`--pages`), which
/// stays the primary file (catalog, metadata, language, its outline and tags); then one edit
/// (`--update-from-json`) gives the later pieces' parts a place in it:
/// - their structure elements go into the document element after the first piece's
///   (`StructureGraft.append`), with their ParentTree entries renumbered after its own;
/// - their bookmarks follow the first piece's at the top level of the outline, those a piece
///   begins with that belong to a chapter begun before it (`nestedBookmarks`) under that
///   chapter's, every item's count of the items shown below it made anew;
/// - their named destinations join the catalog's (one sorted name tree), so that every link,
///   also one from a piece into another (`/Dest (b3-1)`), lands where it did in the whole;
/// - and the tags are finished as a document set whole is (`TaggedPDFFinish`).
package enum PDFJoin {
    static let what = Message(da: "ved samling af PDF'ens dele", en: "while joining the PDF's pieces")

    package static func join(_ pieces: [URL], nestedBookmarks: [Int] = [], into output: URL, work: URL) throws(PacketFailure) {
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
        // A name given twice leads where it first did, as in a whole document.
        var named = Set(destinations.map(\.name))
        var outline = Outline(edit, catalog: catalog)

        var offset = pages.count - sources.map(\.pages.count).reduce(0, +)
        guard offset >= 0 else { throw failure("delene har flere sider end det samlede", "the pieces have more pages than the joined file") }
        for (number, source) in sources.enumerated() {
            let own = Array(pages[offset..<(offset + source.pages.count)])
            offset += source.pages.count
            guard StructureGraft.append(source, pages: own, into: &edit, tree: tree, parentTree: &parentTree) else {
                throw failure("en dels tags kan ikke sættes ind", "a piece's tags cannot be joined")
            }
            let moved = Dictionary(zip(source.pages, own), uniquingKeysWith: { first, _ in first })
            for (name, destination) in namedDestinations(source) where named.insert(name).inserted {
                destinations.append((name, StructureGraft.move(destination, moved)))
            }
            let nested = nestedBookmarks.indices.contains(number + 1) ? nestedBookmarks[number + 1] : 0
            outline.append(from: source, pages: moved, nested: nested, into: &edit)
        }
        outline.recount(in: &edit)
        tree.setParentTree(parentTree, in: &edit)

        if !destinations.isEmpty {
            // A name tree's keys are sorted (by their bytes).
            destinations.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            var names = catalog["/Names"].flatMap { PDFNamedDestinations(objects: edit.table).resolved($0) } as? [String: Any] ?? [:]
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
        // The objects of a packet's pieces are freed on another thread (a few hundred milliseconds
        // of the packet's time otherwise).
        let leftovers = Leftovers(edit: edit, sources: sources)
        Thread { leftovers.release() }.start()
    }

    /// What a join read, held until another thread lets it go.
    private struct Leftovers: @unchecked Sendable {
        let edit: PDFObjectEdit
        let sources: [PDFObjectEdit]

        func release() {}
    }

    static func failure(_ da: String, _ en: String) -> PacketFailure {
        PacketFailure(.setting, da: "\(da) (\(what.da))", en: "\(en) (\(what.en))")
    }

    /// The catalog's named destinations, each with its destination's value (a reference to an
    /// array object read through), in the order written.
    static func namedDestinations(_ edit: PDFObjectEdit) -> [(name: String, destination: Any)] {
        let tree = PDFNamedDestinations(objects: edit.table)
        return tree.all().map { ($0.name, tree.resolved($0.destination) ?? $0.destination) }
    }

    /// The joined file's outline: the first piece's, with each later piece's top-level items
    /// (and everything under them) copied after its last.
    struct Outline {
        private(set) var rootRef: String?

        init(_ edit: PDFObjectEdit, catalog: [String: Any]) {
            rootRef = catalog["/Outlines"] as? String
        }

        mutating func append(from source: PDFObjectEdit, pages: [String: String], nested: Int, into edit: inout PDFObjectEdit) {
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
            // The piece's top-level items: the first `nested` under the last top-level item so far
            // (when there is one), the rest after it.
            let tops = Self.chain(from: sourceFirst, in: source).compactMap { moved[$0] }
            let lastTop = edit.value(root)?["/Last"] as? String
            let under = lastTop == nil ? 0 : min(nested, tops.count)
            if let lastTop { Self.attach(Array(tops.prefix(under)), under: lastTop, in: &edit) }
            Self.attach(Array(tops.dropFirst(under)), under: root, in: &edit)
        }

        /// The items from `first` on, by /Next.
        static func chain(from first: String?, in edit: PDFObjectEdit) -> [String] {
            var refs: [String] = []
            var seen: Set<String> = []
            var next = first
            while let ref = next, seen.insert(ref).inserted {
                refs.append(ref)
                next = edit.value(ref)?["/Next"] as? String
            }
            return refs
        }

        /// Makes `items` the last children of `parent`, in order.
        static func attach(_ items: [String], under parent: String, in edit: inout PDFObjectEdit) {
            guard let first = items.first, let last = items.last, var parentItem = edit.value(parent) else { return }
            let before = parentItem["/Last"] as? String
            for (index, ref) in items.enumerated() {
                guard var item = edit.value(ref) else { continue }
                item["/Parent"] = parent
                item["/Prev"] = index > 0 ? items[index - 1] : before
                item["/Next"] = index < items.count - 1 ? items[index + 1] : nil
                edit.set(ref, item)
            }
            if let before, var beforeItem = edit.value(before) {
                beforeItem["/Next"] = first
                edit.set(before, beforeItem)
            } else {
                parentItem["/First"] = first
            }
            parentItem["/Last"] = last
            edit.set(parent, parentItem)
        }

        /// Gives every item with children its `/Count` anew: the items shown below it when it is
        /// open (negative when it is closed; the root is always open).
        func recount(in edit: inout PDFObjectEdit) {
            guard let rootRef else { return }
            _ = Self.recount(rootRef, isRoot: true, depth: 0, in: &edit)
        }

        /// The items shown below `ref` when it is open.
        private static func recount(_ ref: String, isRoot: Bool, depth: Int, in edit: inout PDFObjectEdit) -> Int {
            guard depth < 64, var item = edit.value(ref) else { return 0 }
            var shown = 0
            for kid in chain(from: item["/First"] as? String, in: edit) {
                let below = recount(kid, isRoot: false, depth: depth + 1, in: &edit)
                shown += 1 + ((edit.value(kid)?["/Count"] as? Int ?? 0) >= 0 ? below : 0)
            }
            guard shown > 0 else { return 0 }
            let count = isRoot || (item["/Count"] as? Int ?? 0) >= 0 ? shown : -shown
            if item["/Count"] as? Int != count {
                item["/Count"] = count
                edit.set(ref, item)
            }
            return shown
        }
    }
}
