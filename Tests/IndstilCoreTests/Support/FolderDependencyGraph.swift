import Foundation

/// Which folders of one target use which, read from the Swift source text alone (no
/// compiler): folder A depends on folder B when a file in A uses an identifier declared at
/// the top level only in B (a name declared in two folders says nothing, and is left out).
/// String literals and comments are stripped first (what an interpolation computes still
/// counts); files directly in the target's folder form the group `(root)`.
///
/// A heuristic — a method that happens to share a top-level type's name makes an edge
/// too — but the compiler checks only the layering between targets, and this is what
/// shows the folders inside one target that depend on each other in a circle.
struct FolderDependencyGraph {
    static let rootGroup = "(root)"

    /// Group → group it uses → the `file: identifier` pairs that make the edge.
    private(set) var edges: [String: [String: Set<String>]] = [:]
    let groups: Set<String>

    /// `files` maps a path relative to the target's folder ("Layout/RenderModel.swift") to its text.
    init(files: [String: String]) {
        let stripped = files.mapValues { Array(Self.strippingLiteralsAndComments($0).utf8) }
        groups = Set(files.keys.map(Self.group(of:)))
        var declaredIn: [String: Set<String>] = [:]
        for (path, text) in stripped {
            for name in Self.topLevelNames(text) { declaredIn[name, default: []].insert(Self.group(of: path)) }
        }
        for (path, text) in stripped {
            let group = Self.group(of: path)
            for name in Self.identifiers(text) {
                guard let owners = declaredIn[name], owners.count == 1, let owner = owners.first, owner != group else { continue }
                edges[group, default: [:]][owner, default: []].insert("\(path): \(name)")
            }
        }
    }

    /// Reads every `.swift` file under `folder`.
    init(folder: URL) throws {
        let base = folder.standardizedFileURL.path + "/"
        var files: [String: String] = [:]
        let urls = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        for url in urls where url.pathExtension == "swift" {
            let path = url.standardizedFileURL.path
            files[path.hasPrefix(base) ? String(path.dropFirst(base.count)) : url.lastPathComponent] = try String(contentsOf: url, encoding: .utf8)
        }
        self.init(files: files)
    }

    static func group(of path: String) -> String {
        let parts = path.split(separator: "/")
        return parts.count > 1 ? String(parts[0]) : rootGroup
    }

    // MARK: Cycles

    /// The groups that reach each other (strongly connected components of more than one
    /// group), each sorted, in order of their first group.
    var cycles: [[String]] {
        var index: [String: Int] = [:], low: [String: Int] = [:]
        var stack: [String] = [], onStack: Set<String> = []
        var found: [[String]] = []
        func visit(_ node: String) {
            index[node] = index.count
            low[node] = index[node]
            stack.append(node)
            onStack.insert(node)
            for next in (edges[node] ?? [:]).keys.sorted() {
                if index[next] == nil {
                    visit(next)
                    low[node] = min(low[node]!, low[next]!)
                } else if onStack.contains(next) {
                    low[node] = min(low[node]!, index[next]!)
                }
            }
            guard low[node] == index[node] else { return }
            var component: [String] = []
            while let top = stack.popLast() {
                onStack.remove(top)
                component.append(top)
                if top == node { break }
            }
            if component.count > 1 { found.append(component.sorted()) }
        }
        for group in groups.sorted() where index[group] == nil { visit(group) }
        return found.sorted { $0[0] < $1[0] }
    }

