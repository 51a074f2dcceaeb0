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
    }

    struct Summary {
        let kind: String
        let title: String
        let packets: [Packet]
        let reports: [FileReport]
    }

    /// Built sites by manifest path and packet.
    private let sites = Locked<[String: URL]>([:])

    /// What the manifest assembles into (no files written).
    func summary(of manifest: URL, path: String, workspace: Workspace) -> Summary {
        switch workspace.assemble(manifest, displayPath: path) {
        case .unreadable(let report):
            return Summary(kind: "ukendt", title: path, packets: [], reports: [report])
        case .betaenkning(let outcome):
            return Summary(kind: "betaenkning", title: outcome.packet.title, packets: outcome.hasErrors ? [] : [.offentlig],
                           reports: outcome.reports)
        case .dagsorden(let outcome):
            let agenda = outcome.packet
            return Summary(kind: "dagsorden", title: agenda.manifest.committee,
                           packets: outcome.hasErrors ? [] : (agenda.hasClosedContent ? [.offentlig, .lukket] : [.offentlig]),
                           reports: outcome.reports)
        case .referat(let outcome):
            let minutes = outcome.packet
            return Summary(kind: "referat", title: minutes.agenda.manifest.committee,
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
        let progress: @Sendable (String) -> Void = { _ in }
        let audience: AgendaPacket.Audience = packet == .lukket ? .lukket : .offentlig
        func requireUsable(hasErrors: Bool, hasClosedContent: Bool, noClosed: String) throws {
            guard !hasErrors else { throw Refusal(.conflict, "Pakken har fejl og kan ikke samles; ret dem først.") }
            guard packet == .offentlig || hasClosedContent else { throw Refusal(.notFound, noClosed) }
        }
        switch workspace.assemble(manifest, displayPath: path) {
        case .unreadable:
            throw Refusal(.notFound, "Pakken findes ikke.")
        case .betaenkning where packet == .lukket:
            throw Refusal(.notFound, "Et bilagsmateriale har ingen lukket udgave.")
        case .betaenkning(let outcome):
            try requireUsable(hasErrors: outcome.hasErrors, hasClosedContent: false, noClosed: "")
            switch format {
            case .site: try PacketSite.write(outcome.packet, to: target, progress: progress)
            case .pdf: try PacketPDF.write(outcome.packet, to: target, progress: progress)
            }
        case .dagsorden(let outcome):
            try requireUsable(hasErrors: outcome.hasErrors, hasClosedContent: outcome.packet.hasClosedContent, noClosed: "Dagsordenen har ingen lukket udgave.")
            let packet = AgendaPacket(agenda: outcome.packet, audience: audience)
            switch format {
            case .site: try PacketSite.write([(packet, target)], progress: progress)
            case .pdf: try PacketPDF.write([(packet, target)], progress: progress)
            }
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
