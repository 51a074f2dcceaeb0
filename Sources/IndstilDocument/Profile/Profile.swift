import Foundation
import IndstilSupport

/// A house style: what a document of this kind must contain and how it is laid out.
/// Loaded from `profile.yml` at run time, so municipalities add their own without Swift.
public struct Profile: Sendable, Decodable {
    public let id: String
    public let name: String
    public let description: String
    /// The document-type label printed above everything ("Indstilling").
    public let documentLabel: String
    /// The `type` that `indstil new` accepts for this profile (indstilling, bilag …).
    public let documentType: String
    public let numberSections: Bool
    public let headingStyle: HeadingStyle
    public let fields: [FieldSpec]
    public let sections: [SectionSpec]
    /// True when headings other than the skeleton's may follow it (appendix analyses).
    public let allowOtherSections: Bool
    public let decision: DecisionSpec?
    public let councilReason: CouncilReasonSpec?
    public let length: LengthSpec?
    public let readability: ReadabilitySpec
    /// Unknown words' level and the profile's own words (`spelling:`).
    public package(set) var spelling: SpellingSpec
    public let layout: LayoutSpec
    /// A budget catalogue's theme sheets (`catalogue:`), nil for other documents.
    public let catalogue: CatalogueSpec?
    /// The municipality's look (`look:`): Word template, logo, letterhead, stylesheet variables.
    public let look: ProfileLook

    /// Folder the profile was loaded from (its templates live there too).
    public var folder: URL?
    /// `look` with its files found in `folder` (set by `ProfileStore.load`).
    public package(set) var resolvedLook: ResolvedProfileLook = .none

    public enum HeadingStyle: String, Sendable, Decodable, CaseIterable {
        case asWritten = "as_written"
        case upper
    }

    package enum CodingKeys: String, CodingKey {
        case id, name, description, fields, sections, decision, length, readability, layout, spelling
        case documentLabel = "document_label"
        case documentType = "document_type"
        case numberSections = "number_sections"
        case headingStyle = "heading_style"
        case allowOtherSections = "allow_other_sections"
        case councilReason = "council_reason"
        case catalogue, look
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        documentLabel = try c.decode(String.self, forKey: .documentLabel)
        documentType = try c.decodeIfPresent(String.self, forKey: .documentType) ?? "indstilling"
        numberSections = try c.decodeIfPresent(Bool.self, forKey: .numberSections) ?? false
        headingStyle = try c.decodeIfPresent(HeadingStyle.self, forKey: .headingStyle) ?? .asWritten
        fields = try c.decode([FieldSpec].self, forKey: .fields)
        sections = try c.decode([SectionSpec].self, forKey: .sections)
        allowOtherSections = try c.decodeIfPresent(Bool.self, forKey: .allowOtherSections) ?? false
        decision = try c.decodeIfPresent(DecisionSpec.self, forKey: .decision)
        councilReason = try c.decodeIfPresent(CouncilReasonSpec.self, forKey: .councilReason)
        length = try c.decodeIfPresent(LengthSpec.self, forKey: .length)
        readability = try c.decodeIfPresent(ReadabilitySpec.self, forKey: .readability) ?? ReadabilitySpec()
        spelling = try c.decodeIfPresent(SpellingSpec.self, forKey: .spelling) ?? SpellingSpec()
        layout = try c.decodeIfPresent(LayoutSpec.self, forKey: .layout) ?? LayoutSpec()
        catalogue = try c.decodeIfPresent(CatalogueSpec.self, forKey: .catalogue)
        look = try c.decodeIfPresent(ProfileLook.self, forKey: .look) ?? ProfileLook()
        folder = nil
        try validate(c)
    }

    /// The key under `decision` and `council_reason` that names a section.
    private enum SectionKey: String, CodingKey { case section }

