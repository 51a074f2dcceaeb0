import Foundation
import Testing
import IndstilCore
import IndstilTestSupport
import Yams

/// profile.yml read through `YAMLReader` and `YAMLValueDecoder`: what Yams' `YAMLDecoder`
/// read before for every shipped profile, and every fault with its line.
@Suite("Profile loading through YAMLValue")
struct ProfileLoadingTests {
    /// Every profile.yml shipped: Templates/ and the examples' own profiles/ folders.
    static let shippedProfiles: [String] = {
        let root = TestPackage.root
        var paths: [String] = []
        for folder in ["Templates", "examples"] {
            guard let files = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in files where file.lastPathComponent == "profile.yml" {
                paths.append(String(file.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
            }
        }
        return paths.sorted()
    }()

    /// Everything a value holds, as text: regular expressions by pattern and options,
    /// dictionaries sorted (their order differs between two equal ones).
    static func canonical(_ value: Any) -> String {
        if let regex = value as? NSRegularExpression { return "regex(\(regex.pattern), \(regex.options.rawValue))" }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            return mirror.children.first.map { "some(\(canonical($0.value)))" } ?? "nil"
        }
        if mirror.children.isEmpty { return "\(type(of: value))(\(value))" }
        var parts = mirror.children.map { "\($0.label ?? "")=\(canonical($0.value))" }
        if mirror.displayStyle == .dictionary || mirror.displayStyle == .set { parts.sort() }
        return "\(type(of: value)){\(parts.joined(separator: ", "))}"
    }

    @Test("The shipped profiles are found")
    func shippedProfilesFound() {
        #expect(Self.shippedProfiles.contains("Templates/aarhus-byraad/profile.yml"))
        #expect(Self.shippedProfiles.contains("examples/vesteraa/profiles/vesteraa-byraad/profile.yml"))
        #expect(Self.shippedProfiles.count >= 7, "\(Self.shippedProfiles)")
    }

    @Test("Every shipped profile reads as Yams' YAMLDecoder read it", arguments: shippedProfiles)
    func shippedProfileUnchanged(_ path: String) throws {
        let file = TestPackage.root.appendingPathComponent(path)
        let text = try String(contentsOf: file, encoding: .utf8)
        let old = try Yams.YAMLDecoder().decode(Profile.self, from: text)
        let new = try YAMLValueDecoder().decode(Profile.self, from: YAMLReader.parse(text))
        let oldText = Self.canonical(old)
        #expect(oldText.count > 1000 && oldText.contains("headingKeys="), "the comparison sees the whole profile")
        #expect(oldText.contains("regex(") == text.contains("pattern"), "and its regular expressions")
        #expect(Self.canonical(new) == oldText)
        let loaded = try ProfileStore.load(file).get()
        #expect(loaded.id == old.id && loaded.folder == file.deletingLastPathComponent())
    }

    // MARK: - Faults

    /// The shipped aarhus-byraad profile as `id: test-profil`, changed by `edit`, loaded
    /// from a project folder.
    static func load(_ edit: (String) -> String) throws -> (ProfileLoadError, text: String) {
        let shipped = try String(contentsOf: TestPackage.root.appendingPathComponent("Templates/aarhus-byraad/profile.yml"), encoding: .utf8)
        let text = edit(shipped.replacingOccurrences(of: "\nid: aarhus-byraad\n", with: "\nid: test-profil\n"))
        let project = try TempFolder("profile")
        let file = try project.write("profiles/test-profil/profile.yml", text)
        switch ProfileStore.load(file) {
        case .success: throw LoadedAnyway()
        case .failure(let error): return (error, text)
        }
    }

    struct LoadedAnyway: Error {}

    /// The 1-based line of the first line of `text` that starts with `prefix`.
    static func line(_ prefix: String, in text: String) throws -> Int {
        let lines = text.components(separatedBy: "\n")
        return try #require(lines.firstIndex { $0.hasPrefix(prefix) }, "no line starts with \(prefix)") + 1
    }

    static func replacing(_ old: String, _ new: String) -> (String) -> String {
        { text in
            precondition(text.contains(old), "the shipped profile has no \(old)")
            return text.replacingOccurrences(of: old, with: new)
        }
    }

    @Test("The edited profile loads unedited (so the faults below are the edits')")
    func baseline() throws {
        let shipped = try String(contentsOf: TestPackage.root.appendingPathComponent("Templates/aarhus-byraad/profile.yml"), encoding: .utf8)
        let project = try TempFolder("profile")
        let file = try project.write("profiles/test-profil/profile.yml",
                                     shipped.replacingOccurrences(of: "\nid: aarhus-byraad\n", with: "\nid: test-profil\n"))
        #expect(throws: Never.self) { try ProfileStore.load(file).get() }
    }

    @Test("An alias is refused on its line, as in front matter")
    func alias() throws {
        let (error, text) = try Self.load {
            Self.replacing("document_type: indstilling\n", "document_type: *etiket\n")(
                Self.replacing("document_label: Indstilling\n", "document_label: &etiket Indstilling\n")($0))
        }
        #expect(error.line == (try Self.line("document_type: *etiket", in: text)))
        #expect(error.message.da.hasPrefix("YAML-aliasser (*navn) bruges ikke"), "\(error)")
    }

    @Test("A missing key is reported on the line of the key that holds it")
    func missingKey() throws {
        let (error, text) = try Self.load(Self.replacing("  lead_in: \"Det indstilles på magistratens anbefaling:\"\n", ""))
        #expect(error.line == (try Self.line("decision:", in: text)))
        #expect(error.message.da == "mangler nøglen 'lead_in' under 'decision'")
        #expect(error.message.en == "the key 'lead_in' is missing under 'decision'")
        #expect(error.description == "\(error.path):\(error.line ?? 0): profilen kan ikke læses: mangler nøglen 'lead_in' under 'decision'")
        let (rootError, rootText) = try Self.load(Self.replacing("document_label: Indstilling\n", ""))
        #expect(rootError.message.da == "mangler nøglen 'document_label' under ''")
        #expect(rootError.line == (try Self.line("id: test-profil", in: rootText)), "the root mapping begins with its first key")
    }

    @Test("A word where a number belongs is reported on its line")
    func wrongType() throws {
        let (error, text) = try Self.load(Self.replacing("  max_characters: 12000\n", "  max_characters: mange\n"))
        #expect(error.line == (try Self.line("  max_characters: mange", in: text)))
        #expect(error.message.da == "'length.max_characters': skal være et helt tal, ikke »mange«")
        #expect(error.message.en == "'length.max_characters': must be a whole number, not \"mange\"")
        let (quoted, _) = try Self.load(Self.replacing("  max_characters: 12000\n", "  max_characters: \"12000\"\n"))
        #expect(quoted.line == error.line, "a quoted number is text, as Yams read it")
    }

    @Test("An unknown field type names the types there are")
    func unknownKind() throws {
        let (error, text) = try Self.load(Self.replacing("{key: fra, label: Fra, type: text,", "{key: fra, label: Fra, type: tekst,"))
        #expect(error.line == (try Self.line("  - {key: fra,", in: text)))
        #expect(error.message.da == "'fields.[3].type': »tekst« kan ikke bruges; mulige værdier: text, date, email, phone, pattern, list, choice, group, integer, path")
    }

    @Test("A profile's own validation gives the line of what it refuses")
    func validation() throws {
        let (choice, choiceText) = try Self.load(Self.replacing("type: choice, values: [åben, lukket],", "type: choice,"))
        #expect(choice.message == Message(da: "feltet 'status' af typen choice skal have værdier (values)",
                                          en: "field 'status' of type choice needs values"))
        #expect(choice.line == (try Self.line("  - {key: status", in: choiceText)))

