import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// Assembles a meeting's agenda packet (`type: dagsorden`): reads every item's indstilling
/// and every appendix once through the workspace (indstillinger get every document check,
/// by default against `aarhus-raadmand`; notats and the text of PDF and DOCX attachments
/// are searched for template leftovers), numbers the appendices per item, lays the items
/// out in time, then runs the agenda checks (`CheckRegistry.agendaChecks`) over the whole.
/// Diagnostics are grouped per file, the manifest first.
public enum AgendaAssembler {
    /// The profile of an indstilling that names none (and no `--profile` or indstil.yml default).
    public static let defaultRecommendationProfile = "aarhus-raadmand"

    public static func assemble(_ manifest: AgendaManifest, displayPath: String, in workspace: Workspace) -> Assembled<ResolvedAgenda> {
        var work = Assembly(workspace: workspace, manifest: manifest, displayPath: displayPath)
        work.offerWordAppendicesAhead()
        var drafts = work.gated(manifest.items.enumerated().map { work.item($0.element, number: $0.offset + 1) })
        work.placeholders(in: manifest.yaml)

        work.markSending(&drafts)
        let schedule = AgendaSchedule(start: manifest.start, end: manifest.end, entries: drafts.map(\.schedule))
        let context = AgendaCheckContext(manifest: manifest, manifestPath: displayPath, items: drafts.map(\.facts), schedule: schedule,
                                          configuration: workspace.configuration)
        for check in CheckRegistry.agendaChecks {
            work.collector.add(check.check(context))
        }
        let items = zip(drafts, schedule.slots).map { draft, slot in
            ResolvedAgenda.Item(number: draft.facts.number, title: draft.title, publicTitle: draft.publicTitle,
                                minutes: slot?.minutes ?? draft.schedule.minutes, slot: slot, isClosed: draft.isClosed,
                                closedReason: draft.reason, recommendation: draft.facts.recommendation, appendices: draft.appendices,
                                isChangedAfterSending: draft.facts.isChangedAfterSending, isLate: draft.facts.isLate)
        }
        let withheld = drafts.flatMap { draft in
            [draft.facts.recommendationEvidence.flatMap { _ in draft.facts.recommendationURL }].compactMap { $0 }
                + draft.facts.appendices.filter { !$0.listedClosed && $0.closedEvidence != nil && !draft.facts.isClosed }.map(\.url)
        }
        return Assembled(packet: ResolvedAgenda(manifest: manifest, items: items, withheld: withheld), reports: work.collector.reports(workspace))
    }
}

/// The state of one assembly: the files read so far and what was found in them.
private struct Assembly {
    struct ItemDraft {
        var facts: AgendaCheckContext.Item
        let title: String
        let publicTitle: String
        var isClosed: Bool
        let reason: String?
        var appendices: [ResolvedAgenda.Appendix]
        let schedule: AgendaSchedule.Entry
    }

    let workspace: Workspace
    let manifest: AgendaManifest
    let displayPath: String
    let folder: URL
    let displayFolder: String
    let paths: ManifestPaths
    var collector: ReportCollector

    init(workspace: Workspace, manifest: AgendaManifest, displayPath: String) {
        self.workspace = workspace
        self.manifest = manifest
        self.displayPath = displayPath
        folder = manifest.url.deletingLastPathComponent().standardizedFileURL
        displayFolder = DisplayPath.folder(of: displayPath)
        paths = ManifestPaths(root: workspace.projectRoot(for: folder))
        collector = ReportCollector(manifestPath: displayPath)
    }

    mutating func problem(_ check: String, in path: String? = nil, line: Int, _ da: String, _ en: String) {
        collector.add(path ?? displayPath, [Diagnostic(check: check, severity: .error, message: Message(da: da, en: en), line: line)])
    }

    /// A file as the user would name it: beside the manifest's path as given.
    func shown(_ url: URL) -> String {
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(base) else { return path }
        let relative = String(path.dropFirst(base.count))
        return DisplayPath.beside(displayFolder, relative)
    }

