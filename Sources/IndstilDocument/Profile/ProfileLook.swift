import Foundation
import IndstilSupport

/// A municipality's look, from the profile's `look:` block: its Word template, logo,
/// letterhead and the stylesheet variables of HTML and PDF. Every part is optional; a
/// profile without `look:` keeps indstil's own look.
///
/// ```yaml
/// look:
///   word_template: skabelon.dotx          # .dotx or .docx, beside profile.yml
///   logo: {file: logo.svg, alt: "Vesterå Kommune"}
///   letterhead:
///     - "{afdeling}"
///     - "Vesterå Kommune, Torvet 1, 9990 Vesterå"
///     - "Direkte telefon: {sagsbehandler.telefon}"
///   theme: {font: "Georgia, serif", accent: "#005a8c"}
/// ```
///
/// Paths are relative to the profile's folder and may not leave it; they are checked when
/// the profile is loaded (`resolved(in:)`), so a missing logo is a profile error, not a
/// missing picture in a published document. An SVG logo is checked then too and every
/// output gets it sanitised (`SVGSanitizer`): one with a DTD or entities is refused.
public struct ProfileLook: Sendable, Decodable, Equatable {
    public struct Logo: Sendable, Decodable, Equatable {
        /// Path relative to the profile folder (SVG or PNG).
        public let file: String
        /// Alternative text; required, as the logo is the sender's name in picture form.
        public let alt: String
    }

    /// Path of the Word template relative to the profile folder, nil for indstil's own styles.
    public let wordTemplate: String?
    public let logo: Logo?
    /// Lines with `{field}` placeholders from the front matter (as in `layout.sidebar`);
    /// a line without placeholders is shown as written.
    public let letterhead: [String]
    /// Stylesheet variables by name (`ThemeVariable`), written as CSS custom properties.
    public let theme: [String: String]

    package enum CodingKeys: String, CodingKey {
        case logo, letterhead, theme
        case wordTemplate = "word_template"
    }

    public init(wordTemplate: String? = nil, logo: Logo? = nil, letterhead: [String] = [], theme: [String: String] = [:]) {
        self.wordTemplate = wordTemplate
        self.logo = logo
        self.letterhead = letterhead
        self.theme = theme
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        wordTemplate = try c.decodeIfPresent(String.self, forKey: .wordTemplate)
        logo = try c.decodeIfPresent(Logo.self, forKey: .logo)
        letterhead = try c.decodeIfPresent([String].self, forKey: .letterhead) ?? []
        theme = try c.decodeIfPresent([String: String].self, forKey: .theme) ?? [:]
        try validate(c)
    }

