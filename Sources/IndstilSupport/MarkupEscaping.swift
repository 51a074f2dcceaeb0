/// Escaping for XML and HTML output (DOCX parts, JUnit, HTML pages): one place, one rule.
public enum MarkupEscaping {
    public enum Context: Sendable {
        /// Element content: a carriage return is kept as a reference.
        case text
        /// A quoted attribute value: line breaks and tabs as references, so attribute-value
        /// normalisation does not turn them into spaces.
        case attribute
    }

    /// `&`, `<`, `>`, `"` and `'` escaped; characters XML 1.0 does not allow dropped.
    public static func escape(_ text: String, for context: Context = .text) -> String {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { escape(text, $0, context) } ?? text
    }

    /// The same on UTF-8 bytes (every text of every HTML page goes through here): ASCII is
    /// escaped or dropped byte by byte; of the rest only U+FFFE and U+FFFF (EF BF BE, EF BF BF)
    /// are not XML characters. Text with nothing to change is returned as it is.
    private static func escape(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>, _ context: Context) -> String {
        @inline(__always) func needsWork(_ index: Int) -> Bool {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 13: return true
            case 10, 9: return context == .attribute
            case 0..<0x20: return true
            case 0xEF: return index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
            default: return false
            }
        }
        var first = 0
        while first < bytes.count, !needsWork(first) { first += 1 }
        if first == bytes.count { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<first]))
        var index = first
        while index < bytes.count {
            guard needsWork(index) else {
                out.append(bytes[index])
                index += 1
                continue
            }
            switch bytes[index] {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&apos;".utf8)
            case 13: out.append(contentsOf: "&#13;".utf8)
            case 10: out.append(contentsOf: "&#10;".utf8)
            case 9: out.append(contentsOf: "&#9;".utf8)
            case 0xEF: index += 2  // U+FFFE or U+FFFF: dropped
            default: break  // other control characters: dropped
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` without the characters XML 1.0 and HTML do not allow (C0 controls other
    /// than tab, line feed and carriage return; U+FFFE; U+FFFF), nothing escaped: for text
    /// that a template engine escapes itself.
    public static func allowedCharacters(_ text: String) -> String {
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: return true
            case 0..<0x20, 0xFFFE, 0xFFFF: return false
            default: return true
            }
        }
        guard !text.unicodeScalars.allSatisfy(allowed) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter(allowed))
        return String(scalars)
    }

    /// The five predefined entities and numeric references back to characters (reading
    /// text out of an XML part; an unknown or invalid reference stays as written).
    public static func unescapeXML(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                out += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            var replacement: String?
            switch name {
            case "amp": replacement = "&"
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                }
            }
            if let replacement {
                out += replacement
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        out += rest
        return out
    }
}

extension String {
    /// This text as HTML (or XML) element content or a quoted attribute value:
    /// `MarkupEscaping.escape`, the one escaping every page of a packet and every DOCX part uses.
    package var markupEscaped: String { MarkupEscaping.escape(self) }

    /// This text escaped for a quoted attribute value, line breaks and tabs as references
    /// (the workspace's pages use it for element content too).
    package var markupAttributeEscaped: String { MarkupEscaping.escape(self, for: .attribute) }
}
