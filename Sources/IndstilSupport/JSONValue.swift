import Foundation

/// A JSON value with ordered object keys, so reports are byte-for-byte stable.
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    /// An exact number, written with as many decimals as it has ("0.49", "3250").
    case decimal(Decimal)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(to out: inout String, indent: Int?) {
        // Appends piece by piece (no temporary strings): reports of large runs are long.
        func newline() { if indent != nil { out += "\n" } }
        func pad(_ level: Int) { if indent != nil { for _ in 0..<level { out += "  " } } }
        switch self {
        case .string(let s): Self.escape(s, into: &out)
        case .int(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(format: "%.1f", d) : "null"
        case .decimal(let d): out += NSDecimalNumber(decimal: d).description(withLocale: Locale(identifier: "en_US_POSIX"))
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            newline()
            for (index, item) in items.enumerated() {
                pad((indent ?? 0) + 1)
                item.write(to: &out, indent: indent.map { $0 + 1 })
                if index < items.count - 1 { out += "," }
                newline()
            }
            pad(indent ?? 0)
            out += "]"
        case .object(let entries):
            if entries.isEmpty { out += "{}"; return }
            out += "{"
            newline()
            for (index, (key, value)) in entries.enumerated() {
                pad((indent ?? 0) + 1)
                Self.escape(key, into: &out)
                out += indent == nil ? ":" : ": "
                value.write(to: &out, indent: indent.map { $0 + 1 })
                if index < entries.count - 1 { out += "," }
                newline()
            }
            pad(indent ?? 0)
            out += "}"
        }
    }

    private static func escape(_ s: String, into out: inout String) {
        out += "\""
        // Most strings need no escape at all: append them whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