        let (decision, decisionText) = try Self.load(Self.replacing("  section: beslutningspunkter\n", "  section: beslutninger\n"))
        #expect(decision.message.da == "decision.section 'beslutninger' er ikke et af afsnittene (sections)")
        #expect(decision.line == (try Self.line("  section: beslutninger", in: decisionText)))

        let (twice, twiceText) = try Self.load(Self.replacing("  - id: vaerdi\n", "  - id: resume\n"))
        #expect(twice.message.da.hasPrefix("afsnittenes id (sections) skal være forskellige: resume, beslutningspunkter"))
        let resumeLines = twiceText.components(separatedBy: "\n").indices.filter { twiceText.components(separatedBy: "\n")[$0] == "  - id: resume" }
        #expect(resumeLines.count == 2)
        #expect(twice.line == resumeLines.last.map { $0 + 1 }, "the line of the second section with the id")

        let (pattern, patternText) = try Self.load(Self.replacing("    pattern: '^\\d{2}-\\d{6}$'\n", "    pattern: '^\\d{2}-(\\d{6}$'\n"))
        #expect(pattern.line == (try Self.line("    pattern: '^\\d{2}-(", in: patternText)))
        #expect(pattern.message.en == "field 'sagsnummer': invalid pattern ^\\d{2}-(\\d{6}$")
    }

    @Test("A bad look points at its line, also when the file is found missing after decoding")
    func look() throws {
        let (theme, themeText) = try Self.load { $0 + "look:\n  theme:\n    font: Georgia\n    heading: grøn\n" }
        #expect(theme.message.da == "look.theme.heading: værdien 'grøn' kan ikke bruges (en farve som #005a8c)")
        #expect(theme.line == (try Self.line("    heading: grøn", in: themeText)))

        let (logo, logoText) = try Self.load { $0 + "look:\n  letterhead: [Kommunen]\n  logo:\n    alt: Kommunen\n    file: mangler.svg\n" }
        #expect(logo.message.da == "look.logo.file 'mangler.svg' findes ikke i profilens mappe")
        #expect(logo.message.en == "look.logo.file 'mangler.svg' does not exist in the profile's folder")
        #expect(logo.line == (try Self.line("    file: mangler.svg", in: logoText)))
    }

    @Test("Too many values and too deep nesting are refused, as in front matter")
    func limits() throws {
        let many = "extra: [" + Array(repeating: "1", count: YAMLReader.nodeBudget + 1).joined(separator: ", ") + "]\n"
        let (budget, _) = try Self.load { $0 + many }
        #expect(budget.message.da.hasPrefix("YAML-data er for store"), "\(budget)")
        #expect(budget.line != nil)

        let deep = "extra: " + String(repeating: "[", count: YAMLReader.maximumDepth + 2) + String(repeating: "]", count: YAMLReader.maximumDepth + 2) + "\n"
        let (depth, depthText) = try Self.load { $0 + deep }
        #expect(depth.message.da.hasPrefix("YAML-data er nestet for dybt"), "\(depth)")
        #expect(depth.line == (try Self.line("extra: [[", in: depthText)))
    }

    @Test("A profile.yml that is no profile at all says so on line 1")
    func notAMapping() throws {
        let (error, _) = try Self.load { _ in "- en liste\n" }
        #expect(error.line == 1)
        #expect(error.message.da == "'': skal være nøgler med værdier (»nøgle: værdi«), ikke en liste")
    }

    @Test("Invalid UTF-8 is reported on its line; an empty file as no mapping")
    func unreadable() throws {
        let project = try TempFolder("profile")
        let file = try project.write("profiles/test-profil/profile.yml", data: Data("id: test-profil\nname: x\nlabel: \u{e6}".utf8.dropLast(1) + [0xE6]))
        guard case .failure(let error) = ProfileStore.load(file) else { Issue.record("loaded"); return }
        #expect(error.line == 3 && error.message.da.hasPrefix("Filen er ikke gyldig UTF-8"), "\(error)")
        let empty = try project.write("profiles/tom/profile.yml", "")
        guard case .failure(let emptyError) = ProfileStore.load(empty) else { Issue.record("loaded"); return }
        #expect(emptyError.line == 1 && emptyError.message.da == "'': værdien mangler; skriv nøgler med værdier (»nøgle: værdi«)", "\(emptyError)")
    }

    @Test("A folder name that differs from the id points at the id's line")
    func wrongID() throws {
        let (error, text) = try Self.load(Self.replacing("\nid: test-profil\n", "\nid: en-anden\n"))
        #expect(error.message.da == "id 'en-anden' skal svare til mappens navn 'test-profil'")
        #expect(error.line == (try Self.line("id: en-anden", in: text)))
    }
}
