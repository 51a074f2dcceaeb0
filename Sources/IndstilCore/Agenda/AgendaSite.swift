import Foundation

/// `indstil bundle dagsorden.yml -o DIR`: an agenda packet as a static website.
///
/// `index.html` is the agenda (items, times, expected duration, every appendix),
/// `punkt-N.html` each item, `punkt-N-bilag-M.html` each Markdown appendix (the
/// indstilling is Bilag 1), and `bilag/` the attachments under their packet numbers,
/// every page of a PDF stamped "Punkt N, Bilag M: Titel". Which items and appendices
/// are shown is the packet's audience: the public packet names closed ones as closed
/// and holds nothing of them.
///
/// Built beside `DIR` and swapped in when complete, like a bundle site.
public enum AgendaSite {
    public static func write(_ packet: AgendaPacket, to folder: URL, progress: @Sendable (String) -> Void) throws {
        let fileManager = FileManager.default
        let target = folder.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try BundleSite.checkReplaceable(target)
        let css = try BundleSite.stylesheet()
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw BundleSite.Failure("Mappen \(parent.path) kan ikke oprettes: \(error.localizedDescription)")
        }
        let temporary = parent.appendingPathComponent("\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        let work = fileManager.temporaryDirectory.appendingPathComponent("indstil-dagsorden-\(UUID().uuidString)", isDirectory: true)
        try? fileManager.removeItem(at: temporary)
        defer { try? fileManager.removeItem(at: work) }
        do {
            try fileManager.createDirectory(at: temporary, withIntermediateDirectories: false)
            try fileManager.createDirectory(at: work, withIntermediateDirectories: true)
            let plan = AgendaSitePlan(packet, converted: packet.convertedAttachments(work: work, progress: progress))
            try build(plan, css: css, into: temporary, work: work, progress: progress)
            try BundleSite.swap(temporary, into: target)
        } catch {
            try? fileManager.removeItem(at: temporary)
            throw error
        }
    }

    static func build(_ plan: AgendaSitePlan, css: String, into folder: URL, work: URL, progress: (String) -> Void) throws {
        func put(_ text: String, _ name: String) throws {
            do { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) } catch {
                throw BundleSite.Failure("\(name) kan ikke skrives i \(folder.path): \(error.localizedDescription)")
            }
        }
        try put(css, SitePlan.styleFile)
        for position in plan.pages.indices {
            try put(AgendaSitePages.html(plan, position: position), plan.pages[position].file)
        }
        guard !plan.attachments.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(SitePlan.attachmentFolder), withIntermediateDirectories: true)
        } catch {
            throw BundleSite.Failure("Mappen til bilagene kan ikke oprettes: \(error.localizedDescription)")
        }
        var stamps: [PDFStamper.Job] = []
        for appendix in plan.packet.includedAppendices {
            guard let path = plan.attachments[appendix.key] else { continue }
            let destination = folder.appendingPathComponent(path)
            if let pdf = AgendaPacket.pdf(of: appendix, converted: plan.converted) {
                stamps.append(.init(source: pdf, stamp: appendix.stamp, destination: destination))
            } else {
                try BundleSite.copy(source: appendix.source, label: appendix.label, to: destination)
            }
        }
        do {
            try PDFStamper.stamp(stamps, work: work, progress: progress)
        } catch {
            throw BundleSite.Failure(error.description)
        }
    }
}

/// Where everything of a packet's site goes, decided before anything is written.
package struct AgendaSitePlan {
    package struct Page {
        enum Kind {
            case index
            case item(ResolvedAgenda.Item)
            case appendix(ResolvedAgenda.Appendix)
        }

        let kind: Kind
        let file: String
        let label: String
        /// The item the page belongs to.
        let item: Int?
    }

    let packet: AgendaPacket
    /// Office attachments converted to PDF, by source: published as stamped PDFs.
    let converted: [URL: URL]
    package let pages: [Page]
    /// Page of each shown Markdown appendix, by key.
    let appendixPages: [String: String]
    /// "bilag/punkt-3-bilag-2-sammenfatning.pdf" of each shown attachment, by key.
    let attachments: [String: String]

    static let indexFile = SitePlan.indexFile

    package init(_ packet: AgendaPacket, converted: [URL: URL] = [:]) {
        self.packet = packet
        self.converted = converted
        var pages = [Page(kind: .index, file: Self.indexFile, label: packet.label, item: nil)]
        var appendixPages: [String: String] = [:]
        var attachments: [String: String] = [:]
        for item in packet.agenda.items {
            pages.append(Page(kind: .item(item), file: Self.itemFile(item.number),
                              label: "Punkt \(item.number): \(packet.title(of: item))", item: item.number))
            guard packet.shows(item) else { continue }
            for appendix in item.appendices where packet.shows(appendix) {
                if case .attachment = appendix.content {
                    let parts = SiteNames.fileNameParts(appendix.source.lastPathComponent)
                    let stem = SiteNames.safeRun(parts.stem)
                    let name = "punkt-\(item.number)-bilag-\(appendix.number)" + (stem.isEmpty ? "" : "-\(stem)")
                    let fileExtension = converted[appendix.source] != nil ? "pdf" : parts.fileExtension
                    attachments[appendix.key] = "\(SitePlan.attachmentFolder)/\(name)" + (fileExtension.isEmpty ? "" : ".\(fileExtension)")
                } else {
                    let file = "punkt-\(item.number)-bilag-\(appendix.number).html"
                    appendixPages[appendix.key] = file
                    pages.append(Page(kind: .appendix(appendix), file: file, label: appendix.stamp, item: item.number))
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
