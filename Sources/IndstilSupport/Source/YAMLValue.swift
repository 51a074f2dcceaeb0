import Yams

/// A front-matter or manifest value with the file line it came from.
/// Converted from Yams nodes with a budget, so alias bombs and deep nesting end in
/// an error instead of exhausting memory or the stack.
public struct YAMLValue: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case null
        case scalar(String)
        case sequence([YAMLValue])
        case mapping([Entry])
    }

    public struct Entry: Sendable, Equatable {
        public let key: String
        public let keyLine: Int
        public let value: YAMLValue
    }

    public let content: Content
    public let line: Int
    public let column: Int
    /// A plain scalar (no quotes, no block style): the only kind read as a number or a
    /// boolean (`YAMLValueDecoder`); `"12000"` is text. Explicit tags (`!!str`) are not
    /// kept. True for nulls and collections, where it means nothing.
    public let isPlain: Bool

    public init(content: Content, line: Int, column: Int = 1, isPlain: Bool = true) {
        self.content = content
        self.line = line
        self.column = column
        self.isPlain = isPlain
    }

    public var string: String? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// A scalar's text with surrounding white space removed; nil for null and collections.
    public var trimmedString: String? {
        string?.trimmingWhitespaceAndNewlines
    }

    public var isEmpty: Bool {
        switch content {
        case .null: return true
        case .scalar(let s): return s.isBlank
        case .sequence(let items): return items.isEmpty
        case .mapping(let entries): return entries.isEmpty
        }
    }

    public var entries: [Entry] {
        if case .mapping(let entries) = content { return entries }
        return []
    }

    public var items: [YAMLValue] {
        if case .sequence(let items) = content { return items }
        return []
    }

    public subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    /// Looks up a dotted path such as "sagsbehandler.navn".
    public func value(at path: String) -> YAMLValue? {
        var current: YAMLValue? = self
        for part in path.split(separator: ".") {
            current = current?[String(part)]
        }
        return current
    }

    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }
}

public struct YAMLError: Error, Sendable, Equatable {
    public let message: Message
    public let line: Int
}

public enum YAMLReader {
    public static let nodeBudget = 50_000
    public static let maximumDepth = 32

    /// Parses YAML text; `lineOffset` is added to Yams' 1-based lines.
    public static func parse(_ text: String, lineOffset: Int = 0) throws(YAMLError) -> YAMLValue {
        if let aliasLine = aliasLine(in: text) {
            throw YAMLError(
                message: Message(
                    da: "YAML-aliasser (*navn) bruges ikke i indstil-filer; skriv værdien ud",
                    en: "YAML aliases (*name) are not supported in indstil files; write the value out"),
                line: aliasLine + lineOffset)
        }
        let node: Node?
        do {
            node = try compose(text)
        } catch let error as YamlError {
            throw describe(error, lineOffset: lineOffset)
        } catch {
            throw YAMLError(message: Message(da: "Ugyldig YAML: \(error)", en: "Invalid YAML: \(error)"), line: 1 + lineOffset)
        }
        guard let node else { return YAMLValue(content: .null, line: 1 + lineOffset) }
        var budget = nodeBudget
        return try convert(node, lineOffset: lineOffset, depth: 0, budget: &budget)
    }

    /// The node tree of `text`, with Yams' duplicate-key check (which cannot be turned off).
    ///
    /// That check hashes every mapping key with its resolved tag; with the default resolver
    /// that is a regular-expression match per rule (bool, int, float, …) for every key, most
    /// of the cost of reading front matter. The basic resolver (no rules) tags every plain
    /// scalar as a string, so keys equal under the default resolver (same text, same tag) are
    /// equal under it too: it reports every duplicate the default one reports, and more only
    /// for keys of the same text with different tags (`"true"` and `true`). Only when it
    /// reports duplicates is the text composed again with the default resolver, whose answer
    /// (error or tree) is the one returned. Nothing reads the nodes' tags, and the scanner and
    /// parser errors do not depend on the resolver. The encoding is given (UTF-8, what
    /// `.default` picks for native strings) so that Yams does not read the environment per call.
    private static func compose(_ text: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch YamlError.duplicatedKeysInMapping {
            return try Yams.compose(yaml: text, .default, .default, .utf8)
        }
    }