    /// A variable's name under `theme`, for its line.
    private struct ThemeKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { return nil }
    }

    /// `c` gives the lines (when read by `YAMLValueDecoder`).
    private func validate(_ c: KeyedDecodingContainer<CodingKeys>) throws {
        if let logo {
            let line = c.yamlLine(forKey: .logo)
            guard Self.logoMediaType(logo.file) != nil else {
                throw ProfileFormatError(Message(da: "look.logo.file '\(logo.file)': logoet skal være en .svg- eller .png-fil",
                                                 en: "look.logo.file '\(logo.file)': the logo must be an .svg or .png file"),
                                         line: line)
            }
            guard !logo.alt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ProfileFormatError(Message(da: "look.logo.alt: logoet skal have en alternativ tekst",
                                                 en: "look.logo.alt: the logo needs an alternative text"),
                                         line: line)
            }
        }
        if let wordTemplate {
            let ext = (wordTemplate as NSString).pathExtension.lowercased()
            guard ext == "dotx" || ext == "docx" else {
                let macro = ext == "dotm" || ext == "docm"
                throw ProfileFormatError(
                    Message(da: "look.word_template '\(wordTemplate)': "
                                + (macro ? "skabeloner med makroer (.\(ext)) bruges ikke; gem skabelonen som .dotx"
                                         : "Word-skabelonen skal være en .dotx- eller .docx-fil"),
                            en: "look.word_template '\(wordTemplate)': "
                                + (macro ? "templates with macros (.\(ext)) are not used; save the template as .dotx"
                                         : "the Word template must be a .dotx or .docx file")),
                    line: c.yamlLine(forKey: .wordTemplate))
            }
        }
        let themeLines = try? c.nestedContainer(keyedBy: ThemeKey.self, forKey: .theme)
        // In the order written, so the first bad variable is the one reported.
        for name in (themeLines?.allKeys.map(\.stringValue) ?? theme.keys.sorted()) {
            guard let value = theme[name] else { continue }
            let line = themeLines?.yamlLine(forKey: ThemeKey(stringValue: name))
            guard let variable = ThemeVariable(rawValue: name) else {
                let known = ThemeVariable.allCases.map(\.rawValue).joined(separator: ", ")
                throw ProfileFormatError(Message(da: "look.theme.\(name): ukendt variabel (kendte: \(known))",
                                                 en: "look.theme.\(name): unknown variable (known: \(known))"),
                                         line: line)
            }
            guard variable.accepts(value) else {
                throw ProfileFormatError(Message(da: "look.theme.\(name): værdien '\(value)' kan ikke bruges (\(variable.expectation))",
                                                 en: "look.theme.\(name): the value '\(value)' cannot be used (\(variable.expectation))"),
                                         line: line)
            }
        }
    }

    /// "image/svg+xml" or "image/png" by the file's extension, nil for anything else.
    public static func logoMediaType(_ path: String) -> String? {
        switch (path as NSString).pathExtension.lowercased() {
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        default: return nil
        }
    }

    /// The look's files as checked URLs inside `folder`; throws a `ProfileFormatError` when a file
    /// is missing or its path leaves the profile folder.
    package func resolved(in folder: URL) throws -> ResolvedProfileLook {
        func file(_ path: String, _ key: String) throws -> URL {
            let root = folder.standardizedFileURL.resolvingSymlinksInPath()
            let url = folder.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath()
            guard !path.hasPrefix("/"), url.path.hasPrefix(root.path + "/") else {
                throw ProfileFormatError(Message(da: "look.\(key) '\(path)' skal ligge i profilens mappe",
                                                 en: "look.\(key) '\(path)' must be in the profile's folder"),
                                         key: "look.\(key)")
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
                throw ProfileFormatError(Message(da: "look.\(key) '\(path)' findes ikke i profilens mappe",
                                                 en: "look.\(key) '\(path)' does not exist in the profile's folder"),
                                         key: "look.\(key)")
            }
            return url
        }
        let resolvedLogo = try logo.map { ResolvedProfileLook.Logo(file: try file($0.file, "logo.file"), alt: $0.alt,
                                                                   mediaType: Self.logoMediaType($0.file) ?? "image/png") }
        // An SVG that cannot be made safe (a DTD, entities, not XML) is a profile error.
        if let resolvedLogo, let logo {
            do { _ = try resolvedLogo.contents() } catch {
                throw ProfileFormatError(Message(da: "look.logo.file '\(logo.file)': \(error.description)",
                                                 en: "look.logo.file '\(logo.file)': \(error.description)"),
                                         key: "look.logo.file")
            }
        }
        return ResolvedProfileLook(
            wordTemplate: try wordTemplate.map { try file($0, "word_template") },
            logo: resolvedLogo,
            letterhead: letterhead,
            theme: ThemeVariable.allCases.compactMap { variable in theme[variable.rawValue].map { (variable, $0) } })
    }
}

/// The look with its files found: what the renderers use.
public struct ResolvedProfileLook: Sendable {
    public struct Logo: Sendable {
        public let file: URL
        public let alt: String
        /// "image/svg+xml" or "image/png".
        public let mediaType: String

        public init(file: URL, alt: String, mediaType: String) {
            self.file = file
            self.alt = alt
            self.mediaType = mediaType
        }

        /// The bytes every output embeds: a PNG as it is, an SVG through `SVGSanitizer`
        /// (no scripts, no references outside the file, no DTD). Read anew each time, so a
        /// file changed after the profile was loaded is checked again.
        public func contents() throws(SVGSanitizer.Refusal) -> Data {
            guard let data = try? Data(contentsOf: file) else {
                throw SVGSanitizer.Refusal(description: "logoet kan ikke læses")
            }
            return mediaType == "image/svg+xml" ? try SVGSanitizer.sanitize(data) : data
        }
    }

    public let wordTemplate: URL?
    public let logo: Logo?
    public let letterhead: [String]
    /// In `ThemeVariable.allCases` order, so the stylesheet is the same bytes every run.
    public let theme: [(variable: ThemeVariable, value: String)]

    public static let none = ResolvedProfileLook(wordTemplate: nil, logo: nil, letterhead: [], theme: [])
}