    /// Checks what no single part can; `c` gives the lines (when read by `YAMLValueDecoder`).
    private func validate(_ c: KeyedDecodingContainer<CodingKeys>) throws {
        let ids = sections.map(\.id)
        if Set(ids).count != ids.count {
            // The line of the first section whose id came before.
            var lines: [Int?] = []
            if var list = try? c.nestedUnkeyedContainer(forKey: .sections) {
                while !list.isAtEnd, let item = try? list.superDecoder() { lines.append(item.yamlLine) }
            }
            let repeated = ids.indices.first { ids[..<$0].contains(ids[$0]) }
            let line = repeated.flatMap { $0 < lines.count ? lines[$0] : nil } ?? c.yamlLine(forKey: .sections)
            throw ProfileFormatError(Message(da: "afsnittenes id (sections) skal være forskellige: \(ids.joined(separator: ", "))",
                                             en: "section ids must be unique: \(ids.joined(separator: ", "))"),
                                     line: line)
        }
        func sectionLine(_ key: CodingKeys) -> Int? {
            (try? c.nestedContainer(keyedBy: SectionKey.self, forKey: key))?.yamlLine(forKey: .section)
        }
        if let decision, !ids.contains(decision.section) {
            throw ProfileFormatError(Message(da: "decision.section '\(decision.section)' er ikke et af afsnittene (sections)",
                                             en: "decision.section '\(decision.section)' is not one of the sections"),
                                     line: sectionLine(.decision))
        }
        if let councilReason, !ids.contains(councilReason.section) {
            throw ProfileFormatError(Message(da: "council_reason.section '\(councilReason.section)' er ikke et af afsnittene (sections)",
                                             en: "council_reason.section '\(councilReason.section)' is not one of the sections"),
                                     line: sectionLine(.councilReason))
        }
    }

    public func section(withID id: String) -> SectionSpec? {
        sections.first { $0.id == id }
    }

    /// The skeleton section a heading names, matched case-insensitively, with or
    /// without a leading number, through the aliases.
    public func sectionSpec(forHeading heading: String) -> SectionSpec? {
        let key = Self.headingKey(heading)
        return sections.first { spec in
            spec.headingKeys.contains(key)
        }
    }

    /// "3. Hvorfor skal byrådet behandle sagen?" → "hvorfor skal byrådet behandle sagen".
    public static func headingKey(_ heading: String) -> String {
        var text = Substring(heading.foldingWhitespace)
        if let numberEnd = text.firstIndex(where: { !$0.isNumber && $0 != "." }), numberEnd > text.startIndex,
           text[text.startIndex..<numberEnd].first?.isNumber == true {
            text = text[numberEnd...].drop { $0 == " " || $0 == ")" }
        }
        let folded = text.lowercased().filter { !$0.isPunctuation || $0 == "/" }
        return folded.foldingWhitespace
    }
}

/// A profile that reads as YAML but says something that cannot be used (a choice field
/// without values, a decision in no section, a logo that is not SVG or PNG).
public struct ProfileFormatError: Error, Sendable, CustomStringConvertible {
    public let message: Message
    /// The line in profile.yml, nil when not known (the decoder then gives the line of the
    /// value whose initialiser threw).
    public let line: Int?
    /// The dotted key of the value at fault ("look.logo.file"), for its line when the
    /// fault is found after decoding (a logo file that is missing).
    package let key: String?

    package init(_ message: Message, line: Int? = nil, key: String? = nil) {
        self.message = message
        self.line = line
        self.key = key
    }

    public var description: String { message.da }
}

public struct FieldSpec: Sendable, Decodable {
    public enum Kind: String, Sendable, Decodable, CaseIterable {
        case text, date, email, phone, pattern, list, choice, group, integer, path
    }

    public let key: String
    public let label: String?
    public let type: Kind
    public let required: Bool
    /// Required only when another field has a given value (begrundelse when status is lukket).
    public let requiredWhen: [String: String]?
    public let pattern: String?
    /// `pattern`, compiled once when the profile is loaded (case-sensitive).
    public let compiledPattern: CompiledPattern?
    public let patternHint: String?
    public let values: [String]?
    public let fields: [FieldSpec]?
    /// Other names the field goes by where a Word document keeps it: a document property
    /// or content control named by a case system ("CaseNumber", "Journalnummer").
    public let aliases: [String]?
    /// A sample value `indstil new` writes, in the author's words.
    public let example: String?
    public let guidance: String?

