import Foundation

/// Reads an agenda manifest (`type: dagsorden`), loads and checks every item's
/// indstilling and every appendix, numbers the appendices per item, lays the items out
/// in time and runs the agenda's own checks:
///
/// - `agenda.time`: times contiguous and within the meeting (see `AgendaSchedule`);
/// - `agenda.duration`: an item's minutes equal its indstilling's `forventet_tidsforbrug`;
/// - `agenda.meeting-date`: the indstilling's `moededato` is the meeting's date;
/// - `agenda.closed`: an item whose indstilling is closed is closed on the agenda too,
///   and a closed item states why (`begrundelse`);
/// - `agenda.title`: the manifest's title of an item is its indstilling's title, and a
///   bilag list's title is the attachment's own (for PDF and DOCX: it appears on its
///   first pages; a warning, as the text of a PDF is read approximately);
/// - `style.placeholder`: template leftovers in the manifest and inside PDF and DOCX
///   attachments (indstillinger get all the ordinary checks).
///
/// Diagnostics are grouped per file, the manifest first.
public struct AgendaAssembler: Sendable {
    public var runner: CheckRunner

    /// The profile of an indstilling that names none (and no `--profile` or indstil.yml default).
    public static let defaultRecommendationProfile = "aarhus-raadmand"

    public init(runner: CheckRunner = CheckRunner()) {
        self.runner = runner
    }

    public struct Outcome: Sendable {
        /// nil when the manifest itself could not be read.
        public let agenda: ResolvedAgenda?
        public let reports: [FileReport]

        public var hasErrors: Bool { reports.contains { $0.diagnostics.contains { $0.severity == .error } } }
    }

    public func assemble(_ manifestURL: URL, displayPath: String) -> Outcome {
        let manifest: AgendaManifest
        switch AgendaManifest.load(manifestURL) {
        case .failure(let diagnostic):
            return Outcome(agenda: nil, reports: [FileReport(path: displayPath, diagnostics: [diagnostic])])
        case .success(let loaded):
            manifest = loaded
        }
        var work = Assembly(runner: runner, manifest: manifest, displayPath: displayPath)
        let items = manifest.items.enumerated().map { work.item($0.element, number: $0.offset + 1) }

        let schedule = AgendaSchedule(start: manifest.start, end: manifest.end, entries: items.map(\.schedule))
        work.add(displayPath, schedule.diagnostics)
        work.placeholders(in: manifest.yaml, path: displayPath)

        let resolved = zip(items, schedule.slots).map { draft, slot in
            ResolvedAgenda.Item(number: draft.number, title: draft.title, publicTitle: draft.publicTitle,
                                minutes: slot?.minutes ?? draft.schedule.minutes, slot: slot, isClosed: draft.isClosed,
                                closedReason: draft.reason, recommendation: draft.recommendation, appendices: draft.appendices)
        }
        return Outcome(agenda: ResolvedAgenda(manifest: manifest, items: resolved), reports: work.reports())
    }
}

/// The state of one assembly: the diagnostics per file as they are found.
private struct Assembly {
    struct ItemDraft {
        let number: Int
        let title: String
        let publicTitle: String
        let isClosed: Bool
        let reason: String?
        let recommendation: AnalyzedDocument?
        let appendices: [ResolvedAgenda.Appendix]
        let schedule: AgendaSchedule.Entry
    }

    let runner: CheckRunner
    let manifest: AgendaManifest
    let displayPath: String
    let folder: URL
    let displayFolder: String
    let paths: ManifestPaths
    let stores: ProfileStores
    var diagnostics: [String: [Diagnostic]] = [:]
    /// Files in the order they were first reported (the manifest first).
    var order: [String] = []

