import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// `indstil bundle … -o DIR`: a packet as a static website.
///
/// Every page is the kind's main content (`PacketSitePlan`) in one shared frame
/// (`SiteFrame`: the site's title, the way to the index, the page's chapter or item,
/// previous and next) and links one `style.css`; attachments go to `bilag/`, stamped
/// when the packet stamps them.
///
/// The site is built beside `DIR` and swapped in only when complete (`OutputStaging`),
/// so `DIR` holds either the old site or the whole new one; an agenda's public and closed
/// sites are swapped in together. The same packet always gives the same bytes.
public enum PacketSite {
    static let attachmentFolder = "bilag"

    /// A betænkning bundle's site (see `BundleSitePlan`).
    public static func write(_ bundle: ResolvedBundle, to folder: URL, progress: PacketProgress) throws(PacketFailure) {
        try writeTogether([(bundle, folder)], progress: progress)
    }

    /// An agenda's sites (see `AgendaSitePlan`): its public packet and, when it has closed
    /// content, its closed packet, staged together and swapped in as one: either both
    /// folders are new or both are as they were.
    public static func write(_ packets: [(packet: AgendaPacket, folder: URL)], progress: PacketProgress) throws(PacketFailure) {
        try writeTogether(packets.map { ($0.packet, $0.folder) }, progress: progress)
    }

    /// Minutes' sites (see `MinutesSitePlan`): public and closed, swapped in as one.
    public static func write(_ packets: [(packet: MinutesPacket, folder: URL)], progress: PacketProgress) throws(PacketFailure) {
        try writeTogether(packets.map { ($0.packet, $0.folder) }, progress: progress)
    }

    /// Builds each packet's site in a staging folder beside its target, then puts them all
    /// in place together (`OutputStaging`); nothing is replaced unless every site was built.
    static func writeTogether<P: Packet>(_ packets: [(P, URL)], progress: PacketProgress) throws(PacketFailure) {
        for (packet, _) in packets { try packet.refuseWithheld() }
        let targets = packets.map { $0.1.standardizedFileURL }
        for target in targets { try checkReplaceable(target) }
        let css = try stylesheet()
        let staging: OutputStaging
        do {
            staging = try OutputStaging(targets: targets, folders: true, closed: zip(packets, targets).filter { $0.0.0.isClosed }.map(\.1))
        } catch {
            throw PacketFailure(.output, error.indstilError.message, file: URL(fileURLWithPath: error.path))
        }
        do throws(PacketFailure) {
            for (packet, target) in zip(packets.map(\.0), targets) {
                // Plan first: names, order and every cross-reference, before anything is written.
                let work = try PacketWorkFolder.make()
                defer { PacketWorkFolder.remove(work) }
                let files = try PacketFiles(packet, work: work, progress: progress)
                let plan = try packet.sitePlan(files)
                try build(plan, files: files, css: css, into: staging.staged(for: target), work: work, progress: progress)
            }
            do {
                try staging.commit()
            } catch {
                throw PacketFailure(.output, error.indstilError.message, file: URL(fileURLWithPath: error.path))
            }
        } catch {
            staging.discard()
            throw error
        }
    }

    static func write(packet: some Packet, to folder: URL, progress: PacketProgress) throws(PacketFailure) {
        try writeTogether([(packet, folder)], progress: progress)
    }

    /// Writes every file of the site into `folder` (empty, made by `write`): pages in
    /// reading order, each page's attachments at its turn, the stamped ones last in one run.
    static func build<Plan: PacketSitePlan>(_ plan: Plan, files: PacketFiles, css: String, into folder: URL, work: URL,
                                            progress: PacketProgress) throws(PacketFailure) {
        try put(css, SiteFrame.styleFile, in: folder)
        let total = plan.pages.reduce(0) { total, page in
            total + (page.progressLabel == nil ? 0 : 1) + page.files.filter { $0.progressLabel != nil }.count
        }
        var done = 0
        func report(_ label: String?) {
            guard let label else { return }
            done += 1
            if done % 25 == 0 || done == total { progress(PacketStep(.writing, "Bilag \(done)/\(total): \(label)")) }
        }

        var stamps: [PDFStamper.Job] = []
        for (position, page) in plan.pages.enumerated() {
            try put(html(plan, position: position), page.file, in: folder)
            report(page.progressLabel)
            for file in page.files {
                let destination = folder.appendingPathComponent(file.path)
                try makeFolder(of: destination)
                if let stamp = file.attachment.stamp, let pdf = files.pdf(of: file.attachment) {
                    stamps.append(.init(source: pdf, stamp: stamp, destination: destination))
                } else {
                    try copy(file.attachment, to: destination)
                }
                report(file.progressLabel)
            }
        }
        try PDFStamper.stamp(stamps, work: work, progress: progress)
        if total == 0, let note = plan.noAppendicesNote { progress(PacketStep(.note, note)) }
    }

