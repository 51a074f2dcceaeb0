import Foundation
import IndstilCore

/// A bundle's or an agenda's packet as it would be published: its site built into a
/// temporary folder the server browses, and its PDF made on request. An agenda has a public
/// packet and, when anything is closed, a closed one: the two are never mixed up. Every
/// preview is built in a `TemporaryItems` folder (0700, whatever the umask; removed when
/// replaced, when the server stops or is interrupted, and by the next run after a SIGKILL),
/// so no other user of the machine can read a closed packet's preview.
final class PacketPreview: Sendable {
    enum Packet: String, Sendable {
        /// A betænkning's bundle (one packet) or an agenda's public packet.
        case offentlig
        /// An agenda's closed packet (every item and appendix; not to be published).
        case lukket
        /// The public and closed packets of an agenda's supplementary agenda (items added
        /// after it was sent).
        case tillaeg
        case tillaegLukket = "tillaeg-lukket"

        var isClosed: Bool { self == .lukket || self == .tillaegLukket }

        /// The agenda packet of this name ("-lukket", "-tillaeg" … as `indstil bundle` names them).
        init?(_ packet: AgendaPacket) {
            self.init(rawValue: packet.nameSuffix.isEmpty ? "offentlig" : String(packet.nameSuffix.dropFirst()))
        }
    }

    struct Summary {
        let kind: String
        let title: String
        /// The meeting's date, for an agenda or minutes.
        let date: CalendarDate?
        let packets: [Packet]
        let reports: [FileReport]
    }

    /// Built sites by manifest path and packet.
    private let sites = Locked<[String: URL]>([:])

    /// What the manifest assembles into (no files written).
    func summary(of manifest: URL, path: String, workspace: Workspace) -> Summary {
        switch workspace.assemble(manifest, displayPath: path) {
        case .unreadable(let report):
            return Summary(kind: "ukendt", title: path, date: nil, packets: [], reports: [report])
        case .betaenkning(let outcome):
            return Summary(kind: "betaenkning", title: outcome.packet.title, date: nil, packets: outcome.hasErrors ? [] : [.offentlig],
                           reports: outcome.reports)
        case .dagsorden(let outcome):
            let agenda = outcome.packet
            return Summary(kind: "dagsorden", title: agenda.manifest.committee, date: agenda.manifest.date,
                           packets: outcome.hasErrors ? [] : AgendaPacket.all(of: agenda).compactMap(Packet.init),
                           reports: outcome.reports)
        case .referat(let outcome):
            let minutes = outcome.packet
            return Summary(kind: "referat", title: minutes.agenda.manifest.committee, date: minutes.agenda.manifest.date,
                           packets: outcome.hasErrors ? [] : (minutes.hasClosedContent ? [.offentlig, .lukket] : [.offentlig]),
                           reports: outcome.reports)
        }
    }

    /// The folder holding the packet's site, built now (again, so it shows the files as they are).
    func buildSite(of manifest: URL, path: String, packet: Packet, workspace: Workspace) throws -> URL {
        let folder = try TemporaryItems.makeFolder(kind: "serve-site")
        let target = folder.appendingPathComponent("site")
        do {
            try write(.site, of: manifest, path: path, packet: packet, workspace: workspace, to: target)
        } catch {
            TemporaryItems.remove(folder)
            throw error
        }
        let key = "\(packet.rawValue)/\(path)"
        let previous = sites.withLock { sites in
            let previous = sites[key]
            sites[key] = folder
            return previous
        }
        if let previous { TemporaryItems.remove(previous) }
        return target
    }

    /// The site folder last built for this packet, or a new one.
    func site(of manifest: URL, path: String, packet: Packet, workspace: Workspace) throws -> URL {
        let built = sites.withLock { $0["\(packet.rawValue)/\(path)"] }
        if let built { return built.appendingPathComponent("site") }
        return try buildSite(of: manifest, path: path, packet: packet, workspace: workspace)
    }

    /// The packet's PDF.
    func pdf(of manifest: URL, path: String, packet: Packet, workspace: Workspace) throws -> Data {
        let folder = try TemporaryItems.makeFolder(kind: "serve-pdf")
        defer { TemporaryItems.remove(folder) }
        let file = folder.appendingPathComponent("\(packet.rawValue).pdf")
        try write(.pdf, of: manifest, path: path, packet: packet, workspace: workspace, to: file)
        return try Data(contentsOf: file)
    }

    private enum Format { case site, pdf }

    /// Assembles the manifest and writes the packet as a site (a folder) or a PDF at
    /// `target`. A packet with errors, or a closed packet that does not exist, is refused.
    private func write(_ format: Format, of manifest: URL, path: String, packet: Packet, workspace: Workspace, to target: URL) throws {
        let progress: PacketProgress = { _ in }
        let audience: AgendaPacket.Audience = packet.isClosed ? .lukket : .offentlig
        func requireUsable(hasErrors: Bool, hasClosedContent: Bool, noClosed: String) throws {
            guard !hasErrors else { throw Refusal(.conflict, "Pakken har fejl og kan ikke samles; ret dem først.") }
            guard !packet.isClosed || hasClosedContent else { throw Refusal(.notFound, noClosed) }
        }
        switch workspace.assemble(manifest, displayPath: path) {
        case .unreadable:
            throw Refusal(.notFound, "Pakken findes ikke.")
        case .betaenkning where packet != .offentlig:
            throw Refusal(.notFound, "Et bilagsmateriale har ingen lukket udgave.")
        case .betaenkning(let outcome):
            try requireUsable(hasErrors: outcome.hasErrors, hasClosedContent: false, noClosed: "")
            switch format {
            case .site: try PacketSite.write(outcome.packet, to: target, progress: progress)
            case .pdf: try PacketPDF.write(outcome.packet, to: target, progress: progress)
            }
        case .dagsorden(let outcome):
            try requireUsable(hasErrors: outcome.hasErrors, hasClosedContent: outcome.packet.hasClosedContent, noClosed: "Dagsordenen har ingen lukket udgave.")
            guard let packet = AgendaPacket.all(of: outcome.packet).first(where: { Packet($0) == packet }) else {
                throw Refusal(.notFound, packet == .tillaeg || packet == .tillaegLukket ? "Dagsordenen har ingen tillægsdagsorden (ingen punkter er kommet til efter udsendelsen)." : "Dagsordenen har ingen lukket udgave.")
            }
            switch format {
            case .site: try PacketSite.write([(packet, target)], progress: progress)
            case .pdf: try PacketPDF.write([(packet, target)], progress: progress)
            }
        case .referat where packet == .tillaeg || packet == .tillaegLukket:
            throw Refusal(.notFound, "Et referat har ingen tillægsdagsorden.")
        case .referat(let outcome):
            try requireUsable(hasErrors: outcome.hasErrors, hasClosedContent: outcome.packet.hasClosedContent, noClosed: "Referatet har ingen lukket udgave.")
            let packet = MinutesPacket(minutes: outcome.packet, audience: audience)
            switch format {
            case .site: try PacketSite.write([(packet, target)], progress: progress)
            case .pdf: try PacketPDF.write([(packet, target)], progress: progress)
            }
        }
    }

    /// Removes every site built (the server is stopping).
    func removeAll() {
        let all = sites.withLock { sites in
            let all = sites.values
            sites = [:]
            return all
        }
        for folder in all { TemporaryItems.remove(folder) }
    }
}