    init(runner: CheckRunner, manifest: AgendaManifest, displayPath: String) {
        self.runner = runner
        self.manifest = manifest
        self.displayPath = displayPath
        folder = manifest.url.deletingLastPathComponent().standardizedFileURL
        displayFolder = (displayPath as NSString).deletingLastPathComponent
        paths = ManifestPaths(manifestFolder: folder)
        stores = ProfileStores(extraFolders: runner.configuration.profileFolders)
        order = [displayPath]
        diagnostics[displayPath] = []
    }

    mutating func add(_ path: String, _ found: [Diagnostic]) {
        if diagnostics[path] == nil {
            order.append(path)
            diagnostics[path] = []
        }
        diagnostics[path]! += found
    }

    mutating func problem(_ check: String, _ severity: Severity = .error, in path: String? = nil, line: Int, _ da: String, _ en: String) {
        add(path ?? displayPath, [Diagnostic(check: check, severity: severity, message: Message(da: da, en: en), line: line)])
    }

    func reports() -> [FileReport] {
        let manifestReport = FileReport(path: displayPath, diagnostics: Diagnostic.sortedForOutput(runner.applyingConfiguredSeverity(diagnostics[displayPath] ?? [])))
        let others = order.dropFirst().sorted().map { path in
            FileReport(path: path, diagnostics: Diagnostic.sortedForOutput(runner.applyingConfiguredSeverity(diagnostics[path] ?? [])))
        }
        return [manifestReport] + others
    }

    /// A file as the user would name it: beside the manifest's path as given.
    func shown(_ url: URL) -> String {
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(base) else { return path }
        let relative = String(path.dropFirst(base.count))
        return displayFolder.isEmpty ? relative : "\(displayFolder)/\(relative)"
    }

    // MARK: - One item

