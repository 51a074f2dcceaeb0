import IndstilSupport
import IndstilDocument

/// SARIF 2.1.0 (OASIS), the format code-scanning services read: one run, one rule per
/// check, one result per diagnostic. Deterministic: the same reports give the same bytes.
///
/// `tool.driver.rules` lists every rule of `CheckRegistry.rules` (in that order), then the
/// check ids of out-of-process plugins that occur in the diagnostics, sorted by id, so
/// every result's `ruleId` is a rule and `ruleIndex` points at it. A plugin's rule and
/// results carry `properties.plugin` (its name; the rule also the tag "plugin"), so a
/// reader can tell them from indstil's own.
public enum SARIFReporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The version `indstil --version` prints.
    public static let toolVersion = IndstilVersion.current
    /// The base the relative artifact URIs are resolved against (the checked-out sources).
    public static let sourceRootBaseID = "%SRCROOT%"

    public static func report(_ reports: [FileReport], language: Language) -> String {
        let rules = ruleDescriptors(for: reports)
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = index }

        var artifactIndex: [String: Int] = [:]
        var artifacts: [JSONValue] = []
        for file in reports where artifactIndex[file.path] == nil {
            artifactIndex[file.path] = artifacts.count
            artifacts.append(.object([
                ("location", artifactLocation(file.path, index: nil)),
                ("roles", .array([.string("analysisTarget")])),
            ]))
        }

        var results: [JSONValue] = []
        for file in reports {
            for d in file.diagnostics {
                results.append(.object([
                    ("ruleId", .string(d.check)),
                    ("ruleIndex", .int(ruleIndex[d.check] ?? -1)),
                    ("level", .string(level(d.severity))),
                    ("message", .object([("text", .string(d.message.text(language)))])),
                    ("locations", .array([.object([
                        ("physicalLocation", .object([
                            ("artifactLocation", artifactLocation(file.path, index: artifactIndex[file.path])),
                            ("region", .object([
                                ("startLine", .int(d.line)),
                                ("startColumn", .int(d.column)),
                            ])),
                        ])),
                    ] + (d.heading.map { [("logicalLocations", JSONValue.array([.object([
                        ("name", .string($0)), ("kind", .string("section")),
                    ])]))] } ?? []))])),
                ] + (d.pluginName.map { [("properties", JSONValue.object([("plugin", .string($0))]))] } ?? [])))
            }
        }

        let driver = JSONValue.object([
            ("name", .string("indstil")),
            ("semanticVersion", .string(toolVersion)),
            ("rules", .array(rules.map { rule in
                .object([
                    ("id", .string(rule.id)),
                    ("shortDescription", .object([("text", .string(rule.summary.text(language)))])),
                    ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
                ] + (rule.plugin.map { [("properties", JSONValue.object([
                    ("plugin", .string($0)), ("tags", .array([.string("plugin")])),
                ]))] } ?? []))
            })),
        ])
        let run = JSONValue.object([
            ("tool", .object([("driver", driver)])),
            ("language", .string(language.rawValue)),
            // Diagnostics count columns in characters; for Danish text that is code points.
            ("columnKind", .string("unicodeCodePoints")),
            ("artifacts", .array(artifacts)),
            ("results", .array(results)),
        ])
        let root = JSONValue.object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return root.serialized() + "\n"
    }

    /// SARIF's `level` for a severity.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .note: "note"
        case .warning: "warning"
        case .error: "error"
        }
    }

    package struct Rule {
        package let id: String
        package let severity: Severity
        package let summary: Message
        /// The plugin whose check this is, nil for a built-in rule.
        package var plugin: String? = nil
    }

    /// Every rule of the registry, then every other id used in `reports` (a plugin's own
    /// checks), by id.
    static func ruleDescriptors(for reports: [FileReport]) -> [Rule] {
        var rules = CheckRegistry.rules.map { Rule(id: $0.id, severity: $0.defaultSeverity, summary: $0.summary) }
        let known = Set(rules.map(\.id))
        var extra: [String: Severity] = [:]
        for d in reports.flatMap(\.diagnostics) where !known.contains(d.check) {
            extra[d.check] = max(extra[d.check] ?? d.severity, d.severity)
        }
        for (id, severity) in extra.sorted(by: { $0.key < $1.key }) {
            let plugin = PluginNames.plugin(ofCheck: id)
            let summary = plugin.map { Message(da: "Kontrollen »\(id)« fra pluginet »\($0)«", en: "The check \"\(id)\" from the plugin \"\($0)\"") }
                ?? Message(da: "Kontrollen »\(id)«", en: "The check \"\(id)\"")
            rules.append(Rule(id: id, severity: severity, summary: summary, plugin: plugin))
        }
        return rules
    }

    /// The file as SARIF names it: a relative path against `%SRCROOT%`, an absolute one as a file URI.
    static func artifactLocation(_ path: String, index: Int?) -> JSONValue {
        var entries: [(String, JSONValue)]
        if path.hasPrefix("/") {
            entries = [("uri", .string("file://" + percentEncodedPath(path)))]
        } else {
            entries = [("uri", .string(percentEncodedPath(path))), ("uriBaseId", .string(sourceRootBaseID))]
        }
        if let index { entries.append(("index", .int(index))) }
        return .object(entries)
    }

    /// A path as a URI reference: unreserved characters, sub-delimiters, `:`, `@` and `/`
    /// stay; everything else (spaces, `%`, `#`, `?`, non-ASCII as UTF-8) is percent-encoded.
    /// A relative path whose first segment holds a `:` gets `./` so it is not read as a scheme.
    static func percentEncodedPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case _ where "-._~!$&'()*+,;=:@/".utf8.contains(byte):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        if !path.hasPrefix("/"), let firstSegment = out.split(separator: "/", omittingEmptySubsequences: false).first,
           firstSegment.contains(":") {
            out = "./" + out
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
