import Foundation
import IndstilSupport
import IndstilDocument

/// A closed file would reach a public packet: a listing calls a file open (or says nothing)
/// although the file says it is closed (`status: lukket` in its front matter or Word
/// properties, indstil's LUKKET marking, a name such as `…-lukket.pdf`) or the packet has
/// the same file as closed elsewhere (a closed item's indstilling listed again as an
/// appendix of an open item). The publication gate (`PublicationGate`) keeps such a file out
/// of the public packet whatever this check's severity; the finding stops the packet until
/// the listing says what the file says. A betænkning's bundle has no closed packet, so a
/// closed file in it is always this error.
public struct PublicationClosedFileCheck: AgendaCheck, BundleCheck {
    public let id = "publication.closed-file"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "En lukket fil står som åben i en pakke, der offentliggøres",
                                 en: "A closed file is listed as open in a packet that is published")
    public let isMandatory = true

    static var closedRecommendation: ExampleDocument {
        ExampleDocument.raadmand.settingField("status", "status: lukket").settingField("begrundelse", "begrundelse: \"Personfølsomme oplysninger\"")
    }

    static let closedNotat = "---\ntitel: Notat om en medarbejder\nstatus: lukket\n---\n\n# Notat om en medarbejder\n\nFortroligt indhold.\n"

    public var examples: [ProjectExample] {
        [
            .triggers("Lukket indstilling som bilag til et åbent punkt", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Godkendelse af dagsorden",
                "    minutter: 5",
                "  - titel: Orientering",
                "    minutter: 10",
                "    bilag:",
                "      - fil: punkt-4/omplacering.md ⟵",
            ], extraFiles: ["punkt-4/omplacering.md": Self.closedRecommendation.text])),
            .triggers("Notat med »status: lukket« som bilag til et åbent punkt", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "    bilag:",
                "      - fil: punkt-2/notat.md ⟵",
                "        status: åben",
            ], extraFiles: ["punkt-2/notat.md": Self.closedNotat])),
            .triggers("Lukket punkts indstilling også som bilag til et åbent punkt", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "    status: lukket",
                "    begrundelse: Personfølsomme oplysninger",
                "  - titel: Orientering",
                "    minutter: 5",
                "    bilag:",
                "      - fil: \(AgendaExample.recommendationPath) ⟵",
            ])),
            .triggers("PDF-bilag med »lukket« i filnavnet under et åbent punkt", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "    bilag:",
                "      - fil: punkt-2/helbred-lukket.pdf ⟵",
                "        titel: Lægeerklæring",
            ], extraFiles: ["punkt-2/helbred-lukket.pdf": UntaggedAttachmentCheck.examplePDF(tagged: true)])),
            .passes("Lukket notat, og bilaget står som lukket", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "    bilag:",
                "      - fil: punkt-2/notat.md",
                "        status: lukket",
            ], extraFiles: ["punkt-2/notat.md": Self.closedNotat])),
            .passes("Lukket indstilling som bilag til et lukket punkt", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - titel: Personalesag",
                "    minutter: 10",
                "    status: lukket",
                "    begrundelse: Personfølsomme oplysninger",
                "    bilag:",
                "      - fil: punkt-4/omplacering.md",
            ], extraFiles: ["punkt-4/omplacering.md": Self.closedRecommendation.text])),
            .passes("Åbent notat under et åbent punkt", entry: AgendaExample.manifestName, files: AgendaExample.project(items: [
                "  - indstilling: \(AgendaExample.recommendationPath)",
                "    minutter: 10",
                "    bilag:",
                "      - fil: punkt-2/notat.md",
            ], extraFiles: ["punkt-2/notat.md": Self.closedNotat.replacingOccurrences(of: "status: lukket", with: "status: åben")])),
            .triggers("Bilagsmateriale med et lukket bilag", entry: BundleExample.manifestName, files: BundleExample.project(chapterOne: [
                "      - id: moeder",
                "        fil: kapitel-1/moeder.md ⟵",
                "      - id: skema",
                "        fil: kapitel-1/skema.pdf",
                "        titel: \"Spørgeskema\"",
            ], extraFiles: ["kapitel-1/moeder.md": ExampleDocument.bilag.settingField("status", "status: lukket").text])),
            .passes("Bilagsmateriale uden lukkede bilag", entry: BundleExample.manifestName, files: BundleExample.project()),
        ]
    }

    public func check(_ context: AgendaCheckContext) -> [LocatedDiagnostic] {
        context.items.flatMap { item -> [LocatedDiagnostic] in
            var found: [LocatedDiagnostic] = []
            if let evidence = item.recommendationEvidence {
                found.append(LocatedDiagnostic(context.manifestPath, diagnostic(
                    "Punkt \(item.number) står som åbent, men indstillingen \(item.recommendationPath) er lukket: \(evidence.reason.da); "
                        + "skriv »status: lukket« på punktet, så kommer det kun i den lukkede dagsorden",
                    "Item \(item.number) is open, but its indstilling \(item.recommendationPath) is closed: \(evidence.reason.en); "
                        + "write \"status: lukket\" on the item so it goes only into the closed packet",
                    line: item.entry.recommendationLine)))
            }
            guard !item.isClosed else { return found }
            for appendix in item.appendices where !appendix.listedClosed {
                guard let evidence = appendix.closedEvidence else { continue }
                found.append(LocatedDiagnostic(appendix.listPath, diagnostic(
                    "Bilaget »\(appendix.path)« til det åbne punkt \(item.number) er lukket: \(evidence.reason.da); det kommer ikke i den offentlige "
                        + "dagsorden, og ingen dagsorden skrives, før bilaget står med »status: lukket« (eller punktet er lukket)",
                    "The appendix \"\(appendix.path)\" of the open item \(item.number) is closed: \(evidence.reason.en); it does not go into the "
                        + "public packet, and no packet is written until the appendix says \"status: lukket\" (or the item is closed)",
                    line: appendix.line)))
            }
            return found
        }
    }

    public func check(_ context: BundleCheckContext) -> [LocatedDiagnostic] {
        context.closedFiles.map { file in
            LocatedDiagnostic(context.manifestPath, diagnostic(
                "»\(file.path)« er lukket: \(file.evidence.reason.da); et bilagsmateriale offentliggøres i sin helhed, så filen må ikke være med",
                "\"\(file.path)\" is closed: \(file.evidence.reason.en); a bundle is published as a whole, so the file may not be in it",
                line: file.line))
        }
    }
}
