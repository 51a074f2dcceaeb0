import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// Assembles a meeting's minutes (`type: referat`): reads the agenda the minutes name and
/// assembles it as `indstil bundle dagsorden.yml` would (every indstilling read once,
/// which gives the items' titles and decision points), then runs the minutes checks
/// (`CheckRegistry.minutesChecks`). The agenda's own findings belong to the agenda: the
/// minutes report only that it has errors, so that checking a folder holding both does
/// not report them twice.
public enum MinutesAssembler {
    public enum Outcome: Sendable {
        case assembled(Assembled<ResolvedMinutes>)
        /// The agenda the minutes name cannot be found or read: the finding on the minutes' manifest.
        case refused(FileReport)
    }

    public static func assemble(_ manifest: MinutesManifest, displayPath: String, in workspace: Workspace) -> Outcome {
        var collector = ReportCollector(manifestPath: displayPath)
        func refuse(_ diagnostic: Diagnostic) -> Outcome {
            .refused(FileReport(path: displayPath, diagnostics: workspace.applyingConfiguredSeverity([diagnostic])))
        }
        let folder = manifest.url.deletingLastPathComponent().standardizedFileURL
        let paths = ManifestPaths(root: workspace.projectRoot(for: folder))
        let agendaURL: URL
        switch paths.resolve(manifest.agendaPath, relativeTo: folder, line: manifest.agendaLine) {
        case .failure(let problem): return refuse(problem.diagnostic)
        case .success(let url): agendaURL = url
        }
        guard case .success(.dagsorden(let agendaManifest)) = Manifest.load(agendaURL) else {
            return refuse(Diagnostic(check: "input.invalid", severity: .error, message: Message(
                da: "»\(manifest.agendaPath)« er ikke en dagsorden, der kan læses (type: dagsorden); ret først fejlene i den (dens fund siger hvor)",
                en: "\"\(manifest.agendaPath)\" is not a readable agenda (type: dagsorden); fix its errors first (its findings say where)"),
                line: manifest.agendaLine))
        }
        let agendaDisplay = DisplayPath.beside(DisplayPath.folder(of: displayPath), manifest.agendaPath)
        let agenda = AgendaAssembler.assemble(agendaManifest, displayPath: agendaDisplay, in: workspace)
        if agenda.hasErrors {
            let errors = RunSummary(agenda.reports).errors
            collector.add(Diagnostic(check: "input.invalid", severity: .error, message: Message(
                da: "Dagsordenen »\(agendaDisplay)« har \(errors) fejl; ret dem først (»indstil check \(agendaDisplay)«)",
                en: "The agenda \"\(agendaDisplay)\" has \(errors) errors; fix them first (\"indstil check \(agendaDisplay)\")"),
                line: manifest.agendaLine))
        }
        let minutes = ResolvedMinutes(manifest: manifest, agenda: agenda.packet)
        let context = MinutesCheckContext(
            manifest: manifest, manifestPath: displayPath, agenda: agenda.packet,
            items: agenda.packet.items.map { item in .init(agendaItem: item, entry: manifest.items.first { $0.number == item.number }) })
        for check in CheckRegistry.minutesChecks {
            collector.add(check.check(context))
        }
        collector.add(displayPath, personalData(in: manifest, agenda: agenda.packet))
        for (found, line) in PlaceholderCheck.leftovers(in: manifest.yaml) {
            collector.add(PlaceholderCheck().diagnostic("Skabelonrest »\(found)«: erstat den med den rigtige tekst",
                                                        "Template leftover \"\(found)\": replace it with the real text", line: line))
        }
        return .assembled(Assembled(packet: minutes, reports: collector.reports(workspace)))
    }

    /// `privacy.*` in what the minutes say of each item (its decision, remarks and reasons),
    /// which the public minutes print for an open item: a CPR number is an error there and
    /// a note in a closed item, as in documents.
    static func personalData(in manifest: MinutesManifest, agenda: ResolvedAgenda) -> [Diagnostic] {
        let scanner = PersonalDataScanner()
        let place = Message(da: " i referatet", en: " in the minutes")
        return manifest.items.flatMap { entry -> [Diagnostic] in
            let isClosed = agenda.items.first { $0.number == entry.number }?.isClosed ?? false
            var texts: [(String, Int)] = []
            if let decision = entry.decision { texts.append((decision, entry.decisionLine)) }
            if let remarks = entry.remarks { texts.append((remarks, entry.line)) }
            if let reason = entry.reason { texts.append((reason, entry.outcomeLine)) }
            for point in entry.points {
                for text in [point.text, point.reason].compactMap({ $0 }) { texts.append((text, point.line)) }
            }
            return texts.flatMap { text, line in
                PersonalDataScan.paragraphs(of: text).flatMap { paragraph in
                    scanner.scan(paragraph, warnings: !isClosed).map {
                        PersonalDataScan.diagnostic(for: $0, place: place, isClosed: isClosed, inAttachment: false, line: line)
                    }
                }
            }
        }
    }
}
