import Foundation
import IndstilSupport

/// One element of a WordprocessingML part, names without their namespace prefix
/// ("w:p" → "p", "r:id" → "id"): Word, LibreOffice and pandoc all use the standard
/// namespaces, and the reader only looks at names inside them.
package final class WordXMLElement {
    package let name: String
    package let attributes: [String: String]
    package private(set) var children: [WordXMLNode] = []

    package init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    package func append(_ node: WordXMLNode) { children.append(node) }

    /// The children, handed over: this element keeps none, so a reader that walks a large
    /// part once can let each one go as soon as it is read.
    func takeChildren() -> [WordXMLNode] {
        defer { children = [] }
        return children
    }

    package var elements: [WordXMLElement] {
        children.compactMap { if case .element(let element) = $0 { return element } else { return nil } }
    }

    package func child(_ name: String) -> WordXMLElement? {
        for case .element(let element) in children where element.name == name { return element }
        return nil
    }

    package func children(_ name: String) -> [WordXMLElement] { elements.filter { $0.name == name } }

    /// `w:val` of the named child (`<w:pStyle w:val="Heading1"/>` → "Heading1").
    package func value(of name: String) -> String? { child(name)?.attributes["val"] }

    /// The text directly inside this element.
    package var text: String {
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

package enum WordXMLNode {
    case element(WordXMLElement)
    case text(String)
}

/// Parses one part with `WordXMLScanner` (linear in the part's size): no DOCTYPE (so no
/// entities, external or internal: Word never writes one), nesting deeper than
/// `maximumDepth` and more than `maximumAttributes` attributes on one element refused.
/// The tree is built without recursion.
enum WordXML {
    /// Word's own documents nest some twenty levels; tables in tables in text boxes perhaps 60.
    package static let maximumDepth = 200
    /// Word writes a few dozen attributes on an element at most (namespace declarations on the root).
    static let maximumAttributes = 1_000

    package static func parse(_ data: Data, part: String) -> Result<WordXMLElement, WordReadFailure> {
        if containsDoctype(data) {
            return .failure(.invalidXML(part: part, da: "har en DOCTYPE (entiteter), som Word aldrig skriver; den læses ikke",
                                        en: "has a DOCTYPE (entities), which Word never writes; it is not read"))
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            return .failure(.invalidXML(part: part, da: "er ikke gyldig UTF-8", en: "is not valid UTF-8"))
        }
        let result = data.withUnsafeBytes { raw in WordXMLScanner.parse(raw.bindMemory(to: UInt8.self)) }
        switch result {
        case .success(let root):
            return .success(root)
        case .failure(let failure):
            switch failure.kind {
            case .tooDeep:
                return .failure(.invalidXML(part: part, da: "er nestet mere end \(maximumDepth) niveauer dybt",
                                            en: "is nested more than \(maximumDepth) levels deep"))
            case .tooManyAttributes:
                let line = lineNumber(data, at: failure.offset)
                return .failure(.invalidXML(part: part, da: "har et element med mere end \(DanishFormat.integer(maximumAttributes)) attributter (linje \(line)); det gør intet Word-dokument",
                                            en: "has an element with more than \(maximumAttributes) attributes (line \(line)); no Word document has"))
            case .malformed:
                let line = lineNumber(data, at: failure.offset)
                return .failure(.invalidXML(part: part, da: "er ikke gyldig XML (linje \(line))", en: "is not valid XML (line \(line))"))
            }
        }
    }

    /// 1-based line of the byte at `offset`.
    package static func lineNumber(_ data: Data, at offset: Int) -> Int {
        data.prefix(offset).reduce(into: 1) { line, byte in if byte == 10 { line += 1 } }
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
}
