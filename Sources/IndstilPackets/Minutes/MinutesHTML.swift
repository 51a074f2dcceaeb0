import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The HTML of the minutes that the site and the PDF share: the meeting's facts and
/// attendance, and each item with its decision. Every text is escaped (`markupEscaped`).
/// A closed item in the public packet says only that it was treated.
struct MinutesHTML {
    let packet: MinutesPacket

    var minutes: ResolvedMinutes { packet.minutes }

    /// Date, time, place, minute-taker, members, present and absent.
    var facts: [(String, String)] {
        let agenda = minutes.agenda.manifest
        let manifest = minutes.manifest
        var facts = [("Dato", DanishFormat.weekdayAndDate(agenda.date)), ("Tid", "kl. \(agenda.start.danish)–\(agenda.end.danish)")]
        if let place = agenda.place { facts.append(("Sted", place)) }
        if let taker = manifest.minuteTaker { facts.append(("Referent", taker)) }
        let absent = manifest.absent.map(\.name)
        let present = manifest.present.isEmpty
            ? manifest.members.map(\.name).filter { !absent.contains($0) } : manifest.present.map(\.name)
        if !present.isEmpty { facts.append(("Deltagere", present.joined(separator: ", "))) }
        facts.append(("Afbud", absent.isEmpty ? "Ingen" : absent.joined(separator: ", ")))
        if let date = manifest.date { facts.append(("Referatet er skrevet", DanishFormat.date(date))) }
        return facts
    }

    func factList(class className: String) -> String {
        "<dl class=\"\(className)\">\n" + facts.map { "<div><dt>\($0.0.markupEscaped)</dt><dd>\($0.1.markupEscaped)</dd></div>" }.joined(separator: "\n") + "\n</dl>"
    }

    var closedWarning: String {
        guard packet.audience == .lukket && minutes.hasClosedContent else { return "" }
        return "<p class=\"advarsel\"><strong>Lukket referat.</strong> Indeholder beslutninger i lukkede punkter og må ikke offentliggøres.</p>\n"
    }

    /// The item's decision, attendance and remarks (without its heading).
    func decision(_ item: ResolvedMinutes.Item) -> String {
        guard packet.shows(item) else {
            return "<p class=\"lukket-note\">Punktet blev behandlet for lukkede døre. Beslutningen findes kun i det lukkede referat.</p>"
        }
        var parts: [String] = []
        if !item.absent.isEmpty {
            parts.append("<p class=\"fravaer\">Fraværende under punktet: \(item.absent.joined(separator: ", ").markupEscaped)</p>")
        }
        // The proposals in the indstilling's order, each followed by what was decided about it
        // ("Ad 1) Godkendt."); when the item was decided as a whole, its decision follows the list.
        let references = AppendixReferences(item.agendaItem)
        let ownOutcomes = item.decisions.contains { $0.text != nil }
        if !item.decisions.isEmpty {
            let entries = item.decisions.map { decision -> String in
                let proposal = references.rewriting(ProposalText.cleaned(decision.proposal))
                var entry = "<li><p class=\"forslag\"><span class=\"nr\">\(decision.number))</span> \(proposal.markupEscaped)</p>"

                if ownOutcomes {
                    let outcome = decision.text ?? "Intet udfald."
                    entry += "<p class=\"udfald\"><strong>Ad \(decision.number))</strong> \(outcome.markupEscaped)</p>"
                }
                return entry + "</li>"
            }
            parts.append("<p class=\"indstilling-intro\">Indstillingen:</p>\n<ol class=\"referat-beslutninger\">\n\(entries.joined(separator: "\n"))\n</ol>")
        }
        if let text = item.decisionText {
            let label = item.decisions.isEmpty ? "" : "<strong>Beslutning:</strong> "
            parts.append("<p class=\"beslutning\">\(label)\(text.markupEscaped)</p>")
        }
        if !ownOutcomes && item.decisionText == nil {
            parts.append("<p class=\"beslutning\">Intet referat.</p>")
        }
        if let remarks = item.remarks {
            parts.append(remarks.components(separatedBy: "\n\n").map { "<p class=\"bemaerkninger\">\($0.foldingWhitespace.markupEscaped)</p>" }.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n")
    }
}