    package enum CodingKeys: String, CodingKey {
        case key, label, type, required, pattern, values, fields, aliases, example, guidance
        case requiredWhen = "required_when"
        case patternHint = "pattern_hint"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        label = try c.decodeIfPresent(String.self, forKey: .label)
        type = try c.decodeIfPresent(Kind.self, forKey: .type) ?? .text
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        requiredWhen = try c.decodeIfPresent([String: String].self, forKey: .requiredWhen)
        pattern = try c.decodeIfPresent(String.self, forKey: .pattern)
        patternHint = try c.decodeIfPresent(String.self, forKey: .patternHint)
        values = try c.decodeIfPresent([String].self, forKey: .values)
        fields = try c.decodeIfPresent([FieldSpec].self, forKey: .fields)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases)
        example = try c.decodeIfPresent(String.self, forKey: .example)
        guidance = try c.decodeIfPresent(String.self, forKey: .guidance)
        if type == .pattern {
            guard let pattern else {
                throw ProfileFormatError(Message(da: "feltet '\(key)' af typen pattern skal have et pattern",
                                                 en: "field '\(key)' of type pattern needs a pattern"),
                                         line: c.yamlLine(forKey: .type))
            }
            do { compiledPattern = try CompiledPattern(pattern, caseInsensitive: false) } catch {
                throw ProfileFormatError(Message(da: "feltet '\(key)': ugyldigt regulært udtryk \(pattern)",
                                                 en: "field '\(key)': invalid pattern \(pattern)"),
                                         line: c.yamlLine(forKey: .pattern))
            }
        } else {
            compiledPattern = nil
        }
        if type == .choice && (values ?? []).isEmpty {
            throw ProfileFormatError(Message(da: "feltet '\(key)' af typen choice skal have værdier (values)",
                                             en: "field '\(key)' of type choice needs values"),
                                     line: c.yamlLine(forKey: .values) ?? c.yamlLine(forKey: .type))
        }
    }

    public var displayName: String { label ?? key }
}

public struct SectionSpec: Sendable, Decodable {
    public let id: String
    public let heading: String
    public let aliases: [String]
    public let required: Bool
    public let maxCharacters: Int?
    /// The section may hold just "-" (nothing to add), as rådmandsindstillinger do.
    public let allowDash: Bool
    public let guidance: String?
    /// `Profile.headingKey` of the heading and of each alias, worked out once when the
    /// profile is read rather than for every heading of every document.
    let headingKeys: [String]

    package enum CodingKeys: String, CodingKey {
        case id, heading, aliases, required, guidance
        case maxCharacters = "max_characters"
        case allowDash = "allow_dash"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        heading = try c.decode(String.self, forKey: .heading)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? true
        maxCharacters = try c.decodeIfPresent(Int.self, forKey: .maxCharacters)
        allowDash = try c.decodeIfPresent(Bool.self, forKey: .allowDash) ?? false
        guidance = try c.decodeIfPresent(String.self, forKey: .guidance)
        headingKeys = ([heading] + aliases).map(Profile.headingKey)
    }
}

public struct DecisionSpec: Sendable, Decodable {
    public let section: String
    /// "Det indstilles på magistratens anbefaling:"
    public let leadIn: String
    /// How a point is rendered: "At {n}) {tekst}" or "{n}) {tekst}".
    public let form: String
    /// Who decides: each point must name one of these first (after an optional "at").
    public let subjects: [String]

    package enum CodingKeys: String, CodingKey {
        case section, form, subjects
        case leadIn = "lead_in"
    }
}

public struct CouncilReasonSpec: Sendable, Decodable {
    public let section: String
    public let grounds: [Ground]

    public struct Ground: Sendable, Decodable {
        public let id: String
        public let label: String
        public let patterns: [CompiledPattern]
    }
}

/// A case-insensitive regular expression from a profile, compiled once.
public struct CompiledPattern: @unchecked Sendable, Decodable {
    // NSRegularExpression is immutable and documented as safe to share between threads.
    public let source: String
    public let regex: NSRegularExpression