    /// The manifest's Word appendices, handed to LibreOffice before any item is read
    /// (`OfficeConversionAhead`, when a PDF is being built); those an indstilling lists follow
    /// as each is read.
    func offerWordAppendicesAhead() {
        guard OfficeConversionAhead.isActive else { return }
        for entry in manifest.items {
            for attachment in entry.attachments {
                if case .success(let url) = paths.resolve(attachment.file, relativeTo: folder, line: attachment.fileLine) {
                    OfficeConversionAhead.offer(url)
                }
            }
        }
    }

    // MARK: - After sending

    /// Once the agenda is sent and indstil recorded what each item's files were
    /// (`udsendt_version`), an item whose files differ now is changed after sending, and an
    /// item without a record (or marked `tillæg`) came later. Files are only fingerprinted
    /// then; an agenda sent without records has nothing to compare with.
    func markSending(_ drafts: inout [ItemDraft]) {
        guard manifest.sent != nil, manifest.items.contains(where: { $0.sentVersion != nil }) else { return }
        for index in drafts.indices {
            let entry = drafts[index].facts.entry
            drafts[index].facts.isLate = entry.sentVersion == nil || entry.isSupplement
            if let recorded = entry.sentVersion {
                drafts[index].facts.isChangedAfterSending = workspace.fingerprint(of: drafts[index].appendices.map(\.source)) != recorded
            }
        }
    }

    // MARK: - One item

