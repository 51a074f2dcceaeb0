import Foundation
import Testing
import IndstilCore

@Suite("SourceText: bytes to text")
struct SourceTextTests {
    @Test("Invalid UTF-8 is reported on its line and column")
    func invalidUTF8() {
        let result = SourceText.decode(Data([0x61, 0x0A, 0x62, 0x0A, 0xFF]))  // "a\nb\n\xff"
        #expect(result == .failure(.invalidUTF8(line: 3, column: 1)))
    }

    @Test("Invalid UTF-8 after valid multi-byte characters")
    func invalidAfterMultibyte() {
        // "æø\nab\xC3(" : line 2; the bad sequence starts at byte column 3.
        var bytes = Array("æø\nab".utf8)
        bytes += [0xC3, 0x28]
        let result = SourceText.decode(Data(bytes))
        #expect(result == .failure(.invalidUTF8(line: 2, column: 3)))
        if case .failure(let failure) = result {
            #expect(failure.diagnostic.check == "input.invalid")
            #expect(failure.diagnostic.line == 2)
        }
    }

    @Test("A byte-order mark is removed")
    func bom() {
        let result = SourceText.decode(Data([0xEF, 0xBB, 0xBF] + Array("---\nprofil: x\n".utf8)))
        #expect(result == .success("---\nprofil: x\n"))
    }

    @Test("CRLF and lone CR become LF")
    func lineEnds() {
        #expect(SourceText.decode(Data("a\r\nb\r\nc".utf8)) == .success("a\nb\nc"))
        #expect(SourceText.decode(Data("a\rb\r\n".utf8)) == .success("a\nb\n"))
        #expect(SourceText.decode(Data("æ\nø\n".utf8)) == .success("æ\nø\n"))
    }
}

@Suite("YAMLReader: front matter with lines and limits")
struct YAMLReaderTests {
    @Test("Lines of values include the offset")
    func lines() throws {
        let value = try YAMLReader.parse("titel: Et\ndato: 2026-03-31\n", lineOffset: 1)
        #expect(value.entry("titel")?.keyLine == 2)
        #expect(value.entry("dato")?.keyLine == 3)
        #expect(value["dato"]?.string == "2026-03-31")
    }

    @Test("A syntax error reports its line plus the offset")
    func syntaxError() {
        // Line 3 is indented under a scalar: "mapping values are not allowed in this context".
        let text = "titel: Et\ndato: 2026-03-31\n  til: Byrådet\n"
        let plain = #expect(throws: YAMLError.self) { try YAMLReader.parse(text) }
        #expect(plain?.line == 3)
        let shifted = #expect(throws: YAMLError.self) { try YAMLReader.parse(text, lineOffset: 1) }
        #expect(shifted?.line == 4)
    }

