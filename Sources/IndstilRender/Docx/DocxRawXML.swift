import IndstilSupport
import IndstilDocument

/// Edits on a template part's XML text, which is copied as written (it may hold any
/// namespace Word or LibreOffice uses) after `WordXML` has checked it: finding the prefix
/// of the root element, adding elements at its end, and XML text unescaping.
enum DocxRawXML {
    /// The root element's name ("w:styles"), skipping the declaration and comments.
    static func rootName(_ xml: String) -> String? {
        var rest = Substring(xml)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                guard let close = after.firstIndex(of: ">") else { return nil }
                rest = after[after.index(after: close)...]
                continue
            }
            let name = after.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            return name.isEmpty ? nil : String(name)
        }
        return nil
    }

    /// The prefix the root element uses ("w"), "" for none.
    static func rootPrefix(_ xml: String) -> String {
        guard let name = rootName(xml), let colon = name.firstIndex(of: ":") else { return "" }
        return String(name[..<colon])
    }

    /// `xmlns:w="…"` for elements indstil adds to a part whose root does not bind the
    /// `w:` prefix to WordprocessingML itself.
    static func wordNamespaceDeclaration(for xml: String) -> String {
        let head = xml.prefix(4096)
        return head.contains("xmlns:w=\"\(DocxXML.wordNamespace)\"") ? "" : " xmlns:w=\"\(DocxXML.wordNamespace)\""
    }

    /// Gives every top-level element of `fragment` ("<w:style …>…</w:style><w:style …>")
    /// the declaration, so it means the same inside a part that binds `w:` otherwise.
    static func declaringWordNamespace(_ fragment: String, declaration: String) -> String {
        guard !declaration.isEmpty else { return fragment }
        var out = ""
        var depth = 0
        var index = fragment.startIndex
        while index < fragment.endIndex {
            guard let open = fragment[index...].firstIndex(of: "<"), let close = fragment[open...].firstIndex(of: ">") else {
                out += fragment[index...]
                break
            }
            out += fragment[index..<open]
            var tag = String(fragment[open...close])
            let isEnd = tag.hasPrefix("</")
            let isEmpty = tag.hasSuffix("/>")
            if !isEnd, depth == 0 {
                // After the element's name: "<w:style" + declaration + " w:type=…>".
                let name = tag.index(after: tag.startIndex)
                let nameEnd = tag[name...].firstIndex { $0.isWhitespace || $0 == ">" || $0 == "/" } ?? tag.endIndex
                tag.insert(contentsOf: declaration, at: nameEnd)
            }
            if isEnd { depth -= 1 } else if !isEmpty { depth += 1 }
            out += tag
            index = fragment.index(after: close)
        }
        return out
    }

    /// `xml` with `content` inserted before the first start tag of one of `names` (with
    /// the root's prefix), else before the root's end tag; nil when the root has no end tag.
    static func inserting(_ content: String, into xml: String, beforeFirst names: [String] = []) -> String? {
        let prefix = rootPrefix(xml)
        let qualified = { (name: String) in prefix.isEmpty ? name : "\(prefix):\(name)" }
        var earliest: String.Index?
        for name in names {
            for terminator in [" ", ">", "/"] {
                if let found = xml.range(of: "<" + qualified(name) + terminator)?.lowerBound, found < (earliest ?? xml.endIndex) {
                    earliest = found
                }
            }
        }
        if let earliest {
            var out = xml
            out.insert(contentsOf: content, at: earliest)
            return out
        }
        guard let root = rootName(xml), let end = xml.range(of: "</\(root)", options: .backwards) else { return nil }
        var out = xml
        out.insert(contentsOf: content, at: end.lowerBound)
        return out
    }

    /// Text content with the five predefined entities and character references resolved.
    static func unescape(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var out = ""
        var rest = text
        while let amp = rest.firstIndex(of: "&") {
            out += rest[rest.startIndex..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                out += rest[amp...]
                return out
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                var scalar: Unicode.Scalar?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if entity.hasPrefix("#") {
                    scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
                }
                out += scalar.map { String(Character($0)) } ?? String(rest[amp...semicolon])
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        out += rest
        return out
    }
}
