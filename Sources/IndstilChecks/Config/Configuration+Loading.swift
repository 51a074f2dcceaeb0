import Foundation
import IndstilSupport
import IndstilDocument

/// Reading `indstil.yml`: its keys, its check settings (each id a registered rule or a
/// configured plugin's) and its plugins (never named after one of indstil's own areas).
extension Configuration {
    public struct Invalid: Error, Sendable, CustomStringConvertible, IndstilErrorConvertible {
        public let path: String
        public let line: Int
        public let message: Message
        public var indstilError: IndstilError { IndstilError(message, file: path, line: line) }
        public var description: String { indstilError.text(.da) }
    }

    /// The configuration for work started in `folder`: the nearest `indstil.yml` upward.
    public static func discover(from folder: URL) throws(Invalid) -> Configuration {
        guard let root = ProjectRoot.find(from: folder) else { return Configuration() }
        return try load(root.appendingPathComponent(ProjectRoot.configName))
    }

    public static func load(_ file: URL) throws(Invalid) -> Configuration {
        let path = file.path
        func invalid(_ line: Int, _ da: String, _ en: String) -> Invalid {
            Invalid(path: path, line: line, message: Message(da: da, en: en))
        }
        let text: String
        switch SourceText.read(file) {
        case .failure(let failure): throw invalid(failure.diagnostic.line, failure.diagnostic.message.da, failure.diagnostic.message.en)
        case .success(let read): text = read
        }
        let root: YAMLValue
        do { root = try YAMLReader.parse(text) } catch { throw invalid(error.line, error.message.da, error.message.en) }
        var config = Configuration()
        let folder = file.deletingLastPathComponent().standardizedFileURL
        config.root = folder
        var checkLines: [String: Int] = [:]
        try config.readProjectWordList(in: folder, invalid: invalid)
        if case .null = root.content { return config }
        guard case .mapping(let entries) = root.content else {
            throw invalid(root.line, "indstil.yml skal være nøgler med værdier", "indstil.yml must be keys with values")
        }
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "profile":
                guard let id = value.trimmedString, !id.isEmpty else {
                    throw invalid(entry.keyLine, "»profile« skal være et profil-id, fx aarhus-byraad", "\"profile\" must be a profile id, e.g. aarhus-byraad")
                }
                config.defaultProfile = id
            case "profile_paths", "plugin_paths":
                let paths = try folders(value, key: entry.key, relativeTo: folder, invalid: invalid)
                if entry.key == "profile_paths" { config.profileFolders = paths } else { config.pluginFolders = paths }
            case "checks":
                config.checks = try checkSettings(value, invalid: invalid)
                checkLines = Dictionary(value.entries.map { ($0.key, $0.keyLine) }, uniquingKeysWith: { first, _ in first })
            case "plugins":
                config.plugins = try plugins(value, invalid: invalid)
            case "plugin_concurrency":
                guard let number = value.trimmedString.flatMap(Int.init), (1...16).contains(number) else {
                    throw invalid(value.line, "»plugin_concurrency« skal være et tal fra 1 til 16", "\"plugin_concurrency\" must be a number from 1 to 16")
                }
                config.pluginConcurrency = number
            case "spelling":
                try config.readSpelling(value, relativeTo: folder, invalid: invalid)
            default:
                throw invalid(entry.keyLine,
                              "Ukendt nøgle »\(entry.key)« i indstil.yml (kendte: profile, profile_paths, checks, plugins, plugin_paths, plugin_concurrency, spelling)",
                              "Unknown key \"\(entry.key)\" in indstil.yml (known: profile, profile_paths, checks, plugins, plugin_paths, plugin_concurrency, spelling)")
            }
        }
        try config.validateCheckIDs(lines: checkLines, invalid: invalid)
        return config
    }

    /// `ordliste.txt` beside indstil.yml, when there is one.
    mutating func readProjectWordList(in folder: URL, invalid: (Int, String, String) -> Invalid) throws(Invalid) {
        let file = folder.appendingPathComponent(Self.projectWordList)
        guard FileManager.default.fileExists(atPath: file.path) else { return }
        guard ProjectRoot.contains(folder, file) else {
            throw Invalid(path: file.path, line: 1, message: Message(da: "»\(Self.projectWordList)« peger uden for projektet",
                                                                      en: "\"\(Self.projectWordList)\" leaves the project"))
        }
        switch SpellingSpec.readWordList(file) {
        case .success(let words): spellingWords += words
        case .failure(let unread):
            throw Invalid(path: file.path, line: unread.diagnostic.line, message: unread.diagnostic.message)
        }
    }

    /// `spelling: {words: [...], word_files: [...]}`: more accepted words, and files of them
    /// inside the project.
    mutating func readSpelling(_ value: YAMLValue, relativeTo folder: URL, invalid: (Int, String, String) -> Invalid) throws(Invalid) {
        guard case .mapping(let entries) = value.content else {
            if value.isEmpty { return }
            throw invalid(value.line, "»spelling« skal have »words« og/eller »word_files«", "\"spelling\" must have \"words\" and/or \"word_files\"")
        }
        for entry in entries {
            switch entry.key {
            case "words":
                for item in (entry.value.string != nil ? [entry.value] : entry.value.items) {
                    guard let word = item.trimmedString else {
                        throw invalid(item.line, "»spelling.words« skal være en liste af ord", "\"spelling.words\" must be a list of words")
                    }
                    if !word.isEmpty { spellingWords.append(word) }
                }
            case "word_files":
                for file in try Self.paths(entry.value, key: "spelling.word_files", kind: ("filer", "files"), relativeTo: folder, invalid: invalid) {
                    switch SpellingSpec.readWordList(file.url) {
                    case .success(let words): spellingWords += words
                    case .failure(let unread):
                        throw invalid(file.line, "»spelling.word_files«: \(file.url.lastPathComponent): \(unread.diagnostic.message.da)",
                                      "\"spelling.word_files\": \(file.url.lastPathComponent): \(unread.diagnostic.message.en)")
                    }
                }
            default:
                throw invalid(entry.keyLine, "Ukendt nøgle »\(entry.key)« under »spelling« (kendte: words, word_files)",
                              "Unknown key \"\(entry.key)\" under \"spelling\" (known: words, word_files)")
            }
        }
    }

    /// The paths a key lists (one, or a list), each inside the project after links are
    /// resolved, with its line; `kind` names what they must be in the message ("filer").
    static func paths(_ value: YAMLValue, key: String, kind: (da: String, en: String), relativeTo folder: URL,
                      invalid: (Int, String, String) -> Invalid) throws(Invalid) -> [(url: URL, line: Int)] {
        let items = value.string != nil ? [value] : value.items
        guard value.string != nil || !items.isEmpty || value.isEmpty else {
            throw invalid(value.line, "»\(key)« skal være en liste af \(kind.da)", "\"\(key)\" must be a list of \(kind.en)")
        }
        var found: [(url: URL, line: Int)] = []
        for item in items {
            guard let path = item.trimmedString, !path.isEmpty else {
                throw invalid(item.line, "»\(key)« skal være en liste af \(kind.da)", "\"\(key)\" must be a list of \(kind.en)")
            }
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
            guard ProjectRoot.contains(folder, url) else {
                throw invalid(item.line, "»\(path)« peger uden for projektet", "\"\(path)\" leaves the project")
            }
            found.append((url.standardizedFileURL, item.line))
        }
        return found
    }

    package static func folders(_ value: YAMLValue, key: String, relativeTo folder: URL, invalid: (Int, String, String) -> Invalid) throws(Invalid) -> [URL] {
        try paths(value, key: key, kind: ("mapper", "folders"), relativeTo: folder, invalid: invalid).map(\.url)
    }

    static func checkSettings(_ value: YAMLValue, invalid: (Int, String, String) -> Invalid) throws(Invalid) -> [String: CheckSetting] {
        guard case .mapping(let entries) = value.content else {
            if value.isEmpty { return [:] }
            throw invalid(value.line, "»checks« skal have et kontrol-id pr. linje, fx »readability.lix: error«", "\"checks\" must map check ids to settings, e.g. \"readability.lix: error\"")
        }
        var settings: [String: CheckSetting] = [:]
        for entry in entries {
            var setting = CheckSetting(severity: nil, options: [:])
            if let word = entry.value.trimmedString {
                setting.severity = try level(word, line: entry.value.line, invalid: invalid)
            } else if case .mapping(let options) = entry.value.content {
                for option in options {
                    if option.key == "severity" {
                        setting.severity = try level(option.value.trimmedString ?? "", line: option.value.line, invalid: invalid)
                    } else {
                        setting.options[option.key] = option.value
                    }
                }
            } else {
                throw invalid(entry.value.line, "»\(entry.key)« skal være off, note, warning, error eller indstillinger", "\"\(entry.key)\" must be off, note, warning, error or settings")
            }
            settings[entry.key] = setting
        }
        return settings
    }

    /// A check id in `checks:` must be a rule of `CheckRegistry.rules` or start with a
    /// configured plugin's name ("ordliste.forbudt-ord"): a typo must not silently do
    /// nothing. A mandatory rule may not be lowered or turned off.
    func validateCheckIDs(lines: [String: Int], invalid: (Int, String, String) -> Invalid) throws(Invalid) {
        let pluginNames = Set(plugins.map(\.name))
        for id in checks.keys.sorted() {
            if let rule = CheckRegistry.rule(withID: id) {
                if rule.isMandatory, let level = checks[id]?.severity, level != .error {
                    throw invalid(lines[id] ?? 1, "Kontrollen »\(id)« kan ikke sættes til »\(level.rawValue)«: den skal altid være en fejl (\(rule.summary.da.lowercasedFirst))",
                                  "The check \"\(id)\" cannot be set to \"\(level.rawValue)\": it is always an error (\(rule.summary.en.lowercasedFirst))")
                }
                continue
            }
            let prefix = String(id.split(separator: ".").first ?? "")
            if pluginNames.contains(prefix) { continue }
            throw invalid(lines[id] ?? 1, "Ukendt kontrol »\(id)« i »checks« (se »indstil checks«; et plugins kontroller begynder med pluginets navn)",
                          "Unknown check \"\(id)\" under \"checks\" (see \"indstil checks\"; a plugin's checks start with the plugin's name)")
        }
    }

    package static func level(_ word: String, line: Int, invalid: (Int, String, String) -> Invalid) throws(Invalid) -> Level {
        guard let level = Level(rawValue: word.lowercased()) else {
            throw invalid(line, "»\(word)« er ikke et niveau; brug off, note, warning eller error", "\"\(word)\" is not a level; use off, note, warning or error")
        }
        return level
    }

    package static func plugins(_ value: YAMLValue, invalid: (Int, String, String) -> Invalid) throws(Invalid) -> [Plugin] {
        if value.isEmpty { return [] }
        guard case .sequence(let items) = value.content else {
            throw invalid(value.line, "»plugins« skal være en liste", "\"plugins\" must be a list")
        }
        var plugins: [Plugin] = []
        for item in items {
            let name = item["name"]?.trimmedString ?? ""
            let commandValue = item["command"]
            let command = commandValue?.string.map { $0.split(separator: " ").map(String.init) } ?? commandValue?.items.compactMap(\.trimmedString) ?? []
            guard !name.isEmpty, !command.isEmpty else {
                throw invalid(item.line, "Et plugin skal have »name« og »command«", "A plugin needs \"name\" and \"command\"")
            }
            // A plugin may not speak as a built-in area or as another plugin.
            let nameLine = item.entries.first { $0.key == "name" }?.value.line ?? item.line
            if let problem = PluginNames.problem(with: name) { throw invalid(nameLine, problem.da, problem.en) }
            if plugins.contains(where: { $0.name == name }) {
                throw invalid(nameLine, "To plugins hedder »\(name)«: et plugins navn skal være entydigt, så dets fund kan skelnes fra de andres",
                              "Two plugins are named \"\(name)\": a plugin's name must be unique, so its findings can be told apart")
            }
            for entry in item.entries where !["name", "command", "timeout"].contains(entry.key) {
                throw invalid(entry.keyLine, "Ukendt nøgle »\(entry.key)« i plugin »\(name)« (kendte: name, command, timeout)", "Unknown key \"\(entry.key)\" in plugin \"\(name)\" (known: name, command, timeout)")
            }
            var timeout: TimeInterval = 10
            if let raw = item["timeout"] {
                guard let seconds = raw.trimmedString.flatMap(Double.init), seconds > 0, seconds <= 600 else {
                    throw invalid(raw.line, "»timeout« skal være sekunder fra 0 til 600", "\"timeout\" must be seconds from 0 to 600")
                }
                timeout = seconds
            }
            plugins.append(Plugin(name: name, command: command, timeout: timeout, line: item.line))
        }
        return plugins
    }
}

private extension String {
    /// "Filen kan …" → "filen kan …", for a summary inside a sentence.
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