    mutating func item(_ entry: AgendaManifest.Item, number: Int) -> ItemDraft {
        var recommendation: AnalyzedDocument?
        var recommendationPath = ""
        if let path = entry.recommendation {
            switch paths.resolve(path, relativeTo: folder, line: entry.recommendationLine) {
            case .failure(let problem):
                collector.add(problem.diagnostic)
            case .success(let url):
                recommendationPath = shown(url)
                if url.pathExtension.lowercased() != "md" {
                    problem("input.invalid", line: entry.recommendationLine,
                            "Punkt \(number)s indstilling »\(path)« skal være en Markdown-fil (.md); læg PDF'er og andre filer under »bilag«",
                            "The indstilling of item \(number), \"\(path)\", must be a Markdown file (.md); put PDFs and other files under \"bilag\"")
                } else {
                    recommendation = self.recommendation(url)
                }
            }
        }
        let frontMatter = recommendation?.document.frontMatter
        let documentTitle = recommendation.map(\.document.title).flatMap { $0.isEmpty ? nil : $0 }
        let title = documentTitle ?? entry.title ?? entry.recommendation.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "Punkt \(number)"

        // The stricter wins: an item is closed when the manifest or its indstilling says so.
        let documentClosed = frontMatter?["status"]?.trimmedString.map(PublicationStatus.isClosed) ?? false
        let isClosed = (entry.isClosed ?? false) || documentClosed
        let reason = entry.reason ?? frontMatter?["begrundelse"]?.trimmedString.flatMap { $0.isEmpty ? nil : $0 }
        if isClosed && reason == nil && !(documentClosed && recommendation != nil) {
            problem("metadata.missing-field", line: entry.statusLine,
                    "Punkt \(number) er lukket, men der står ingen »begrundelse« for, at det behandles for lukkede døre",
                    "Item \(number) is closed, but no \"begrundelse\" says why it is dealt with behind closed doors")
        }

        // Appendices: the indstilling, its own bilag, then the manifest's.
        var appendices: [ResolvedAgenda.Appendix] = []
        var listed: [AgendaCheckContext.ListedAppendix] = []
        /// `titleFromFile`: the title was read from the appendix itself (not from a bilag list),
        /// so a public packet that names the appendix as closed does not print it.
        func append(title: String, titleFromFile: Bool, documentNumber: Int?, closed: Bool, source: URL,
                    content: ResolvedAgenda.Appendix.Content) {
            appendices.append(.init(item: number, number: appendices.count + 1, title: title,
                                    publicTitle: titleFromFile ? ResolvedAgenda.Appendix.closedTitle : title, documentNumber: documentNumber,
                                    isClosed: closed || isClosed, source: source, content: content))
        }
        if let recommendation {
            append(title: "Indstilling – \(title)", titleFromFile: true, documentNumber: nil, closed: false,
                   source: recommendation.document.url, content: .recommendation(recommendation))
            let documentFolder = recommendation.document.url.deletingLastPathComponent()
            for entry in recommendation.appendices {
                // Missing and escaping files are reported by the indstilling's own checks.
                guard let file = entry.file, case .success(let url) = paths.resolve(file, relativeTo: documentFolder, line: entry.fileLine),
                      let read = appendix(url, listPath: recommendationPath, line: entry.line, closed: entry.isClosed || isClosed) else { continue }
                listed.append(listing(url, title: entry.title, listPath: recommendationPath, line: entry.line, fileTitle: read.fileTitle,
                                      listedClosed: entry.isClosed, evidence: read.evidence))
                append(title: entry.title.isEmpty ? url.lastPathComponent : entry.title, titleFromFile: entry.title.isEmpty,
                       documentNumber: entry.number, closed: entry.isClosed, source: url, content: read.content)
            }
        }
        for attachment in entry.attachments {
            switch paths.resolve(attachment.file, relativeTo: folder, line: attachment.fileLine) {
            case .failure(let problem):
                collector.add(problem.diagnostic)
            case .success(let url):
                let isMarkdown = url.pathExtension.lowercased() == "md"
                guard attachment.title != nil || isMarkdown else {
                    problem("metadata.missing-field", line: attachment.line,
                            "Bilaget »\(attachment.file)« er ikke Markdown og skal have en »titel«",
                            "The appendix \"\(attachment.file)\" is not Markdown and needs a \"titel\"")
                    continue
                }
                guard let read = appendix(url, listPath: displayPath, line: attachment.line, closed: (attachment.isClosed ?? false) || isClosed) else { continue }
                listed.append(listing(url, title: attachment.title ?? "", listPath: displayPath, line: attachment.line,
                                      fileTitle: read.fileTitle, listedClosed: attachment.isClosed ?? false, evidence: read.evidence))
                var title = attachment.title ?? ""
                if title.isEmpty {
                    switch read.content {
                    case .document(let analyzed), .recommendation(let analyzed): title = analyzed.document.title
                    case .notat(let body): title = Self.firstHeading(body) ?? ""
                    case .attachment, .redline: break
                    }
                }
                append(title: title.isEmpty ? url.deletingPathExtension().lastPathComponent : title,
                       titleFromFile: (attachment.title ?? "").isEmpty, documentNumber: nil,
                       closed: attachment.isClosed ?? false, source: url, content: read.content)
            }
        }

        let expected = frontMatter?["forventet_tidsforbrug"]?.trimmedString.flatMap { Int($0) }
        return ItemDraft(
            facts: .init(number: number, entry: entry, recommendation: recommendation, recommendationPath: recommendationPath,
                         recommendationURL: recommendation?.document.url, isClosed: isClosed, appendices: listed),
            title: title, publicTitle: entry.publicTitle ?? "Lukket punkt", isClosed: isClosed, reason: reason, appendices: appendices,
            schedule: .init(minutes: entry.minutes ?? entry.slot?.minutes ?? expected, slot: entry.slot,
                            minutesLine: entry.minutesLine, slotLine: entry.slotLine, hasMinutes: entry.minutes != nil))
    }