    /// A shortest way from `start` back to itself inside `component` (`[start, …, start]`).
    func cyclePath(from start: String, in component: [String]) -> [String] {
        let members = Set(component)
        var previous: [String: String] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in (edges[node] ?? [:]).keys.sorted() where members.contains(next) {
                if next == start {
                    var path = [start]
                    var step: String? = node
                    while let current = step, current != start {
                        path.insert(current, at: 1)
                        step = previous[current]
                    }
                    return path + [start]
                }
                if previous[next] == nil, next != start {
                    previous[next] = node
                    queue.append(next)
                }
            }
        }
        return [start]
    }

    /// Every cycle: its groups, a path around it, and what each edge inside it uses.
    func cycleReport(target: String, examplesPerEdge: Int = 8) -> String {
        cycles.map { component in
            var lines = ["\(target): the folders \(component.joined(separator: ", ")) depend on each other",
                         "  cycle: \(cyclePath(from: component[0], in: component).joined(separator: " → "))"]
            for from in component {
                for to in component {
                    guard let uses = edges[from]?[to] else { continue }
                    let sorted = uses.sorted()
                    let more = sorted.count > examplesPerEdge ? " … (\(sorted.count - examplesPerEdge) more)" : ""
                    lines.append("  \(from) → \(to): \(sorted.prefix(examplesPerEdge).joined(separator: ", "))\(more)")
                }
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    // MARK: Reading Swift text

    /// The text with every comment replaced by a space and every string literal (plain,
    /// multi-line, raw) and regex literal by `""`, keeping line breaks and the code of
    /// string interpolations.
    static func strippingLiteralsAndComments(_ source: String) -> String {
        let bytes = Array(source.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        /// A string being read (its `#`s and whether it is multi-line), or code inside an
        /// interpolation with the parentheses it has opened.
        enum Mode { case code(parentheses: Int), string(hashes: Int, multiLine: Bool) }
        var modes: [Mode] = [.code(parentheses: 0)]
        let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#"), slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
        let backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        func at(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }
        func starts(_ pattern: [UInt8], _ i: Int) -> Bool {
            i + pattern.count <= bytes.count && bytes[i..<(i + pattern.count)].elementsEqual(pattern)
        }
        /// The last byte written that is not white space: whether a `/` here starts a regex.
        func regexMayStart() -> Bool {
            var j = out.count - 1
            while j >= 0, out[j] == space || out[j] == newline || out[j] == UInt8(ascii: "\t") { j -= 1 }
            guard j >= 0 else { return true }
            if Array("([{,=:!&|?;".utf8).contains(out[j]) { return true }
            let keyword = Array("return".utf8)
            let start = j + 1 - keyword.count
            return start >= 0 && out[start...j].elementsEqual(keyword) && (start == 0 || !isIdentifierByte(out[start - 1]))
        }
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch modes[modes.count - 1] {
            case .code(let parentheses):
                if byte == slash, at(i + 1) == slash {
                    while i < bytes.count, bytes[i] != newline { i += 1 }
                    out.append(space)
                } else if byte == slash, at(i + 1) == star {
                    var depth = 0
                    repeat {
                        if starts([slash, star], i) { depth += 1; i += 2 }
                        else if starts([star, slash], i) { depth -= 1; i += 2 }
                        else { if bytes[i] == newline { out.append(newline) }; i += 1 }
                    } while depth > 0 && i < bytes.count
                    out.append(space)
                } else if byte == hash || byte == quote {
                    var hashes = 0
                    while at(i + hashes) == hash { hashes += 1 }
                    if at(i + hashes) == quote {
                        let multiLine = starts([quote, quote, quote], i + hashes)
                        i += hashes + (multiLine ? 3 : 1)
                        modes.append(.string(hashes: hashes, multiLine: multiLine))
                        out.append(contentsOf: [quote, quote])
                    } else if at(i + hashes) == slash, hashes > 0 {
                        // `#/…/#`: an extended regex literal.
                        i += hashes + 1
                        let end = [slash] + Array(repeating: hash, count: hashes)
                        while i < bytes.count, !starts(end, i) { if bytes[i] == newline { out.append(newline) }; i += 1 }
                        i += end.count
                        out.append(contentsOf: [quote, quote])
                    } else {
                        out.append(contentsOf: bytes[i..<(i + max(hashes, 1))])
                        i += max(hashes, 1)
                    }
                } else if byte == slash, at(i + 1) != space, at(i + 1) != newline, at(i + 1) != UInt8(ascii: "="), regexMayStart() {
                    // `/…/`: a regex literal, on one line.
                    var j = i + 1
                    while j < bytes.count, bytes[j] != slash, bytes[j] != newline { j += bytes[j] == backslash ? 2 : 1 }
                    if j < bytes.count, bytes[j] == slash {
                        out.append(contentsOf: [quote, quote])
                        i = j + 1
                    } else {
                        out.append(byte)
                        i += 1
                    }
                } else if byte == UInt8(ascii: "(") {
                    modes[modes.count - 1] = .code(parentheses: parentheses + 1)
                    out.append(byte)
                    i += 1
                } else if byte == UInt8(ascii: ")") {
                    if parentheses == 0, modes.count > 1 {
                        modes.removeLast()  // the end of an interpolation
                    } else {
                        modes[modes.count - 1] = .code(parentheses: parentheses - 1)
                        out.append(byte)
                    }
                    i += 1
                } else {
                    out.append(byte)
                    i += 1
                }
            case .string(let hashes, let multiLine):
                let close = (multiLine ? [quote, quote, quote] : [quote]) + Array(repeating: hash, count: hashes)
                if starts(close, i) {
                    modes.removeLast()
                    i += close.count
                } else if byte == backslash, starts(Array(repeating: hash, count: hashes), i + 1) {
                    let next = i + 1 + hashes
                    if at(next) == UInt8(ascii: "(") {
                        modes.append(.code(parentheses: 0))
                        out.append(space)
                    }
                    i = next + 1
                } else {
                    if byte == newline { out.append(newline) }
                    i += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    /// Every identifier in stripped text, once.
    static func identifiers(_ text: [UInt8]) -> Set<String> {
        var names: Set<String> = []
        var i = 0
        while i < text.count {
            guard isIdentifierByte(text[i]) else { i += 1; continue }
            let start = i
            while i < text.count, isIdentifierByte(text[i]) { i += 1 }
            if !(text[start] >= UInt8(ascii: "0") && text[start] <= UInt8(ascii: "9")) {
                names.insert(String(decoding: text[start..<i], as: UTF8.self))
            }
        }
        return names
    }

    static let declarationKeywords: Set<String> = ["struct", "class", "enum", "protocol", "actor", "typealias", "func", "let", "var", "macro"]
    static let modifiers: Set<String> = ["public", "package", "internal", "open", "final", "nonisolated", "indirect", "private", "fileprivate"]

    /// The names a file declares at its top level (outside every brace) for the rest of the
    /// target: types, type aliases, functions, constants and variables, but not what is
    /// `private` or `fileprivate`, nor extensions (they declare no name).
    static func topLevelNames(_ text: [UInt8]) -> [String] {
        var names: [String] = []
        var depth = 0
        var lineStart = 0
        for i in 0...text.count {
            guard i == text.count || text[i] == UInt8(ascii: "\n") else { continue }
            let line = text[lineStart..<i]
            if depth == 0, let name = declaredName(Array(line)) { names.append(name) }
            for byte in line {
                if byte == UInt8(ascii: "{") { depth += 1 } else if byte == UInt8(ascii: "}") { depth -= 1 }
            }
            lineStart = i + 1
        }
        return names
    }

    /// `@MainActor public final class Name` → "Name"; nil for anything else.
    private static func declaredName(_ line: [UInt8]) -> String? {
        var i = 0
        func skipSpace() { while i < line.count, line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: "\t") { i += 1 } }
        func word() -> String? {
            let start = i
            while i < line.count, isIdentifierByte(line[i]) { i += 1 }
            return i > start ? String(decoding: line[start..<i], as: UTF8.self) : nil
        }
        func skipParenthesized() {
            guard i < line.count, line[i] == UInt8(ascii: "(") else { return }
            var open = 0
            repeat {
                if line[i] == UInt8(ascii: "(") { open += 1 } else if line[i] == UInt8(ascii: ")") { open -= 1 }
                i += 1
            } while open > 0 && i < line.count
        }
        var isPrivate = false
        while true {
            skipSpace()
            if i < line.count, line[i] == UInt8(ascii: "@") {
                i += 1
                _ = word()
                skipParenthesized()
                continue
            }
            guard let keyword = word() else { return nil }
            if modifiers.contains(keyword) {
                if i < line.count, line[i] == UInt8(ascii: "(") {
                    skipParenthesized()  // `private(set)` limits the setter only
                } else if keyword == "private" || keyword == "fileprivate" {
                    isPrivate = true
                }
                continue
            }
            guard declarationKeywords.contains(keyword), !isPrivate else { return nil }
            skipSpace()
            if i < line.count, line[i] == UInt8(ascii: "`") { i += 1 }
            return word()
        }
    }
}