    mutating func item(_ entry: AgendaManifest.Item, number: Int) -> ItemDraft {
        var recommendation: AnalyzedDocument?
        var recommendationPath = ""
        if let path = entry.recommendation {
            switch paths.resolve(path, relativeTo: folder, line: entry.recommendationLine) {
            case .failure(let problem):
                add(displayPath, [problem.diagnostic])
            case .success(let url):
                recommendationPath = shown(url)
                if url.pathExtension.lowercased() != "md" {
                    problem("input.invalid", line: entry.recommendationLine,
                            "Punkt \(number)s indstilling »\(path)« skal være en Markdown-fil (.md); læg PDF'er og andre filer under »bilag«",
                            "The indstilling of item \(number), \"\(path)\", must be a Markdown file (.md); put PDFs and other files under \"bilag\"")
                } else {
                    recommendation = analyzed(url, defaultProfile: AgendaAssembler.defaultRecommendationProfile, requireFrontMatter: true)
                }
            }
        }
        let frontMatter = recommendation?.document.frontMatter
        let documentTitle = recommendation.map(\.document.title).flatMap { $0.isEmpty ? nil : $0 }
        let title = documentTitle ?? entry.title ?? entry.recommendation.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "Punkt \(number)"

        // agenda.title: the agenda's title of the item is the indstilling's.
        if let listed = entry.title, let documentTitle, AttachmentText.comparable(listed) != AttachmentText.comparable(documentTitle) {
            problem("agenda.title", line: entry.titleLine,
                    "Punkt \(number) hedder »\(listed)« på dagsordenen, men indstillingen \(recommendationPath) hedder »\(documentTitle)«; slet »titel« her, så bruges indstillingens",
                    "Item \(number) is called \"\(listed)\" on the agenda, but the indstilling \(recommendationPath) is called \"\(documentTitle)\"; remove \"titel\" here to use the indstilling's")
        }

        // agenda.meeting-date
        if recommendation != nil, let dateValue = frontMatter?["moededato"], let text = dateValue.trimmedString,
           let date = CalendarDate(iso: text), date != manifest.date {
            problem("agenda.meeting-date", line: entry.recommendationLine,
                    "Indstillingen \(recommendationPath) er skrevet til mødet \(DanishFormat.date(date)) (»moededato« i linje \(dateValue.line)), men dagsordenen er for \(DanishFormat.date(manifest.date))",
                    "The indstilling \(recommendationPath) is written for the meeting of \(DanishFormat.date(date)) (\"moededato\" on line \(dateValue.line)), but the agenda is for \(DanishFormat.date(manifest.date))")
        }

        // agenda.closed
        let documentClosed = frontMatter?["status"]?.trimmedString?.lowercased() == "lukket"
        let isClosed = entry.isClosed ?? documentClosed
        if entry.isClosed == false && documentClosed {
            problem("agenda.closed", line: entry.statusLine,
                    "Punkt \(number) står som åbent, men indstillingen \(recommendationPath) har »status: lukket«; skriv »status: lukket« her, så kommer punktet kun i den lukkede dagsorden",
                    "Item \(number) is open on the agenda, but the indstilling \(recommendationPath) says \"status: lukket\"; write \"status: lukket\" here so the item goes only into the closed packet")
        }
        let reason = entry.reason ?? frontMatter?["begrundelse"]?.trimmedString.flatMap { $0.isEmpty ? nil : $0 }
        if isClosed && reason == nil && !(documentClosed && recommendation != nil) {
            problem("metadata.missing-field", line: entry.statusLine,
                    "Punkt \(number) er lukket, men der står ingen »begrundelse« for, at det behandles for lukkede døre",
                    "Item \(number) is closed, but no \"begrundelse\" says why it is dealt with behind closed doors")
        }

        // agenda.duration
        let expectedValue = frontMatter?["forventet_tidsforbrug"]
        let expected = expectedValue?.trimmedString.flatMap { Int($0) }
        let agendaMinutes = entry.minutes ?? entry.slot?.minutes
        if let agendaMinutes, let expected, let expectedValue, agendaMinutes != expected {
            problem("agenda.duration", line: entry.minutes != nil ? entry.minutesLine : entry.slotLine,
                    "Punkt \(number) har \(agendaMinutes) min. på dagsordenen, men indstillingen \(recommendationPath) forventer \(expected) min. (»forventet_tidsforbrug« i linje \(expectedValue.line))",
                    "Item \(number) has \(agendaMinutes) min. on the agenda, but the indstilling \(recommendationPath) expects \(expected) min. (\"forventet_tidsforbrug\" on line \(expectedValue.line))")
        }

        // Appendices: the indstilling, its own bilag, then the manifest's.
        var appendices: [ResolvedAgenda.Appendix] = []
        func append(title: String, documentNumber: Int?, closed: Bool, source: URL, content: ResolvedAgenda.Appendix.Content) {
            appendices.append(.init(item: number, number: appendices.count + 1, title: title, documentNumber: documentNumber,
                                    isClosed: closed || isClosed, source: source, content: content))
        }
        if let recommendation {
            append(title: "Indstilling – \(title)", documentNumber: nil, closed: false,
                   source: recommendation.document.url, content: .recommendation(recommendation))
            let documentFolder = recommendation.document.url.deletingLastPathComponent()
            for listed in recommendation.appendices {
                // Missing and escaping files are reported by the indstilling's own checks.
                guard let file = listed.file, case .success(let url) = paths.resolve(file, relativeTo: documentFolder, line: listed.fileLine) else { continue }
                if let content = appendixContent(url, listedTitle: listed.title, listPath: recommendationPath, line: listed.line) {
                    append(title: listed.title.isEmpty ? url.lastPathComponent : listed.title, documentNumber: listed.number,
                           closed: listed.isClosed, source: url, content: content)
                }
            }
        }
        for attachment in entry.attachments {
            switch paths.resolve(attachment.file, relativeTo: folder, line: attachment.fileLine) {
            case .failure(let problem):
                add(displayPath, [problem.diagnostic])
            case .success(let url):
                let isMarkdown = url.pathExtension.lowercased() == "md"
                guard attachment.title != nil || isMarkdown else {
                    problem("metadata.missing-field", line: attachment.line,
                            "Bilaget »\(attachment.file)« er ikke Markdown og skal have en »titel«",
                            "The appendix \"\(attachment.file)\" is not Markdown and needs a \"titel\"")
                    continue
                }
                guard let content = appendixContent(url, listedTitle: attachment.title ?? "", listPath: displayPath, line: attachment.line) else { continue }
                var title = attachment.title ?? ""
                if title.isEmpty {
                    switch content {
                    case .document(let analyzed), .recommendation(let analyzed): title = analyzed.document.title
                    case .notat(let body): title = Self.firstHeading(body) ?? ""
                    case .attachment: break
                    }
                }
                append(title: title.isEmpty ? url.deletingPathExtension().lastPathComponent : title, documentNumber: nil,
                       closed: attachment.isClosed ?? false, source: url, content: content)
            }
        }

        return ItemDraft(
            number: number, title: title, publicTitle: entry.publicTitle ?? "Lukket punkt", isClosed: isClosed, reason: reason,
            recommendation: recommendation, appendices: appendices,
            schedule: .init(minutes: entry.minutes ?? entry.slot?.minutes ?? expected, slot: entry.slot,
                            minutesLine: entry.minutesLine, slotLine: entry.slotLine, hasMinutes: entry.minutes != nil))
    }

