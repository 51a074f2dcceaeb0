import ArgumentParser
import Foundation
import IndstilCore
import IndstilSupport

enum BundleOutput: String, ExpressibleByArgument, CaseIterable {
    case html, pdf
}

struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Saml et bilagsmateriale (betænkning), en dagsorden med bilag eller et referat til et website eller én PDF.")

    @Argument(help: "bundle.yml")
    var manifest: String

    @Option(name: .shortAndLong, help: "Mappe (html) eller fil (pdf) der skrives; standard: ud/ hhv. bilagsmateriale.pdf, dagsorden.pdf eller referat.pdf. En dagsorden eller et referat med lukkede punkter får også en lukket udgave ved siden af (ud-lukket/, dagsorden-lukket.pdf, referat-lukket.pdf).")
    var output: String?

    @Option(help: "html (et website) eller pdf (én samlet PDF).")
    var to: BundleOutput = .html

    @Option(help: "Sprog for meddelelser: da eller en.")
    var lang: Language = .da

    @Flag(name: .customLong("arkiv"), help: "Med --to pdf: skriv arkivkopien som PDF/A-2 (tagget, skrifter indlejret, ingen eksterne henvisninger); alle PDF-bilag skal selv være PDF/A.")
    var archive = false

    @Flag(help: "For en dagsorden: giv hvert punkt, hvis indstilling er ændret efter udsendelsen, en side med ændringerne siden da (indstillingen, som git havde den på udsendelsesdagen).")
    var redline = false

    /// How many WeasyPrint sessions a manifest's PDF build can use, as far as its first lines tell:
    /// two for an agenda or minutes (the public and the closed packet); for a betænkning bundle one
    /// a core, up to two (a big bundle is set in pieces, one a core: `PacketPDF.setInPieces`), and
    /// one for its archive copy.
    static func sessionCount(_ manifest: String, archive: Bool) -> Int {
        // Only a regular file is opened here (a FIFO would hold the command before the manifest is even read).
        guard FileKind.isRegularFile(URL(fileURLWithPath: manifest)),
              let handle = FileHandle(forReadingAtPath: manifest), let head = try? handle.read(upToCount: 4096) else { return 2 }
        try? handle.close()
        guard String(decoding: head, as: UTF8.self).contains("type: betaenkning") else { return 2 }
        return archive ? 1 : min(2, ParallelWork.cores)
    }

    func validate() throws {
        if archive && to != .pdf { throw ValidationError("--arkiv gælder kun --to pdf") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: manifest).standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path) else { throw FileCollector.MissingPath(path: manifest) }
        let workspace = try ProjectWorkspace.current()
        // WeasyPrint imports itself while the packet is read and checked (when it is likely to be needed).
        if to == .pdf {
            PacketPDF.warmUp(for: output.map { URL(fileURLWithPath: $0).standardizedFileURL }, archive: archive, packets: Self.sessionCount(manifest, archive: archive))
        }
        defer { PacketPDF.coolDown() }
        Output.progress("Læser \(manifest) …")
        switch workspace.assemble(url, displayPath: manifest) {
        case .unreadable(let report):
            Output.write(TextReporter.report([report], language: lang))
            throw ExitCode(report.diagnostics.first?.check == "input.invalid" ? 2 : 1)
        case .betaenkning(let outcome):
            try stopOnErrors(outcome.reports)
            try bundle(outcome.packet)
        case .dagsorden(let outcome):
            try stopOnErrors(outcome.reports)
            let warnings = outcome.reports.filter { !$0.diagnostics.isEmpty }
            if !warnings.isEmpty { Output.progress(TextReporter.report(warnings, language: lang)) }
            if redline {
                let (marked, notes) = workspace.addingRedlines(to: outcome.packet)
                for note in notes { Output.progress("indstil: note: \(note)") }
                try agenda(marked)
            } else {
                try agenda(outcome.packet)
            }
        case .referat(let outcome):
            try stopOnErrors(outcome.reports)
            let warnings = outcome.reports.filter { !$0.diagnostics.isEmpty }
            if !warnings.isEmpty { Output.progress(TextReporter.report(warnings, language: lang)) }
            try minutes(outcome.packet)
        }
    }

    /// Nothing is written over, or in place of a folder holding, a file the packet is made from.
    func refuseOverwriting(_ inputs: [URL], with outputs: [URL]) throws {
        if let collision = OutputCollision.find(outputs: outputs, inputs: inputs) { throw collision }
    }

    /// Nothing is written when the manifest or a file in it has errors.
    func stopOnErrors(_ reports: [FileReport]) throws {
        guard RunSummary(reports).hasErrors else { return }
        Output.write(TextReporter.report(reports.filter { !$0.diagnostics.isEmpty }, language: lang))
        throw ExitCode(1)
    }

    func bundle(_ bundle: ResolvedBundle) throws {
        let progress: PacketProgress = { Output.progress($0.message) }
        switch to {
        case .html:
            let target = URL(fileURLWithPath: output ?? "ud")
            try refuseOverwriting(bundle.inputFiles, with: [target])
            try PacketSite.write(bundle, to: target, progress: progress)
            Output.progress("Skrev \(target.path)/index.html (\(bundle.appendices.count) bilag i \(bundle.chapters.count) kapitler)")
        case .pdf:
            let target = URL(fileURLWithPath: output ?? "bilagsmateriale.pdf")
            try refuseOverwriting(bundle.inputFiles, with: [target])
            try PacketPDF.write(bundle, to: target, archive: archive, progress: progress)
            Output.progress("Skrev \(target.path)")
        }
    }

    /// The public minutes at the output path; when an item is closed, the closed minutes
    /// (every decision) beside them with "-lukket" added to the name, as for agendas.
    func minutes(_ minutes: ResolvedMinutes) throws {
        let progress: PacketProgress = { Output.progress($0.message) }
        let publicPacket = MinutesPacket(minutes: minutes, audience: .offentlig)
        let closedPacket = MinutesPacket(minutes: minutes, audience: .lukket)
        let targets: (URL, URL)
        switch to {
        case .html:
            let target = URL(fileURLWithPath: output ?? "ud").standardizedFileURL
            targets = (target, target.deletingLastPathComponent().appendingPathComponent(target.lastPathComponent + "-lukket"))
        case .pdf:
            let target = URL(fileURLWithPath: output ?? "referat.pdf").standardizedFileURL
            let stem = target.deletingPathExtension().lastPathComponent
            targets = (target, target.deletingLastPathComponent().appendingPathComponent("\(stem)-lukket.pdf"))
        }
        let (target, closed) = targets
        try refuseOverwriting(minutes.inputFiles, with: minutes.hasClosedContent ? [target, closed] : [target])
        switch to {
        case .html:
            try PacketSite.write([(publicPacket, target)] + (minutes.hasClosedContent ? [(closedPacket, closed)] : []), progress: progress)
        case .pdf:
            try PacketPDF.write([(publicPacket, target)] + (minutes.hasClosedContent ? [(closedPacket, closed)] : []), archive: archive, progress: progress)
        }
        let shown = to == .html ? "\(target.path)/index.html" : target.path
        Output.progress("Skrev det offentlige referat: \(shown) (\(minutes.items.count) punkter)")
        if minutes.hasClosedContent {
            Output.progress("Skrev det lukkede referat: \(to == .html ? closed.path + "/index.html" : closed.path) (må ikke offentliggøres)")
        }
    }

    /// The public packet at the output path; when anything is closed, the closed packet
    /// (everything) beside it with "-lukket" added to the name, never inside it. Items that
    /// came after the agenda was sent form the supplementary agenda beside them
    /// ("-tillaeg", "-tillaeg-lukket").
    func agenda(_ agenda: ResolvedAgenda) throws {
        let progress: PacketProgress = { Output.progress($0.message) }
        let packets = AgendaPacket.all(of: agenda)
        let target: URL
        switch to {
        case .html: target = URL(fileURLWithPath: output ?? "ud").standardizedFileURL
        case .pdf: target = URL(fileURLWithPath: output ?? "dagsorden.pdf").standardizedFileURL
        }
        let targets = packets.map { packet -> URL in
            guard !packet.nameSuffix.isEmpty else { return target }
            let folder = target.deletingLastPathComponent()
            switch to {
            case .html: return folder.appendingPathComponent(target.lastPathComponent + packet.nameSuffix)
            case .pdf: return folder.appendingPathComponent(target.deletingPathExtension().lastPathComponent + packet.nameSuffix + ".pdf")
            }
        }
        try refuseOverwriting(agenda.inputFiles, with: targets)
        switch to {
        case .html: try PacketSite.write(Array(zip(packets, targets)), progress: progress)
        case .pdf: try PacketPDF.write(Array(zip(packets, targets)), archive: archive, progress: progress)
        }
        for (packet, written) in zip(packets, targets) {
            let shown = to == .html ? written.path + "/index.html" : written.path
            let closed = packet.audience == .lukket ? " (må ikke offentliggøres)" : ""
            let name = (packet.audience == .lukket ? "den lukkede " : "den offentlige ") + (packet.agenda.part == .supplement ? "tillægsdagsorden" : "dagsorden")
            Output.progress("Skrev \(name): \(shown) (\(packet.agenda.items.count) \(packet.agenda.items.count == 1 ? "punkt" : "punkter"))\(closed)")
        }
    }
}
