import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// Where everything of an agenda packet's site goes, decided before anything is written.
///
/// `index.html` is the agenda (items, times, expected duration, every appendix),
/// `punkt-N.html` each item, `punkt-N-bilag-M.html` each Markdown appendix (the
/// indstilling is Bilag 1), and `bilag/` the attachments under their packet numbers,
/// every page of a PDF stamped "Punkt N, Bilag M: Titel". Which items and appendices
/// are shown is the packet's audience: the public packet names closed ones as closed
/// and holds nothing of them.
struct AgendaSitePlan: PacketSitePlan {
    enum PageContent {
        case index
        case item(ResolvedAgenda.Item)
        case appendix(ResolvedAgenda.Appendix)
    }

    let packet: AgendaPacket
    let pages: [SitePage<PageContent>]
    /// Page of each shown Markdown appendix, by key.
    let appendixPages: [String: String]
    /// "bilag/punkt-3-bilag-2-sammenfatning.pdf" of each shown attachment, by key.
    let attachments: [String: String]

    var frame: SiteFrame {
        SiteFrame(siteTitle: packet.documentTitle, indexLabel: packet.label, bodyClass: "bilagsmateriale dagsordenpakke", isClosed: packet.isClosedPacket)
    }
    var noAppendicesNote: String? { nil }

    init(_ packet: AgendaPacket, files: PacketFiles) {
        self.packet = packet
        let packetAttachments = Dictionary(files.attachments.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var pages = [SitePage<PageContent>(content: .index, file: SiteFrame.indexFile, label: packet.label)]
        var appendixPages: [String: String] = [:]
        var attachments: [String: String] = [:]
        for item in packet.agenda.items {
            let itemPage = pages.count
            pages.append(SitePage(content: .item(item), file: Self.itemFile(item.number), label: "Punkt \(item.number): \(packet.title(of: item))"))
            guard packet.shows(item) else { continue }
            let parent = SiteFrame.Parent(link: SiteFrame.Link(file: Self.itemFile(item.number), label: packet.title(of: item)),
                                          short: "Punkt \(item.number)")
            for appendix in item.appendices where packet.shows(appendix) {
                if let attachment = packetAttachments[appendix.key] {
                    let parts = SiteNames.fileNameParts(appendix.source.lastPathComponent)
                    let stem = SiteNames.safeRun(parts.stem)
                    let name = "punkt-\(item.number)-bilag-\(appendix.number)" + (stem.isEmpty ? "" : "-\(stem)")
                    let fileExtension = files.isConverted(attachment) ? "pdf" : parts.fileExtension
                    let path = "\(PacketSite.attachmentFolder)/\(name)" + (fileExtension.isEmpty ? "" : ".\(fileExtension)")
                    attachments[appendix.key] = path
                    pages[itemPage].files.append(SiteFile(attachment: attachment, path: path))
                } else {
                    let file = "punkt-\(item.number)-bilag-\(appendix.number).html"
                    appendixPages[appendix.key] = file
                    pages.append(SitePage(content: .appendix(appendix), file: file, label: appendix.stamp, parent: parent))
                }
            }
        }
        self.pages = pages
        self.appendixPages = appendixPages
        self.attachments = attachments
    }

    static func itemFile(_ number: Int) -> String { "punkt-\(number).html" }

    func href(of appendix: ResolvedAgenda.Appendix) -> String? {
        appendixPages[appendix.key] ?? attachments[appendix.key]
    }
}
