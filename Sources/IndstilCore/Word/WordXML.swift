import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of a WordprocessingML part, names without their namespace prefix
/// ("w:p" → "p", "r:id" → "id"): Word, LibreOffice and pandoc all use the standard
/// namespaces, and the reader only looks at names inside them.
final class WordXMLElement {
    let name: String
    let attributes: [String: String]
    private(set) var children: [WordXMLNode] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    func append(_ node: WordXMLNode) { children.append(node) }

    func appendText(_ text: String) {
        if case .text(let previous)? = children.last {
            children[children.count - 1] = .text(previous + text)
        } else {
            children.append(.text(text))
        }
    }

    var elements: [WordXMLElement] {
        children.compactMap { if case .element(let element) = $0 { return element } else { return nil } }
    }

    func child(_ name: String) -> WordXMLElement? { elements.first { $0.name == name } }

    func children(_ name: String) -> [WordXMLElement] { elements.filter { $0.name == name } }

    /// `w:val` of the named child (`<w:pStyle w:val="Heading1"/>` → "Heading1").
    func value(of name: String) -> String? { child(name)?.attributes["val"] }

    /// The text directly inside this element.
    var text: String {
        children.reduce(into: "") { out, node in if case .text(let text) = node { out += text } }
    }

    /// Every element below this one, depth first (iterative: no recursion).
    func descendants(_ name: String) -> [WordXMLElement] {
        var found: [WordXMLElement] = []
        var stack: [WordXMLElement] = [self]
        while let element = stack.popLast() {
            if element !== self, element.name == name { found.append(element) }
            stack.append(contentsOf: element.elements.reversed())
        }
        return found
    }
}

enum WordXMLNode {
    case element(WordXMLElement)
    case text(String)
}

/// Parses one part with Foundation's XMLParser: no DOCTYPE (so no entities, external or
/// internal: Word never writes one), external entities off all the same, and nesting
/// deeper than `maximumDepth` refused. The tree is built without recursion.
enum WordXML {
    /// Word's own documents nest some twenty levels; tables in tables in text boxes perhaps 60.
    static let maximumDepth = 200

    static func parse(_ data: Data, part: String) -> Result<WordXMLElement, WordReadFailure> {
        if containsDoctype(data) {
            return .failure(.invalidXML(part: part, da: "har en DOCTYPE (entiteter), som Word aldrig skriver; den læses ikke",
                                        en: "has a DOCTYPE (entities), which Word never writes; it is not read"))
        }
        // Foundation's parser on Linux traps on names and attribute values that are not
        // UTF-8 (found by damaging documents in tests); Word writes UTF-8 only.
        guard String(validating: data, as: UTF8.self) != nil else {
            return .failure(.invalidXML(part: part, da: "er ikke gyldig UTF-8", en: "is not valid UTF-8"))
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        let builder = TreeBuilder()
        parser.delegate = builder
        let parsed = parser.parse()
        if builder.tooDeep {
            return .failure(.invalidXML(part: part, da: "er nestet mere end \(maximumDepth) niveauer dybt",
                                        en: "is nested more than \(maximumDepth) levels deep"))
        }
        guard parsed, parser.parserError == nil, builder.stack.isEmpty, let root = builder.root else {
            let line = parser.lineNumber
            return .failure(.invalidXML(part: part, da: "er ikke gyldig XML (linje \(line))", en: "is not valid XML (line \(line))"))
        }
        return .success(root)
    }

    /// "<!DOCTYPE" anywhere in the bytes (XML allows it only before the root element).
    static func containsDoctype(_ data: Data) -> Bool {
        let pattern = Array("<!DOCTYPE".utf8)
        return data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            let bytes = buffer.bindMemory(to: UInt8.self)
            guard bytes.count >= pattern.count else { return false }
            var index = 0
            while index <= bytes.count - pattern.count {
                if bytes[index] == 0x3C, bytes[index + 1] == 0x21 {
                    var matches = true
                    for offset in 2..<pattern.count where bytes[index + offset] & 0xDF != pattern[offset] & 0xDF {
                        matches = false
                        break
                    }
                    if matches { return true }
                }
                index += 1
            }
            return false
        }
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: WordXMLElement?
        var stack: [WordXMLElement] = []
        var tooDeep = false

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes attributeDict: [String: String] = [:]) {
            guard stack.count < WordXML.maximumDepth else {
                tooDeep = true
                parser.abortParsing()
                return
            }
            var attributes: [String: String] = [:]
            for (key, value) in attributeDict { attributes[localName(key)] = value }
            let element = WordXMLElement(name: localName(elementName), attributes: attributes)
            if let parent = stack.last { parent.append(.element(element)) } else if root == nil { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.appendText(string)
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }

        private func localName(_ name: String) -> String {
            guard let colon = name.lastIndex(of: ":") else { return name }
            return String(name[name.index(after: colon)...])
        }
    }
}