    /// The page at `position`: its main content in the frame, with the pages before and after it.
    static func html<Plan: PacketSitePlan>(_ plan: Plan, position: Int) -> String {
        let page = plan.pages[position]
        let link = { (page: SitePage<Plan.PageContent>) in SiteFrame.Link(file: page.file, label: page.label) }
        let siteTitle = plan.frame.siteTitle
        return plan.frame.html(title: position == 0 ? siteTitle : "\(page.label) – \(siteTitle)", file: page.file, parent: page.parent,
                               previous: position > 0 ? link(plan.pages[position - 1]) : nil,
                               next: position + 1 < plan.pages.count ? link(plan.pages[position + 1]) : nil,
                               main: plan.main(page.content))
    }

    static func put(_ text: String, _ name: String, in folder: URL) throws(PacketFailure) {
        let file = folder.appendingPathComponent(name)
        do { try Data(text.utf8).write(to: file) } catch {
            let reason = SystemErrorText.reason(error)
            throw PacketFailure(.writing, da: "\(name) kan ikke skrives i \(folder.path): \(reason.da)",
                                en: "\(name) cannot be written in \(folder.path): \(reason.en)", file: file)
        }
    }

    static func makeFolder(of destination: URL) throws(PacketFailure) {
        let folder = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            let reason = SystemErrorText.reason(error)
            throw PacketFailure(.writing, da: "Mappen til bilagene (\(folder.path)) kan ikke oprettes: \(reason.da)",
                                en: "The folder for the appendices (\(folder.path)) cannot be created: \(reason.en)", file: folder)
        }
    }

    /// Copies an attachment into the site as it is.
    static func copy(_ attachment: PacketAttachment, to destination: URL) throws(PacketFailure) {
        do {
            try FileManager.default.copyItem(at: attachment.source, to: destination)
        } catch {
            let reason = SystemErrorText.reason(error)
            throw PacketFailure(.copying, da: "Bilaget \(attachment.label) (\(attachment.source.path)) kan ikke kopieres: \(reason.da)",
                                en: "Appendix \(attachment.label) (\(attachment.source.path)) cannot be copied: \(reason.en)",
                                file: attachment.source)
        }
    }

    /// `Templates/_base/style.css` (the house style) followed by `bundle.css` (the site's own rules).
    static func stylesheet() throws(PacketFailure) -> String {
        let base = (ShippedTemplates.folder ?? URL(fileURLWithPath: "Templates")).appendingPathComponent("_base")
        var parts: [String] = []
        for name in ["style.css", "bundle.css"] {
            let url = base.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw PacketFailure(.stylesheet, da: "Stilarket \(url.path) kan ikke læses; er indstil installeret med sin Templates-mappe?",
                                    en: "The stylesheet \(url.path) cannot be read; is indstil installed with its Templates folder?", file: url)
            }
            parts.append(text.hasSuffix("\n") ? text : text + "\n")
        }
        return parts.joined(separator: "\n")
    }

    /// `DIR` may be missing, an empty folder or an earlier site; anything else (a file, a
    /// folder with other content) is refused rather than replaced.
    static func checkReplaceable(_ target: URL) throws(PacketFailure) {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw PacketFailure(.output, da: "»\(target.path)« findes og er ikke en mappe; vælg en anden mappe med -o",
                                en: "\"\(target.path)\" exists and is not a folder; choose another folder with -o", file: target)
        }
        let contents = (try? fileManager.contentsOfDirectory(atPath: target.path)) ?? []
        if contents.isEmpty { return }
        let index = target.appendingPathComponent(SiteFrame.indexFile)
        if let handle = try? FileHandle(forReadingFrom: index) {
            defer { try? handle.close() }
            let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
            if head.contains("<meta name=\"generator\" content=\"\(SiteFrame.generator)\">") { return }
        }
        throw PacketFailure(.output,
                            da: "Mappen »\(target.path)« findes og indeholder ikke et website fra indstil bundle; "
                                + "den bliver ikke overskrevet. Vælg en anden mappe med -o, eller slet den først",
                            en: "The folder \"\(target.path)\" exists and does not hold a site from indstil bundle; "
                                + "it is not overwritten. Choose another folder with -o, or delete it first", file: target)
    }
}