    @Test("An alias bomb is refused at once")
    func aliasBomb() {
        var lines = ["a: &a [x,x,x,x,x,x,x,x,x]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        let text = lines.joined(separator: "\n") + "\n"
        #expect(lines.count == 9)
        var error: YAMLError?
        var parsed = false
        let elapsed = ContinuousClock().measure {
            do throws(YAMLError) {
                _ = try YAMLReader.parse(text, lineOffset: 1)
                parsed = true
            } catch let thrown {
                error = thrown
            }
        }
        #expect(!parsed, "the alias bomb was accepted")
        #expect(error?.line == 3, "the first alias is on line 2 of the YAML, file line 3")
        #expect(elapsed < .seconds(2), "took \(elapsed)")
    }

    @Test("A duplicate key is reported on its second occurrence")
    func duplicateKey() {
        let text = "titel: Et\ndato: 2026-03-31\ntitel: To\n"
        let error = #expect(throws: YAMLError.self) { try YAMLReader.parse(text, lineOffset: 1) }
        #expect(error?.line == 4)
        #expect(error?.message.en.contains("titel") == true)
    }

    @Test("A duplicate key inside a group is reported on its second occurrence")
    func duplicateNestedKey() {
        let text = "titel: Et\nsagsbehandler:\n  navn: Ida\n  email: a@b.dk\n  navn: Ole\n"
        let error = #expect(throws: YAMLError.self) { try YAMLReader.parse(text) }
        #expect(error?.line == 5)
    }

    @Test("A duplicate top-level key after the same key in a list item")
    func duplicateKeyAfterNestedNamesake() {
        // "dato" appears in an earlier decision (line 3, legitimately) and twice at the top (lines 1 and 5).
        let text = "dato: 2026-03-31\ntidligere_beslutninger:\n  - dato: 2020-01-01\n    tekst: Godkendt\ndato: 2026-04-01\n"
        let error = #expect(throws: YAMLError.self) { try YAMLReader.parse(text) }
        #expect(error?.line == 5)
    
    }

    @Test("Keys of the same text but different YAML types are not duplicates (as in Yams)")
    func sameTextDifferentTypeKeys() throws {
        // "true" quoted is a string, true plain a boolean; "1" a string, 1 an integer.
        let value = try YAMLReader.parse("\"true\": a\ntrue: b\n\"1\": c\n1: d\n")
        #expect(value.entries.map(\.key) == ["true", "true", "1", "1"])
        #expect(value.entries.map(\.keyLine) == [1, 2, 3, 4])
    }

    @Test("A duplicate key after keys of the same text but different types is still reported")
    func duplicateAfterSameTextDifferentType() {
        let text = "\"yes\": a\nyes: b\ntitel: Et\ntitel: To\n"
        let error = #expect(throws: YAMLError.self) { try YAMLReader.parse(text) }
        #expect(error?.line == 4)
        #expect(error?.message.en.contains("titel") == true)
    }

    @Test("A real alias is refused with its line")
    func realAlias() {
        let error = #expect(throws: YAMLError.self) { try YAMLReader.parse("a: &x Aarhus\nb: *x\n", lineOffset: 1) }
        #expect(error?.line == 3)
    }

    @Test("A star inside a plain text value is not an alias")
    func starInPlainScalar() throws {
        // Valid YAML: a plain scalar may hold "*" and "&" after its first character.
        let text = "titel: Plan for *alle* borgere\nafdeling: Sundhed & Omsorg\n"
        let value = try YAMLReader.parse(text)
        #expect(value["titel"]?.string == "Plan for *alle* borgere")
        #expect(value["afdeling"]?.string == "Sundhed & Omsorg")
    
        // Without an "&" anywhere the same title is read.
        #expect(try YAMLReader.parse("titel: Plan for *alle* borgere\n")["titel"]?.string == "Plan for *alle* borgere")
    }

    @Test("Deep nesting is refused without crashing")
    func deepNesting() {
        let text = "a: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
        let error = #expect(throws: YAMLError.self) { try YAMLReader.parse(text, lineOffset: 1) }
        #expect(error?.line == 2)
        #expect(error?.message.en.contains("nested") == true)
    }

    @Test("Nesting within the limit is accepted")
    func shallowNesting() throws {
        let text = "a: " + String(repeating: "[", count: 10) + "x" + String(repeating: "]", count: 10) + "\n"
        var value = try #require(try YAMLReader.parse(text)["a"])
        for _ in 0..<10 {
            #expect(value.items.count == 1)
            value = try #require(value.items.first)
        }
        #expect(value.string == "x")
    }
}

@Suite("MarkdownParser on hostile input")
struct MarkdownParserLimitTests {
    @Test("20,000 nested block quotes are flattened, quickly")
    func nestedQuotes() {
        let text = String(repeating: "> ", count: 20_000) + "x"
        var result: MarkdownParser.Result?
        let elapsed = ContinuousClock().measure {
            result = MarkdownParser.parse(text, lineOffset: 4)
        }
        #expect(result?.flattenedAtLine == 5)
        #expect(result?.root.plainText.contains("x") == true)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test("A few nested quotes are kept as they are")
    func shallowQuotes() {
        let result = MarkdownParser.parse(String(repeating: "> ", count: 10) + "x")
        #expect(result.flattenedAtLine == nil)
    }

    @Test("50,000 opening brackets parse quickly")
    func brackets() {
        let text = String(repeating: "[", count: 50_000)
        var result: MarkdownParser.Result?
        let elapsed = ContinuousClock().measure {
            result = MarkdownParser.parse(text)
        }
        #expect(result?.root.plainText.filter { $0 == "[" }.count == 50_000)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }
}