    /// The drafts as the publication gate lets them through: every indstilling and appendix
    /// that anything in the agenda says is closed is closed, and the facts say why, so that
    /// `PublicationClosedFileCheck` can name each listing that called a closed file open.
    func gated(_ drafts: [ItemDraft]) -> [ItemDraft] {
        func recommendationListing(_ draft: ItemDraft) -> PublicationGate.Listing? {
            draft.facts.recommendationURL.map { .init(url: $0, path: displayPath, line: draft.facts.entry.recommendationLine, isClosed: draft.isClosed) }
        }
        func listing(_ appendix: AgendaCheckContext.ListedAppendix, in draft: ItemDraft) -> PublicationGate.Listing {
            .init(url: appendix.url, path: appendix.listPath, line: appendix.line, isClosed: appendix.listedClosed || draft.isClosed)
        }
        let gate = PublicationGate(drafts.flatMap { draft in
            [recommendationListing(draft)].compactMap { $0 } + draft.facts.appendices.map { listing($0, in: draft) }
        })
        return drafts.map { draft in
            var draft = draft
            if !draft.isClosed, let own = recommendationListing(draft), let evidence = gate.evidence(for: own, own: nil) {
                draft.facts.recommendationEvidence = evidence
                draft.facts.isClosed = true
                draft.isClosed = true
            }
            let offset = draft.facts.recommendationURL == nil ? 0 : 1
            for (index, appendix) in draft.facts.appendices.enumerated() {
                let evidence = gate.evidence(for: listing(appendix, in: draft), own: appendix.closedEvidence)
                draft.facts.appendices[index].closedEvidence = evidence
                let position = offset + index
                guard position < draft.appendices.count else { continue }
                draft.appendices[position] = draft.appendices[position].closed(draft.isClosed || appendix.listedClosed || evidence != nil)
            }
            if draft.isClosed {
                draft.appendices = draft.appendices.map { $0.closed(true) }
            }
            return draft
        }
    }

    func listing(_ url: URL, title: String, listPath: String, line: Int, fileTitle: AgendaCheckContext.ListedAppendix.FileTitle,
                 listedClosed: Bool, evidence: ClosedEvidence?) -> AgendaCheckContext.ListedAppendix {
        AgendaCheckContext.ListedAppendix(listedTitle: title, listPath: listPath, line: line, path: shown(url),
                                          fileName: url.lastPathComponent, fileTitle: fileTitle, url: url,
                                          listedClosed: listedClosed, closedEvidence: evidence)
    }

    // MARK: - Files

    /// An item's indstilling, read and checked; nil when it cannot be read through a profile.
    mutating func recommendation(_ url: URL) -> AnalyzedDocument? {
        let analysis = workspace.analyze(url, displayPath: shown(url), requirement: .fallback(AgendaAssembler.defaultRecommendationProfile))
        collector.add(analysis.path, analysis.diagnostics)
        if case .noFrontMatter = analysis.content {
            problem("input.invalid", in: analysis.path, line: 1,
                    "Indstillingen har ingen front matter; lav en ny med »indstil new indstilling --profile aarhus-raadmand«",
                    "The indstilling has no front matter; create one with \"indstil new indstilling --profile aarhus-raadmand\"")
        }
        return analysis.analyzed
    }

    typealias AppendixReading = (content: ResolvedAgenda.Appendix.Content, fileTitle: AgendaCheckContext.ListedAppendix.FileTitle,
                                 evidence: ClosedEvidence?)

