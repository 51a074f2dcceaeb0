import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The pages of a minutes site: `index.html` the minutes (facts, attendance, every item
/// with its decision) and `beslutninger.html` the meeting's decision register (every
/// decision point and its outcome, as `indstil register` lists them across meetings).
struct MinutesSitePlan: PacketSitePlan {
    enum PageContent {
        case index
        case register
    }

    static let registerFile = "beslutninger.html"

    let packet: MinutesPacket

    var frame: SiteFrame {
        SiteFrame(siteTitle: packet.documentTitle, indexLabel: packet.label, bodyClass: "bilagsmateriale referat", isClosed: packet.isClosedPacket)
    }
    var noAppendicesNote: String? { nil }

    var pages: [SitePage<PageContent>] {
        [SitePage(content: .index, file: SiteFrame.indexFile, label: packet.label),
         SitePage(content: .register, file: Self.registerFile, label: "Beslutninger")]
    }

    func main(_ content: PageContent) -> String {
        switch content {
        case .index: index()
        case .register: register()
        }
    }

    func index() -> String {
        let html = MinutesHTML(packet: packet)
        var out = """
        <h1>\(packet.label.markupEscaped)</h1>
        <p class="ingress">\(packet.minutes.agenda.manifest.committee.markupEscaped)</p>
        \(html.closedWarning)\(html.factList(class: "oplysninger"))
        <p class="register-link"><a href="\(Self.registerFile)">Beslutningsregister for mødet</a>: hvert beslutningspunkt og dets udfald.</p>

        """
        for item in packet.minutes.items {
            out += "<section class=\"referatpunkt\" id=\"punkt-\(item.number)\" aria-labelledby=\"punkt-\(item.number)-titel\">\n"
            out += "<h2 id=\"punkt-\(item.number)-titel\"><span class=\"nr\">Punkt \(item.number):</span> \(packet.title(of: item).markupEscaped)</h2>\n"
            out += html.decision(item) + "\n</section>\n"
        }
        return out
    }

    func register() -> String {
        let rows = DecisionRegister.rows(of: packet.minutes, manifestPath: "", includingClosed: packet.audience == .lukket)
        return """
        <h1>Beslutninger</h1>
        <p class="ingress">\(packet.minutes.agenda.manifest.committee.markupEscaped), \(DanishFormat.weekdayAndDate(packet.minutes.agenda.manifest.date).markupEscaped)</p>
        <p>Hvert beslutningspunkt med indstillingens forslag og mødets udfald.</p>
        \(RegisterHTML.list(rows, meetingHeadings: false))
        """
    }
}
