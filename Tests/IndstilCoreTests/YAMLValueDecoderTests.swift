import Foundation
import Testing
import IndstilCore
import IndstilTestSupport
import Yams

/// `YAMLValueDecoder`: `Decodable` types from the value tree `YAMLReader` builds, read as
/// Yams' `YAMLDecoder` read them, with a line for every fault.
@Suite("YAMLValueDecoder: Decodable from YAMLValue")
struct YAMLValueDecoderTests {
    struct Box<T: Decodable & Sendable>: Decodable, Sendable {
        let v: T
    }

    /// The value of `v` both ways: a value, or nil when the decoder refuses.
    static func bothWays<T: Decodable & Sendable>(_ type: T.Type, _ yaml: String) -> (yams: T?, ours: T?) {
        let yams = try? Yams.YAMLDecoder().decode(Box<T>.self, from: yaml).v
        let ours = try? YAMLValueDecoder().decode(Box<T>.self, from: YAMLReader.parse(yaml)).v
        return (yams, ours)
    }

    /// Scalars as profiles write them and as they might: booleans in YAML 1.1's spellings,
    /// integers with `_`, signs, prefixes and base 60, floats with exponents, infinities,
    /// quoted numbers (text, not numbers), block scalars, collections.
    static let scalars = [
        "true", "True", "TRUE", "tRuE", "false", "yes", "No", "on", "OFF", "y", "n", "1", "0", "-0", "+0",
        "12000", "12_000", "-5", "+7", "012", "08", "0x1F", "-0x1F", "0b101", "0o17", "1:30", "-1:30", "1:30.5",
        "190:20:30", "55", "55.5", "-55.5", "5.5e3", "1e3", "1E-2", ".5", ".inf", "+.inf", "-.inf", ".nan", ".NaN",
        "nan", "inf", "0x1p3", "1_000.5", "abc", "2026-03-31", "127", "128", "255", "256", "-129",
        "99999999999999999999", "'12000'", "\"true\"", "\"1.5\"", "'abc'", "\"\"", "|\n  12", ">\n  true",
        "[1, 2]", "{a: 1}", "12 000", "1,5", "æøå", "\"æ\\tø\"",
    ]

    @Test("Booleans, integers and floating-point numbers read as Yams read them", arguments: scalars)
    func scalarsAgreeWithYams(_ scalar: String) {
        let yaml = "v: \(scalar)\n"
        let bool = Self.bothWays(Bool.self, yaml)
        #expect(bool.yams == bool.ours, "Bool")
        let int = Self.bothWays(Int.self, yaml)
        #expect(int.yams == int.ours, "Int")
        let int8 = Self.bothWays(Int8.self, yaml)
        #expect(int8.yams == int8.ours, "Int8")
        let uint8 = Self.bothWays(UInt8.self, yaml)
        #expect(uint8.yams == uint8.ours, "UInt8")
        let uint = Self.bothWays(UInt.self, yaml)
        #expect(uint.yams == uint.ours, "UInt")
        let double = Self.bothWays(Double.self, yaml)
        #expect(double.yams == double.ours || (double.yams?.isNaN == true && double.ours?.isNaN == true), "Double")
        let float = Self.bothWays(Float.self, yaml)
        #expect(float.yams == float.ours || (float.yams?.isNaN == true && float.ours?.isNaN == true), "Float")
        let string = Self.bothWays(String.self, yaml)
        #expect(string.yams == string.ours, "String")
        let optional = Self.bothWays(Optional<Int>.self, yaml)
        #expect(optional.yams.map { $0 } == optional.ours.map { $0 }, "Int?")
    }

    @Test("Null is nil for an optional and an error, not the text \"~\", for a required value",
          arguments: ["", "~", "null", "Null", "NULL"])
    func null(_ scalar: String) throws {
        let value = try YAMLReader.parse("a: 1\nv: \(scalar)\n")
        struct Maybe: Decodable { let v: String? }
        #expect(try YAMLValueDecoder().decode(Maybe.self, from: value).v == nil)
        let error = #expect(throws: DecodingError.self) { try YAMLValueDecoder().decode(Box<String>.self, from: value) }
        guard case .valueNotFound? = error else { Issue.record("expected valueNotFound, got \(String(describing: error))"); return }
        let failure = try #require(error.flatMap(YAMLValueDecoder.failure(in:)))
        #expect(failure.line == 2)
        #expect(failure.message.da == "værdien mangler; skriv en tekst")
        // Quoted, the same words are text.
        #expect(try YAMLValueDecoder().decode(Box<String>.self, from: YAMLReader.parse("v: '\(scalar)'\n")).v == scalar)
    }

    struct Sheet: Decodable {
        enum Colour: String, Decodable, CaseIterable { case red, green }
        struct Row: Decodable {
            let name: String
            let count: Int
        }
        struct Checked: Decodable {
            struct TooLong: Error {}
            init(from decoder: Decoder) throws {
                if try decoder.singleValueContainer().decode(String.self).count > 3 { throw TooLong() }
            }
        }
        let title: String
        let rows: [Row]
        let colour: Colour?
        let checked: Checked?
        let limits: [String: Int]?
    }