    public init(_ source: String, caseInsensitive: Bool = true) throws {
        self.source = source
        self.regex = try NSRegularExpression(pattern: source, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    public init(from decoder: Decoder) throws {
        let source = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(source) } catch {
            throw ProfileFormatError(Message(da: "ugyldigt regulært udtryk \(source)", en: "invalid pattern \(source)"))
        }
    }

    public func matches(_ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

public struct LengthSpec: Sendable, Decodable {
    public enum Scope: String, Sendable, Decodable, CaseIterable {
        /// Everything the rendered document shows (the contract's "Antal tegn").
        case document
        /// Only the skeleton sections, headings included.
        case body
    }

    public var maxCharacters: Int
    public let scope: Scope

    package enum CodingKeys: String, CodingKey {
        case scope
        case maxCharacters = "max_characters"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        maxCharacters = try c.decode(Int.self, forKey: .maxCharacters)
        scope = try c.decodeIfPresent(Scope.self, forKey: .scope) ?? .document
    }
}

public struct ReadabilitySpec: Sendable, Decodable {
    public let lixMax: Double
    public let sentenceMaxWords: Int
    /// The profile's own stiff phrases and plain replacements, added to indstil's list, and
    /// phrases of that list it accepts (`plain_language: {phrases: {…}, ignore: […]}`).
    public let plainLanguage: PlainLanguageSpec

    package enum CodingKeys: String, CodingKey {
        case lixMax = "lix_max"
        case sentenceMaxWords = "sentence_max_words"
        case plainLanguage = "plain_language"
    }

    public init(lixMax: Double = 55, sentenceMaxWords: Int = 35, plainLanguage: PlainLanguageSpec = PlainLanguageSpec()) {
        self.lixMax = lixMax
        self.sentenceMaxWords = sentenceMaxWords
        self.plainLanguage = plainLanguage
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lixMax = try c.decodeIfPresent(Double.self, forKey: .lixMax) ?? 55
        sentenceMaxWords = try c.decodeIfPresent(Int.self, forKey: .sentenceMaxWords) ?? 35
        plainLanguage = try c.decodeIfPresent(PlainLanguageSpec.self, forKey: .plainLanguage) ?? PlainLanguageSpec()
    }
}

public struct PlainLanguageSpec: Sendable, Decodable {
    /// Phrase → plain replacement, sorted by phrase.
    public let phrases: [(phrase: String, instead: String)]
    public let ignore: [String]

    package enum CodingKeys: String, CodingKey { case phrases, ignore }

    public init(phrases: [(phrase: String, instead: String)] = [], ignore: [String] = []) {
        self.phrases = phrases
        self.ignore = ignore
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        phrases = (try c.decodeIfPresent([String: String].self, forKey: .phrases) ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        ignore = try c.decodeIfPresent([String].self, forKey: .ignore) ?? []
    }
}

/// What the rendered document shows around the sections. Lines are templates with
/// `{field.path}` placeholders; a line whose fields are all empty is left out.
/// `{antal_tegn}` is the computed character count (never part of the count itself).
public struct LayoutSpec: Sendable, Decodable {
    public let header: [String]
    public let afterTitle: [String]
    public let sidebar: [String]
    public let defaultSignature: String?

    package enum CodingKeys: String, CodingKey {
        case header, sidebar
        case afterTitle = "after_title"
        case defaultSignature = "default_signature"
    }

    public init(header: [String] = [], afterTitle: [String] = [], sidebar: [String] = [], defaultSignature: String? = nil) {
        self.header = header
        self.afterTitle = afterTitle
        self.sidebar = sidebar
        self.defaultSignature = defaultSignature
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        header = try c.decodeIfPresent([String].self, forKey: .header) ?? []
        afterTitle = try c.decodeIfPresent([String].self, forKey: .afterTitle) ?? []
        sidebar = try c.decodeIfPresent([String].self, forKey: .sidebar) ?? []
        defaultSignature = try c.decodeIfPresent(String.self, forKey: .defaultSignature)
    }
}
