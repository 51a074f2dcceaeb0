import Foundation
import IndstilSupport
import IndstilDocument

/// Removes the Word field codes a template's headers and footers may hold, except the
/// harmless ones indstil itself writes or a letterhead needs: PAGE, NUMPAGES and DATE.
///
/// A field is an instruction Word (and LibreOffice) carries out when the document is
/// opened, printed or updated: `INCLUDETEXT` and `INCLUDEPICTURE` fetch a file or a web
/// address, `DDE`/`DDEAUTO` start a program, `LINK` and `IMPORT` embed other files,
/// `HYPERLINK` may point at a `file:` path. Copied from a template into every document
/// indstil writes, such a field would travel with every published recommendation. So:
///
/// - a complex field (`w:fldChar` begin, `w:instrText`, `w:fldChar` separate, the cached
///   result, `w:fldChar` end) loses its `fldChar` and `instrText` elements; its cached
///   result stays as the plain runs it already is (what the page showed), and text inside
///   its instruction (a nested field's result) goes with the instruction;
/// - a simple field (`w:fldSimple w:instr="…"`) loses its start and end tags, keeping
///   the runs inside;
/// - a kept field with another field inside its instruction is dropped as well.
///
/// Elements are recognised by their local name whatever prefix the part binds, and the
/// part is read once from start to end (linear time).
enum DocxFieldCodes {
    /// Field kinds kept as fields.
    package static let kept: Set<String> = ["PAGE", "NUMPAGES", "DATE"]

    /// The part without the dropped fields, and the kinds dropped ("INCLUDETEXT", …) in
    /// the order they first occur.
    static func strip(_ xml: String) -> (xml: String, dropped: [String]) {
        let bytes = Array(xml.utf8)
        var scanner = Scanner(bytes: bytes)
        scanner.run()
        guard !scanner.removals.isEmpty else { return (xml, scanner.dropped) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        for removal in scanner.removals.sorted(by: { $0.lowerBound < $1.lowerBound }) where removal.lowerBound >= position {
            out.append(contentsOf: bytes[position..<removal.lowerBound])
            position = removal.upperBound
        }
        out.append(contentsOf: bytes[position...])
        return (String(decoding: out, as: UTF8.self), scanner.dropped)
    }

    /// Says on stderr, once per template and run, which field kinds were removed.
    static func warn(template url: URL, dropped: [String]) {
        guard !dropped.isEmpty else { return }
        let first = warned.withLock { $0.insert(url.standardizedFileURL.path).inserted }
        guard first else { return }
        FileHandle.standardError.write(Data(warning(template: url, dropped: dropped).utf8))
    }

    /// "indstil: advarsel: Word-skabelonen »…« indeholder feltkoder, der er fjernet: INCLUDETEXT, DDEAUTO\n"
    package static func warning(template url: URL, dropped: [String]) -> String {
        "indstil: advarsel: Word-skabelonen »\(url.path.escapingControlCharacters)« indeholder feltkoder, der er fjernet: "
            + dropped.joined(separator: ", ") + " (kun PAGE, NUMPAGES og DATE bevares; den viste tekst står tilbage som almindelig tekst)\n"
    }

    /// The templates warned about in this run.
    private static let warned = Locked<Set<String>>([])

    /// A field's kind: the first word of its instruction, upper-cased, letters and digits
    /// only and at most 30 characters, so it can be printed.
    package static func kind(of instruction: String) -> String {
        let word = instruction.drop { $0.isWhitespace || $0 == "\\" }.prefix { !$0.isWhitespace && $0 != "\\" && $0 != "\"" }
        let clean = String(word.uppercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }.prefix(30))
        return clean.isEmpty ? "(tom)" : clean
    }

    /// One complex field being read.
    private final class Field {
        var instruction = ""
        var inResult = false
        /// begin, separate, end and instrText elements.
        var markers: [Range<Int>] = []
        /// Text (`w:t`) inside the instruction, a nested field's result.
        var instructionText: [Range<Int>] = []
        /// Fields inside the instruction.
        var nested: [Field] = []
        /// A simple field inside the instruction.
        var containsSimpleField = false
    }