    // MARK: - Files

    /// Loads and checks a Markdown file with front matter; nil when it cannot be read or has no profile.
    mutating func analyzed(_ url: URL, defaultProfile: String?, requireFrontMatter: Bool) -> AnalyzedDocument? {
        let path = shown(url)
        switch DocumentLoader.load(url, displayPath: path) {
        case .failed(let diagnostic):
            add(path, [diagnostic])
            return nil
        case .noFrontMatter:
            if requireFrontMatter {
                problem("input.invalid", in: path, line: 1,
                        "Indstillingen har ingen front matter; lav en ny med »indstil new indstilling --profile aarhus-raadmand«",
                        "The indstilling has no front matter; create one with \"indstil new indstilling --profile aarhus-raadmand\"")
            }
            return nil
        case .document(let document):
            var documentRunner = runner
            if document.profileID == nil && runner.profileOverride == nil && runner.configuration.defaultProfile == nil {
                guard let defaultProfile else { return nil }
                documentRunner.profileOverride = defaultProfile
            }
            add(path, documentRunner.check(document, stores: stores))
            let store = stores.store(forProjectRoot: ProjectRoot.find(from: url.deletingLastPathComponent()))
            guard case .success(let profile) = documentRunner.resolveProfile(for: document, store: store) else { return nil }
            return AnalyzedDocument(document: document, profile: profile)
        }
    }