    static func failure(_ yaml: String) throws -> (error: DecodingError, failure: YAMLDecodingFailure) {
        let value = try YAMLReader.parse(yaml)
        let error = try #require(#expect(throws: DecodingError.self) { try YAMLValueDecoder().decode(Sheet.self, from: value) })
        return (error, try #require(YAMLValueDecoder.failure(in: error), "no YAMLDecodingFailure in \(error)"))
    }

    @Test("Nested values decode; keys, lists, dictionaries and enumerations")
    func decodes() throws {
        let sheet = try YAMLValueDecoder().decode(Sheet.self, from: YAMLReader.parse("""
            title: Ark
            rows:
              - {name: a, count: 1}
              - name: b
                count: 2_000
            colour: green
            limits: {x: 1, y: 0x10}
            """))
        #expect(sheet.title == "Ark" && sheet.rows.map(\.name) == ["a", "b"] && sheet.rows.map(\.count) == [1, 2000])
        #expect(sheet.colour == .green && sheet.checked == nil && sheet.limits == ["x": 1, "y": 16])
    }

    @Test("A missing key is reported on the line of the key that holds the mapping")
    func missingKey() throws {
        let (error, failure) = try Self.failure("title: Ark\nrows:\n  - name: a\n    count: 1\n  - name: b\n")
        guard case .keyNotFound(let key, let context) = error else { Issue.record("\(error)"); return }
        #expect(key.stringValue == "count")
        #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["rows", "1"])
        #expect(failure.line == 5, "the list item's line")
        let (rootError, rootFailure) = try Self.failure("# a comment\nrows: []\n")
        guard case .keyNotFound(let rootKey, _) = rootError else { Issue.record("\(rootError)"); return }
        #expect(rootKey.stringValue == "title" && rootFailure.line == 2, "the root mapping's line")
    }

    @Test("A value of the wrong kind is reported on its own line")
    func wrongType() throws {
        let (error, failure) = try Self.failure("title: Ark\nrows:\n  - name: a\n    count: mange\n")
        guard case .typeMismatch = error else { Issue.record("\(error)"); return }
        #expect(failure.line == 4)
        #expect(failure.message == Message(da: "skal være et helt tal, ikke »mange«", en: "must be a whole number, not \"mange\""))
        let (_, quoted) = try Self.failure("title: Ark\nrows:\n  - name: a\n    count: \"12\"\n")
        #expect(quoted.line == 4, "a quoted number is text")
        let (_, list) = try Self.failure("title: [Ark]\nrows: []\n")
        #expect(list.line == 1 && list.message.da == "skal være en tekst, ikke en liste")
        let (empty, emptyFailure) = try Self.failure("title: Ark\nrows:\ncolour: red\n")
        guard case .valueNotFound = empty else { Issue.record("\(empty)"); return }
        #expect(emptyFailure.line == 2 && emptyFailure.message.da == "værdien mangler; skriv en liste")
    }

    @Test("An enumeration's unknown value names the values it has")
    func unknownCase() throws {
        let (error, failure) = try Self.failure("title: Ark\nrows: []\n\ncolour: blue\n")
        guard case .dataCorrupted = error else { Issue.record("\(error)"); return }
        #expect(failure.line == 4)
        #expect(failure.message.da == "»blue« kan ikke bruges; mulige værdier: red, green")
    }

    @Test("What a type's own initialiser throws gets the line of its value")
    func ownError() throws {
        let (error, failure) = try Self.failure("title: Ark\nrows: []\nchecked: abcdef\n")
        guard case .dataCorrupted(let context) = error else { Issue.record("\(error)"); return }
        #expect(context.codingPath.map(\.stringValue) == ["checked"])
        #expect(failure.line == 3)
        #expect(failure.underlying is Sheet.Checked.TooLong)
    }

    @Test("yamlLine gives a key's line to a type's validation; nil with another decoder")
    func lineOfKey() throws {
        struct Lined: Decodable {
            enum CodingKeys: String, CodingKey { case a, b }
            let lines: [Int?]
            init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                lines = [decoder.yamlLine, c.yamlLine(forKey: .a), c.yamlLine(forKey: .b)]
            }
        }
        let yaml = "# x\na: 1\n\nb:\n  - 2\n"
        #expect(try YAMLValueDecoder().decode(Lined.self, from: YAMLReader.parse(yaml)).lines == [2, 2, 5])
        #expect(try Yams.YAMLDecoder().decode(Lined.self, from: yaml).lines == [nil, nil, nil])
    }

    /// Only IndstilSupport's YAML files parse YAML; everything else reads `YAMLValue`, so
    /// aliases, size and depth are refused in one place.
    @Test("Only IndstilSupport/Source/YAML*.swift import Yams")
    func onlyTheYAMLLayerImportsYams() throws {
        let sources = TestPackage.root.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var importers: [String] = []
        var scanned = 0
        for case let file as URL in files where file.pathExtension == "swift" {
            scanned += 1
            let text = try String(contentsOf: file, encoding: .utf8)
            let imports = text.split(separator: "\n").contains { line in
                let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard let index = words.firstIndex(of: "import"), index + 1 < words.count else { return false }
                // "import Yams", "@_exported import Yams", "import struct Yams.Node"
                let module = words.count > index + 2 && !words[index + 1].contains(".") ? words[index + 2] : words[index + 1]
                return words[..<index].allSatisfy { $0.hasPrefix("@") || ["public", "package", "internal"].contains($0) }
                    && module.split(separator: ".").first == "Yams"
            }
            if imports { importers.append(String(file.path.dropFirst(sources.path.count + 1))) }
        }
        #expect(scanned > 100, "the scan found the sources")
        let allowed = importers.filter { $0.hasPrefix("IndstilSupport/Source/YAML") }
        #expect(!allowed.isEmpty, "the scan recognises the YAML layer's own import")
        #expect(importers == allowed, "only the YAML layer may import Yams: \(importers)")
    }
}