    private struct Scanner {
        let bytes: [UInt8]
        var removals: [Range<Int>] = []
        var dropped: [String] = []
        private var stack: [Field] = []
        /// The index in `stack` of the outermost field still in its instruction (nil when
        /// every open field shows its result), so text is placed without a search.
        private var instructionOwner: Int?
        private var inInstruction: Field? { instructionOwner.map { stack[$0] } }
        /// Open `fldSimple` elements: whether each is dropped.
        private var simple: [Bool] = []
        /// An element removed whole (fldChar with children, instrText), being read to its end.
        private var capture: (name: ArraySlice<UInt8>, start: Int, depth: Int, isInstruction: Bool, text: [UInt8])?
        /// A `w:t` inside an instruction, being read to its end.
        private var textStart: (name: ArraySlice<UInt8>, start: Int, owner: Field)?

        init(bytes: [UInt8]) { self.bytes = bytes }

        private mutating func note(_ kind: String) {
            if !dropped.contains(kind) { dropped.append(kind) }
        }

        mutating func run() {
            var index = 0
            let count = bytes.count
            while index < count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    let next = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? count
                    if capture?.isInstruction == true { capture?.text.append(contentsOf: bytes[index..<next]) }
                    index = next
                    continue
                }
                if starts(with: "<!--", at: index) {
                    index = end(of: "-->", from: index + 4)
                    continue
                }
                if starts(with: "<![CDATA[", at: index) {
                    let close = end(of: "]]>", from: index + 9)
                    if capture?.isInstruction == true {
                        capture?.text.append(contentsOf: bytes[(index + 9)..<max(index + 9, close - 3)])
                    }
                    index = close
                    continue
                }
                if starts(with: "<?", at: index) || starts(with: "<!", at: index) {
                    index = end(of: ">", from: index + 2)
                    continue
                }
                let tagEnd = endOfTag(from: index + 1)
                let isEnd = index + 1 < count && bytes[index + 1] == UInt8(ascii: "/")
                let nameStart = isEnd ? index + 2 : index + 1
                var nameEnd = nameStart
                while nameEnd < tagEnd, !Self.isNameEnd(bytes[nameEnd]) { nameEnd += 1 }
                let name = bytes[nameStart..<nameEnd]
                let isEmpty = !isEnd && tagEnd >= 2 && bytes[tagEnd - 2] == UInt8(ascii: "/")
                tag(name: name, range: index..<tagEnd, isEnd: isEnd, isEmpty: isEmpty)
                index = tagEnd
            }
            // Fields without an end: dropped, as Word would not show them either.
            while let open = stack.popLast() {
                if instructionOwner == stack.count { instructionOwner = nil }
                finish(open)
            }
        }

        private mutating func tag(name: ArraySlice<UInt8>, range: Range<Int>, isEnd: Bool, isEmpty: Bool) {
            if var open = capture {
                if name == open.name {
                    if isEnd { open.depth -= 1 } else if !isEmpty { open.depth += 1 }
                }
                capture = open
                if open.depth == 0 {
                    capture = nil
                    finishCapture(open, end: range.upperBound)
                }
                return
            }
            if let open = textStart {
                if isEnd, name == open.name {
                    open.owner.instructionText.append(open.start..<range.upperBound)
                    textStart = nil
                }
                return
            }
            let local = Self.localName(name)
            switch local {
            case "fldChar" where !isEnd:
                let type = attribute("fldCharType", in: range) ?? ""
                if isEmpty { fieldCharacter(type, range: range) } else {
                    capture = (name, range.lowerBound, 1, false, Array(type.utf8))
                }
            case "instrText", "delInstrText":
                guard !isEnd else { return }
                if isEmpty { instruction("", range: range) } else { capture = (name, range.lowerBound, 1, true, []) }
            case "fldData" where !isEnd:
                if isEmpty { removals.append(range) } else { capture = (name, range.lowerBound, 1, false, []) }
            case "fldSimple":
                if isEnd {
                    if simple.popLast() == true { removals.append(range) }
                    return
                }
                let kind = DocxFieldCodes.kind(of: attribute("instr", in: range) ?? "")
                inInstruction?.containsSimpleField = true
                let drop = !DocxFieldCodes.kept.contains(kind) || inInstruction != nil
                if drop {
                    note(kind)
                    removals.append(range)
                }
                if !isEmpty { simple.append(drop) }
            case "t", "delText":
                // Text inside a field's instruction belongs to the outermost such field.
                guard !isEnd, !isEmpty, let owner = inInstruction else { return }
                textStart = (name, range.lowerBound, owner)
            default:
                return
            }
        }

        private mutating func finishCapture(_ open: (name: ArraySlice<UInt8>, start: Int, depth: Int, isInstruction: Bool, text: [UInt8]), end: Int) {
            let range = open.start..<end
            switch Self.localName(open.name) {
            case "fldChar": fieldCharacter(String(decoding: open.text, as: UTF8.self), range: range)
            case "fldData": removals.append(range)
            default: instruction(DocxRawXML.unescape(Substring(String(decoding: open.text, as: UTF8.self))), range: range)
            }
        }

        private mutating func fieldCharacter(_ type: String, range: Range<Int>) {
            switch type {
            case "begin":
                let field = Field()
                field.markers.append(range)
                stack.append(field)
                if instructionOwner == nil { instructionOwner = stack.count - 1 }
            case "separate":
                guard let field = stack.last else { removals.append(range); return }
                field.markers.append(range)
                field.inResult = true
                if instructionOwner == stack.count - 1 { instructionOwner = nil }
            case "end":
                guard let field = stack.popLast() else { removals.append(range); return }
                if instructionOwner == stack.count { instructionOwner = nil }
                field.markers.append(range)
                finish(field)
            default:
                removals.append(range)
            }
        }

        private mutating func instruction(_ text: String, range: Range<Int>) {
            guard let field = stack.last, !field.inResult else {
                // An instruction outside a field's instruction part: nothing Word would show.
                note(DocxFieldCodes.kind(of: text))
                removals.append(range)
                return
            }
            field.instruction += text
            field.markers.append(range)
        }

        /// A field has ended: inside another's instruction it waits for that one; else it
        /// is kept or dropped now.
        private mutating func finish(_ field: Field) {
            if let parent = stack.last, !parent.inResult {
                parent.nested.append(field)
            } else {
                resolve(field, forced: false)
            }
        }

        /// Keeps or drops a field; a dropped field's nested fields go with it (without
        /// recursion: fields may nest thousands deep).
        private mutating func resolve(_ field: Field, forced: Bool) {
            var pending = [(field, forced)]
            while let (field, forced) = pending.popLast() {
                let kind = DocxFieldCodes.kind(of: field.instruction)
                let drop = forced || !field.nested.isEmpty || field.containsSimpleField || !DocxFieldCodes.kept.contains(kind)
                guard drop else { continue }
                note(kind)
                removals += field.markers
                removals += field.instructionText
                pending += field.nested.reversed().map { ($0, true) }
                field.nested = []  // no chain of thousands of objects left to release recursively
            }
        }

        // MARK: Reading bytes

        private static func isNameEnd(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
        }

        private static func localName(_ name: ArraySlice<UInt8>) -> String {
            let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
            return String(decoding: local, as: UTF8.self)
        }

        private func starts(with text: StaticString, at index: Int) -> Bool {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            return text.withUTF8Buffer { buffer in buffer.elementsEqual(bytes[index..<(index + count)]) }
        }

        /// The index after the next `text` from `start`, or the end of the bytes.
        private func end(of text: StaticString, from start: Int) -> Int {
            var index = start
            while index < bytes.count {
                if starts(with: text, at: index) { return index + text.utf8CodeUnitCount }
                index += 1
            }
            return bytes.count
        }

        /// The index after the tag's `>`, skipping quoted attribute values.
        private func endOfTag(from start: Int) -> Int {
            var index = start
            var quote: UInt8?
            while index < bytes.count {
                let byte = bytes[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return index + 1
                }
                index += 1
            }
            return bytes.count
        }

        /// The value of the attribute with local name `name` in the tag, unescaped.
        private func attribute(_ name: String, in range: Range<Int>) -> String? {
            let tag = String(decoding: bytes[range], as: UTF8.self)
            var rest = Substring(tag)
            // Past the element's name.
            rest = rest.drop { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            while true {
                rest = rest.drop { $0.isWhitespace }
                guard let equals = rest.firstIndex(of: "=") else { return nil }
                let attributeName = rest[..<equals].trimmingCharacters(in: .whitespaces)
                rest = rest[rest.index(after: equals)...].drop { $0.isWhitespace }
                guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
                rest = rest.dropFirst()
                guard let close = rest.firstIndex(of: quote) else { return nil }
                let value = rest[..<close]
                rest = rest[rest.index(after: close)...]
                let local = attributeName.split(separator: ":").last.map(String.init) ?? attributeName
                if local == name { return DocxRawXML.unescape(value) }
            }
        }
    }
}