    /// An appendix's content, checked; its title compared with the one the list gives it.
    mutating func appendixContent(_ url: URL, listedTitle: String, listPath: String, line: Int) -> ResolvedAgenda.Appendix.Content? {
        let fileExtension = url.pathExtension.lowercased()
        let name = url.lastPathComponent
        guard fileExtension == "md" else {
            let pages: [String]
            switch AttachmentText.read(url) {
            case .noText:
                return .attachment(fileExtension: fileExtension)
            case .unreadable:
                problem("input.invalid", in: listPath, line: line,
                        "Bilaget »\(name)« kan ikke læses som \(fileExtension.uppercased()); filen er beskadiget eller ikke det, navnet siger",
                        "The appendix \"\(name)\" cannot be read as \(fileExtension.uppercased()); the file is damaged or not what its name says")
                return nil
            case .pages(let text):
                pages = text
            }
            var seen: Set<String> = []
            for (index, page) in pages.enumerated() {
                for text in page.split(separator: "\n") {
                    guard let found = PlaceholderCheck.leftover(in: String(text)), seen.insert(found).inserted else { continue }
                    let place = fileExtension == "pdf" ? "på side \(index + 1) i »\(name)«" : "i »\(name)«"
                    let placeEN = fileExtension == "pdf" ? "on page \(index + 1) of \"\(name)\"" : "in \"\(name)\""
                    problem("style.placeholder", in: listPath, line: line,
                            "Skabelonrest »\(found)« \(place): ret bilaget, før det kommer på dagsordenen",
                            "Template leftover \"\(found)\" \(placeEN): fix the appendix before it goes on the agenda")
                }
            }
            let wanted = AttachmentText.comparable(AttachmentText.withoutFileExtension(listedTitle))
            let opening = AttachmentText.comparable(pages.prefix(2).joined(separator: " "))
            if !wanted.isEmpty && !opening.contains(wanted) {
                problem("agenda.title", .warning, in: listPath, line: line,
                        "Bilaget hedder »\(listedTitle)« i bilagslisten, men den titel står ikke på de første sider af »\(name)«; ret titlen i listen eller i bilaget",
                        "The appendix is called \"\(listedTitle)\" in the list, but that title is not on the first pages of \"\(name)\"; fix the title in the list or in the appendix")
            }
            return .attachment(fileExtension: fileExtension)
        }

        if let analyzed = analyzed(url, defaultProfile: nil, requireFrontMatter: false) {
            let own = analyzed.document.title
            if !listedTitle.isEmpty && !own.isEmpty && AttachmentText.comparable(listedTitle) != AttachmentText.comparable(own) {
                problem("agenda.title", in: listPath, line: line,
                        "Bilaget hedder »\(listedTitle)« i bilagslisten, men »\(own)« i \(shown(url)); brug samme titel begge steder",
                        "The appendix is called \"\(listedTitle)\" in the list, but \"\(own)\" in \(shown(url)); use the same title in both places")
            }
            return .document(analyzed)
        }
        // A notat: Markdown as written, with or without front matter (but without a profile).
        let path = shown(url)
        guard (diagnostics[path] ?? []).isEmpty, case .success(let text) = SourceText.read(url) else { return nil }
        let split = FrontMatterSplit.split(text)
        let body = MarkdownParser.parse(split.body, lineOffset: split.bodyLineOffset).root
        let found = PlaceholderCheck.leftovers(inBlocks: body.children).map { leftover, textLine in
            Diagnostic(check: "style.placeholder", severity: .error,
                       message: Message(da: "Skabelonrest »\(leftover)«: erstat den med den rigtige tekst",
                                        en: "Template leftover \"\(leftover)\": replace it with the real text"),
                       line: textLine)
        }
        add(path, runner.applyingConfiguredSeverity(found))
        var own: String?
        if case .document(let document) = DocumentLoader.parse(text, url: url, displayPath: path), !document.title.isEmpty {
            own = document.title
        } else if let first = body.children.first, case .heading(1) = first.kind {
            own = first.plainText.foldingWhitespace
        }
        if let own, !listedTitle.isEmpty, AttachmentText.comparable(listedTitle) != AttachmentText.comparable(own) {
            problem("agenda.title", in: listPath, line: line,
                    "Bilaget hedder »\(listedTitle)« i bilagslisten, men »\(own)« i \(path); brug samme titel begge steder",
                    "The appendix is called \"\(listedTitle)\" in the list, but \"\(own)\" in \(path); use the same title in both places")
        }
        return .notat(body)
    }

    static func firstHeading(_ body: MarkdownNode) -> String? {
        body.children.first { if case .heading = $0.kind { return true } else { return false } }?.plainText.foldingWhitespace
    }

    /// `style.placeholder` for every manifest value that still holds a template leftover.
    mutating func placeholders(in value: YAMLValue, path: String) {
        for (found, line) in PlaceholderCheck.leftovers(in: value) {
            problem("style.placeholder", in: path, line: line,
                    "Skabelonrest »\(found)«: erstat den med den rigtige tekst", "Template leftover \"\(found)\": replace it with the real text")
        }
    }
}