    private static func convert(_ node: Node, lineOffset: Int, depth: Int, budget: inout Int) throws(YAMLError) -> YAMLValue {
        budget -= 1
        let line = (node.mark?.line ?? 1) + lineOffset
        let column = node.mark?.column ?? 1
        guard budget >= 0 else {
            throw YAMLError(
                message: Message(da: "YAML-data er for store (over \(DanishFormat.integer(nodeBudget)) værdier)",
                                 en: "YAML data is too large (over \(nodeBudget) values)"),
                line: line)
        }
        guard depth <= maximumDepth else {
            throw YAMLError(
                message: Message(da: "YAML-data er nestet for dybt (over \(maximumDepth) niveauer)",
                                 en: "YAML data is nested too deeply (over \(maximumDepth) levels)"),
                line: line)
        }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain || scalar.style == .any,
               ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return YAMLValue(content: .null, line: line, column: column)
            }
            return YAMLValue(content: .scalar(scalar.string), line: line, column: column,
                             isPlain: scalar.style == .plain || scalar.style == .any)
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for child in sequence {
                items.append(try convert(child, lineOffset: lineOffset, depth: depth + 1, budget: &budget))
            }
            return YAMLValue(content: .sequence(items), line: line, column: column)
        case .mapping(let mapping):
            var entries: [YAMLValue.Entry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw YAMLError(
                        message: Message(da: "En YAML-nøgle skal være tekst", en: "A YAML key must be text"),
                        line: (key.mark?.line ?? 1) + lineOffset)
                }
                let converted = try convert(value, lineOffset: lineOffset, depth: depth + 1, budget: &budget)
                entries.append(YAMLValue.Entry(key: keyScalar.string, keyLine: (keyScalar.mark?.line ?? 1) + lineOffset, value: converted))
            }
            return YAMLValue(content: .mapping(entries), line: line, column: column)
        case .alias:
            throw YAMLError(
                message: Message(da: "YAML-aliasser bruges ikke i indstil-filer", en: "YAML aliases are not supported"),
                line: line)
        }
    }

    /// Line (1-based, within `text`) of the first alias: a `*name` where a YAML value
    /// starts (after "key: ", "- ", "[", ",", "{" or "? "), outside quotes.
    /// "Plan for *alle* borgere" is plain text, not an alias.
    static func aliasLine(in text: String) -> Int? {
        // On bytes: Foundation's `contains` (a literal search) bridged every front matter to NSString.
        guard text.utf8.contains(UInt8(ascii: "*")) && text.utf8.contains(UInt8(ascii: "&")) else { return nil }
        var lineNumber = 0
        for line in text.lineSlices {
            lineNumber += 1
            // Only a line with a "*" can hold an alias; most have none, and are not split into Characters.
            guard line.utf8.contains(UInt8(ascii: "*")) else { continue }
            let characters = Array(line)
            var inDouble = false
            var inSingle = false
            for (index, character) in characters.enumerated() {
                if character == "\"" && !inSingle { inDouble.toggle() }
                if character == "'" && !inDouble { inSingle.toggle() }
                if character == "#" && !inDouble && !inSingle && (index == 0 || characters[index - 1] == " ") { break }
                guard character == "*", !inDouble, !inSingle, index + 1 < characters.count,
                      characters[index + 1].isLetter || characters[index + 1].isNumber || characters[index + 1] == "_" else { continue }
                let before = String(characters[..<index]).trimmingCharacters(in: .whitespaces)
                if before.isEmpty || [":", "-", "[", ",", "{", "?"].contains(before.last.map(String.init) ?? "") {
                    return lineNumber
                }
            }
        }
        return nil
    }

    /// Line of the repeated `key:` for a duplicate-key error: the next line after the
    /// first occurrence with the same indentation that starts with the key.
    static func secondOccurrenceLine(of key: String, in text: String, after first: Mark) -> Int? {
        let indent = max(0, first.column - 1)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 > first.line {
            let leading = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(leading)
            if leading == indent && (rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":")) { return index + 1 }
        }
        return nil
    }

    static func yamlText(of error: YamlError) -> String {
        switch error {
        case .scanner(_, _, _, let yaml), .parser(_, _, _, let yaml), .composer(_, _, _, let yaml): return yaml
        default: return ""
        }
    }

    /// The line of a value that opens a quote and never closes it on that line:
    /// the usual cause of a YAML error reported many lines further down.
    static func unterminatedQuoteLine(in text: String) -> Int? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line.drop { $0 == " " }
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
            if let colon = rest.range(of: ": ") { rest = rest[colon.upperBound...].drop { $0 == " " } }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { continue }
            var count = 0
            var escaped = false
            for character in rest {
                if character == quote && !escaped { count += 1 }
                escaped = quote == "\"" && character == "\\" && !escaped
            }
            if count % 2 == 1 { return index + 1 }
        }
        return nil
    }

    package static func describe(_ error: YamlError, lineOffset: Int) -> YAMLError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // The context ("while scanning a quoted scalar") marks where the trouble began,
            // e.g. the opening quote of an unterminated string; the problem marks where the
            // parser gave up, often lines later.
            if let quoteLine = unterminatedQuoteLine(in: yamlText(of: error)) {
                return YAMLError(
                    message: Message(da: "Ugyldig YAML: anførselstegnet i linje \(quoteLine + lineOffset) lukkes ikke på linjen (fejlen viser sig i linje \(mark.line + lineOffset): \(problem))",
                                     en: "Invalid YAML: the quote on line \(quoteLine + lineOffset) is not closed on that line (the error shows on line \(mark.line + lineOffset): \(problem))"),
                    line: quoteLine + lineOffset)
            }
            let line = (context?.mark.line ?? mark.line) + lineOffset
            let hint = context.map { " (\($0.text), begyndt i linje \($0.mark.line + lineOffset))" } ?? ""
            let hintEN = context.map { " (\($0.text), started on line \($0.mark.line + lineOffset))" } ?? ""
            return YAMLError(
                message: Message(da: "Ugyldig YAML i linje \(mark.line + lineOffset): \(problem)\(hint); mangler der et kolon, et anførselstegn eller en parentes?",
                                 en: "Invalid YAML on line \(mark.line + lineOffset): \(problem)\(hintEN); is a colon, quote or bracket missing?"),
                line: line)
        case .reader(let problem, _, _, _):
            return YAMLError(message: Message(da: "Ugyldig YAML: \(problem)", en: "Invalid YAML: \(problem)"), line: 1 + lineOffset)
        case .duplicatedKeysInMapping(let keys, let context):
            let line = secondOccurrenceLine(of: keys.first ?? "", in: context.text, after: context.mark) ?? context.mark.line
            return YAMLError(
                message: Message(da: "Nøglen \(keys.map { "«\($0)»" }.joined(separator: ", ")) står to gange",
                                 en: "The key \(keys.map { "'\($0)'" }.joined(separator: ", ")) appears twice"),
                line: line + lineOffset)
        default:
            return YAMLError(message: Message(da: "Ugyldig YAML: \(error)", en: "Invalid YAML: \(error)"), line: 1 + lineOffset)
        }
    }
}
