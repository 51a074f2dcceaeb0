import Foundation
import IndstilSupport

/// A non-validating XML parser for the parts of a Word package, in one pass over the bytes:
/// every byte is looked at a bounded number of times, so its time and memory grow linearly
/// with the part (Foundation's parser on Linux refuses more than 10 MB in one piece and
/// compares each attribute with every other one of its element). It reads what
/// WordprocessingML uses — elements, attributes, text, the five predefined entities,
/// character references, CDATA, comments, processing instructions — and refuses what a
/// well-formed document cannot have (mismatched tags, a duplicate attribute, an undefined
/// entity, control characters, text outside the root). A DOCTYPE is refused before this
/// runs (`WordXML.containsDoctype`), and the bytes are already known to be UTF-8.
struct WordXMLScanner {
    package struct Failure: Error {
        /// Byte offset of the problem.
        package let offset: Int
        package let kind: Kind
    }

    package enum Kind {
        case malformed
        case tooDeep
        case tooManyAttributes
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var stack: [(element: WordXMLElement, name: Int)] = []
    private var root: WordXMLElement?
    /// Names seen, each once: a part names a few dozen kinds of element hundreds of
    /// thousands of times. A name's id is its index; `nameIDs` finds it by a hash of its bytes.
    private var nameRanges: [Range<Int>] = []
    private var localNames: [String] = []
    private var nameIDs: [UInt64: [Int]] = [:]
    /// Text between two tags, collected as bytes and made a String once.
    private var pending: [UInt8] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<WordXMLElement, Failure> {
        var scanner = WordXMLScanner(bytes)
        do {
            return .success(try scanner.document())
        } catch {
            return .failure(error)
        }
    }

    // MARK: Document

    private mutating func document() throws(Failure) -> WordXMLElement {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "<") {
                try markup()
            } else if stack.isEmpty {
                // Outside the root only white space.
                guard Self.isSpace(byte) else { throw fail() }
                position += 1
            } else {
                try text()
            }
        }
        guard stack.isEmpty, let root else { throw fail() }
        return root
    }

    private mutating func markup() throws(Failure) {
        if starts(with: "<?") {
            try skip(past: "?>")
        } else if starts(with: "<!--") {
            try skip(past: "-->")
        } else if starts(with: "<![CDATA[") {
            guard !stack.isEmpty else { throw fail() }
            position += 9
            let start = position
            let end = try find("]]>")
            try appendPending(start..<end, raw: true)
            position = end + 3
        } else if starts(with: "</") {
            try endTag()
        } else if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "!") {
            throw fail()  // a DOCTYPE or other declaration
        } else {
            try startTag()
        }
    }

    // MARK: Tags

    private mutating func startTag() throws(Failure) {
        let tagStart = position
        position += 1
        guard root == nil || !stack.isEmpty else { throw fail() }  // a second root
        guard stack.count < WordXML.maximumDepth else { throw Failure(offset: tagStart, kind: .tooDeep) }
        let qualified = try name()
        var attributes: [String: String] = [:]
        var seen = Set<Int>()
        var selfClosing = false
        while true {
            let hadSpace = skipSpace()
            guard position < bytes.count else { throw fail() }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                break
            }
            if starts(with: "/>") {
                position += 2
                selfClosing = true
                break
            }
            guard hadSpace else { throw fail() }
            let attributeStart = position
            let attribute = try name()
            guard seen.insert(attribute).inserted else { throw Failure(offset: attributeStart, kind: .malformed) }
            guard seen.count <= WordXML.maximumAttributes else { throw Failure(offset: attributeStart, kind: .tooManyAttributes) }
            _ = skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw fail() }
            position += 1
            _ = skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else { throw fail() }
            let quote = bytes[position]
            position += 1
            let valueStart = position
            while position < bytes.count, bytes[position] != quote {
                guard bytes[position] != UInt8(ascii: "<") else { throw fail() }
                position += 1
            }
            guard position < bytes.count else { throw fail() }
            let value = try decode(valueStart..<position, attribute: true)
            position += 1
            attributes[localNames[attribute]] = value
        }
        flushPending()
        let element = WordXMLElement(name: localNames[qualified], attributes: attributes)
        if let parent = stack.last?.element {
            parent.append(.element(element))
        } else {
            root = element
        }
        if !selfClosing { stack.append((element, qualified)) }
    }

    private mutating func endTag() throws(Failure) {
        position += 2
        let qualified = try name()
        _ = skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ">"), let open = stack.last, open.name == qualified else { throw fail() }
        position += 1
        flushPending()
        stack.removeLast()
    }

    /// An XML name (ASCII letters, digits, `_ : . -` and anything not ASCII, which is
    /// already valid UTF-8), as the id of its first occurrence.
    private mutating func name() throws(Failure) -> Int {
        let start = position
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        while position < bytes.count {
            let byte = bytes[position]
            let isNameByte = byte >= 0x80 || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
                || (position > start && ((byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")))
            guard isNameByte else { break }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            position += 1
        }
        guard position > start else { throw fail() }
        let range = start..<position
        for id in nameIDs[hash] ?? [] where nameRanges[id].count == range.count
            && memcmp(bytes.baseAddress! + nameRanges[id].lowerBound, bytes.baseAddress! + start, range.count) == 0 {
            return id
        }
        let id = nameRanges.count
        nameRanges.append(range)
        // The name without its prefix ("w:p" → "p").
        let colon = bytes[range].lastIndex(of: UInt8(ascii: ":"))
        localNames.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(colon.map { $0 + 1 } ?? start)..<position]), as: UTF8.self))
        nameIDs[hash, default: []].append(id)
        return id
    }

    // MARK: Text

    private mutating func text() throws(Failure) {
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
        try appendPending(start..<position, raw: false)
    }

    private mutating func appendPending(_ range: Range<Int>, raw: Bool) throws(Failure) {
        if raw {
            for index in range where !Self.isAllowed(bytes[index]) { throw Failure(offset: index, kind: .malformed) }
            appendNormalizingLineEnds(range)
        } else {
            try Self.decode(bytes, range, attribute: false, into: &pending)
        }
    }

    private mutating func flushPending() {
        guard !pending.isEmpty, let element = stack.last?.element else {
            pending.removeAll(keepingCapacity: true)
            return
        }
        element.append(.text(String(decoding: pending, as: UTF8.self)))
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func appendNormalizingLineEnds(_ range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == 13 {
                pending.append(10)
                if index + 1 < range.upperBound, bytes[index + 1] == 10 { index += 1 }
            } else {
                pending.append(byte)
            }
            index += 1
        }
    }

    private func decode(_ range: Range<Int>, attribute: Bool) throws(Failure) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        try Self.decode(bytes, range, attribute: attribute, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Entities and character references replaced, line ends normalised; in an attribute
    /// value, tabs and line ends become spaces (XML's attribute-value normalisation).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, attribute: Bool, into out: inout [UInt8]) throws(Failure) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") {
                guard let semicolon = (index + 1..<min(range.upperBound, index + 12)).first(where: { bytes[$0] == UInt8(ascii: ";") }) else {
                    throw Failure(offset: index, kind: .malformed)
                }
                let name = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<semicolon])
                guard let scalar = entity(name) else { throw Failure(offset: index, kind: .malformed) }
                out.append(contentsOf: String(Character(scalar)).utf8)
                index = semicolon + 1
                continue
            }
            guard isAllowed(byte) else { throw Failure(offset: index, kind: .malformed) }
            if byte == 13 {
                out.append(attribute ? 32 : 10)
                if index + 1 < range.upperBound, bytes[index + 1] == 10 { index += 1 }
            } else if attribute, byte == 9 || byte == 10 {
                out.append(32)
            } else {
                out.append(byte)
            }
            index += 1
        }
    }

    /// `lt`, `gt`, `amp`, `quot`, `apos`, `#NNN`, `#xHH` (a character XML allows).
    private static func entity(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        switch Array(name) {
        case Array("lt".utf8): return "<"
        case Array("gt".utf8): return ">"
        case Array("amp".utf8): return "&"
        case Array("quot".utf8): return "\""
        case Array("apos".utf8): return "'"
        default: break
        }
        guard name.count >= 2, name[0] == UInt8(ascii: "#") else { return nil }
        let hex = name[1] == UInt8(ascii: "x")
        let digits = name[(hex ? 2 : 1)...]
        let isDigit = { (byte: UInt8) in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (hex && ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f")))
        }
        guard !digits.isEmpty, digits.count <= 8, digits.allSatisfy(isDigit), let value = UInt32(String(decoding: digits, as: UTF8.self), radix: hex ? 16 : 10),
              let scalar = Unicode.Scalar(value) else { return nil }
        let allowed = value == 9 || value == 10 || value == 13 || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF)
        return allowed ? scalar : nil
    }

    // MARK: Bytes

    /// XML 1.0 allows no C0 control character but tab, line feed and carriage return.
    private static func isAllowed(_ byte: UInt8) -> Bool { byte >= 0x20 || byte == 9 || byte == 10 || byte == 13 }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = position
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
        return position > start
    }

    private func starts(with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[position + offset] != pointer[offset] { return false }
        return true
    }

    /// The offset where `literal` next starts, from the current position.
    private func find(_ literal: StaticString) throws(Failure) -> Int {
        let count = literal.utf8CodeUnitCount
        let pointer = literal.utf8Start
        var index = position
        while index + count <= bytes.count {
            if bytes[index] == pointer[0] {
                var matches = true
                for offset in 1..<count where bytes[index + offset] != pointer[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        throw fail()
    }

    private mutating func skip(past literal: StaticString) throws(Failure) {
        position = try find(literal) + literal.utf8CodeUnitCount
    }

    private func fail() -> Failure { Failure(offset: min(position, bytes.count), kind: .malformed) }
}
