import Foundation

/// The catalog's named destinations (`/Names /Dests`, a name tree) in qpdf's JSON: read
/// them, and write them back with some pointed at other pages.
package struct PDFNamedDestinations {
    package let objects: [String: Any]

    package init(objects: [String: Any]) {
        self.objects = objects
    }

    /// Every name with its destination, as written (an array, a reference to one, or a `/D` dictionary).
    package func all() -> [(name: String, destination: Any)] {
        guard let root = destsRoot() else { return [] }
        var out: [(String, Any)] = []
        func walk(_ node: Any, depth: Int) {
            guard depth < 32, let node = resolved(node) as? [String: Any] else { return }
            if let names = resolved(node["/Names"] as Any) as? [Any] {
                for index in stride(from: 0, to: names.count - 1, by: 2) {
                    if let name = names[index] as? String { out.append((name, names[index + 1])) }
                }
            }
            for kid in resolved(node["/Kids"] as Any) as? [Any] ?? [] { walk(kid, depth: depth + 1) }
        }
        walk(root, depth: 0)
        return out
    }

    /// The page object a destination points at.
    package func page(of destination: Any) -> String? {
        let value = resolved(destination)
        if let array = value as? [Any] { return array.first as? String }
        if let dictionary = value as? [String: Any] { return page(of: dictionary["/D"] as Any) }
        return nil
    }

    /// The objects to update so that each name in `moved` points at its new destination
    /// (`qpdf --update-from-json` entries, "obj:N 0 R" → value).
    package func moving(_ moved: [String: [Any]]) -> [String: Any] {
        guard !moved.isEmpty, let catalogRef = catalogRef() else { return [:] }
        var update: [String: Any] = [:]
        /// Applies `change` to `value`, in place when it is direct, in its object (recorded in `update`) when it is a reference.
        func edit(_ value: Any, _ change: ([String: Any]) -> [String: Any]) -> Any {
            if let ref = value as? String, let object = QPDF.value(objects, ref) {
                update["obj:" + ref] = ["value": change(object)]
                return ref
            }
            guard let dictionary = value as? [String: Any] else { return value }
            return change(dictionary)
        }
        func node(_ value: Any, depth: Int) -> Any {
            guard depth < 32 else { return value }
            return edit(value) { dictionary in
                var dictionary = dictionary
                if let names = dictionary["/Names"] {
                    dictionary["/Names"] = editArray(names) { names in
                        var names = names
                        for index in stride(from: 0, to: names.count - 1, by: 2) {
                            guard let name = names[index] as? String, let destination = moved[name] else { continue }
                            names[index + 1] = replaced(names[index + 1], with: destination)
                        }
                        return names
                    }
                }
                if let kids = dictionary["/Kids"] {
                    dictionary["/Kids"] = editArray(kids) { $0.map { node($0, depth: depth + 1) } }
                }
                return dictionary
            }
        }
        func editArray(_ value: Any, _ change: ([Any]) -> [Any]) -> Any {
            if let ref = value as? String, let array = (objects["obj:" + ref] as? [String: Any])?["value"] as? [Any] {
                update["obj:" + ref] = ["value": change(array)]
                return ref
            }
            return (value as? [Any]).map(change) ?? value
        }
        func replaced(_ destination: Any, with new: [Any]) -> Any {
            if let ref = destination as? String, let old = (objects["obj:" + ref] as? [String: Any])?["value"] {
                update["obj:" + ref] = ["value": replaced(old, with: new)]
                return ref
            }
            if var dictionary = destination as? [String: Any], let inner = dictionary["/D"] {
                dictionary["/D"] = replaced(inner, with: new)
                return dictionary
            }
            return new
        }
        guard var catalog = QPDF.value(objects, catalogRef), let names = catalog["/Names"] else { return [:] }
        catalog["/Names"] = edit(names) { names in
            var names = names
            if let dests = names["/Dests"] { names["/Dests"] = node(dests, depth: 0) }
            return names
        }
        update["obj:" + catalogRef] = ["value": catalog]
        return update
    }

    package func catalogRef() -> String? {
        objects.first { ($0.value as? [String: Any]).flatMap { $0["value"] as? [String: Any] }?["/Type"] as? String == "/Catalog" }
            .map { String($0.key.dropFirst("obj:".count)) }
    }

    package func destsRoot() -> Any? {
        guard let catalog = catalogRef().flatMap({ QPDF.value(objects, $0) }),
              let names = resolved(catalog["/Names"] as Any) as? [String: Any] else { return nil }
        return names["/Dests"]
    }

    /// A reference's value; anything else as it is.
    package func resolved(_ value: Any) -> Any? {
        if let ref = value as? String, ref.hasSuffix(" R"), let object = objects["obj:" + ref] as? [String: Any] {
            return object["value"]
        }
        return value
    }
}