    /// An appendix's content, read once and checked, what the file says its title is, and
    /// whether it says it is closed; nil when it cannot be read. The text of a PDF or DOCX
    /// attachment is searched for personal data (`privacy.*`, as in documents; a CPR number
    /// is an error unless the appendix is `closed` by its listing, its item or itself).
    mutating func appendix(_ url: URL, listPath: String, line: Int, closed: Bool) -> AppendixReading? {
        let fileExtension = url.pathExtension.lowercased()
        if OfficeConversionAhead.isActive { OfficeConversionAhead.offer(url) }
        guard fileExtension == "md" else {
            let name = url.lastPathComponent
            switch AttachmentText.read(url) {
            case .noText:
                return (.attachment(fileExtension: fileExtension), .unknown, ClosedEvidence.own(url, frontMatter: nil, pages: nil))
            case .notRead(let why):
                // Fail closed: an attachment whose text nobody could read has not been checked.
                problem("input.invalid", in: listPath, line: line,
                        "Teksten i bilaget »\(name)« kunne ikke læses, så det er ikke kontrolleret for skabelonrester og titel: \(why.da)",
                        "The text of the appendix \"\(name)\" could not be read, so it was not checked for template leftovers and its title: \(why.en)")
                return (.attachment(fileExtension: fileExtension), .unknown, ClosedEvidence.own(url, frontMatter: nil, pages: nil))
            case .unreadable:
                problem("input.invalid", in: listPath, line: line,
                        "Bilaget »\(name)« kan ikke læses som \(fileExtension.uppercased()); filen er beskadiget eller ikke det, navnet siger",
                        "The appendix \"\(name)\" cannot be read as \(fileExtension.uppercased()); the file is damaged or not what its name says")
                return nil
            case .pages(let pages):
                let evidence = ClosedEvidence.own(url, frontMatter: nil, pages: pages)
                collector.add(listPath, PersonalDataScan.attachmentFindings(pages: pages, fileName: name, isClosed: closed || evidence != nil, line: line))
                var seen: Set<String> = []
                for (index, page) in pages.enumerated() {
                    for text in page.split(separator: "\n") {
                        guard let found = PlaceholderCheck.leftover(in: String(text)), seen.insert(found).inserted else { continue }
                        let place = fileExtension == "pdf" ? ("på side \(index + 1) i »\(name)«", "on page \(index + 1) of \"\(name)\"") : ("i »\(name)«", "in \"\(name)\"")
                        collector.add(listPath, [PlaceholderCheck().diagnostic(
                            "Skabelonrest »\(found)« \(place.0): ret bilaget, før det kommer på dagsordenen",
                            "Template leftover \"\(found)\" \(place.1): fix the appendix before it goes on the agenda", line: line)])
                    }
                }
                return (.attachment(fileExtension: fileExtension), .openingText(pages.prefix(2).joined(separator: " ")), evidence)
            }
        }
        let analysis = workspace.analyze(url, displayPath: shown(url), requirement: .optional)
        collector.add(analysis.path, analysis.diagnostics)
        switch analysis.content {
        case .analyzed(let analyzed):
            return (.document(analyzed), .own(analyzed.document.title), ClosedEvidence.own(url, frontMatter: analyzed.document.frontMatter, pages: nil))
        case .markdown(let body, let document):
            // A notat: Markdown as written, without a profile.
            collector.add(analysis.path, PlaceholderCheck.leftovers(inBlocks: body.children).map { leftover, textLine in
                PlaceholderCheck().diagnostic("Skabelonrest »\(leftover)«: erstat den med den rigtige tekst",
                                              "Template leftover \"\(leftover)\": replace it with the real text", line: textLine)
            })
            var own: String?
            if let title = document?.title, !title.isEmpty {
                own = title
            } else if let first = body.children.first, case .heading(1) = first.kind {
                own = first.plainText.foldingWhitespace
            }
            return (.notat(body), own.map { .own($0) } ?? .unknown, ClosedEvidence.own(url, frontMatter: document?.frontMatter, pages: nil))
        case .noFrontMatter, .noProfile, .failed:
            return nil
        }
    }

    static func firstHeading(_ body: MarkdownNode) -> String? {
        body.children.first { if case .heading = $0.kind { return true } else { return false } }?.plainText.foldingWhitespace
    }

    /// `style.placeholder` for every manifest value that still holds a template leftover.
    mutating func placeholders(in value: YAMLValue) {
        for (found, line) in PlaceholderCheck.leftovers(in: value) {
            collector.add(PlaceholderCheck().diagnostic("Skabelonrest »\(found)«: erstat den med den rigtige tekst",
                                                        "Template leftover \"\(found)\": replace it with the real text", line: line))
        }
    }
}
