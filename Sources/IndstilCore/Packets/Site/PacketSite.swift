import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `indstil bundle … -o DIR`: a packet as a static website.
///
/// Every page is the kind's main content (`PacketSitePlan`) in one shared frame
/// (`SiteFrame`: the site's title, the way to the index, the page's chapter or item,
/// previous and next) and links one `style.css`; attachments go to `bilag/`, stamped
/// when the packet stamps them.
///
/// The site is built beside `DIR` and swapped in only when complete, so `DIR` holds
/// either the old site or the whole new one. The same packet always gives the same bytes.
public enum PacketSite {
    static let indexFile = "index.html"
    static let styleFile = "style.css"
    static let attachmentFolder = "bilag"
    /// The `<meta name="generator">` of every page; an existing `DIR` is only replaced
    /// when it is empty or its `index.html` carries this.
    static let generator = "indstil bundle"

    /// A betænkning bundle's site (see `BundleSitePlan`).
    public static func write(_ bundle: ResolvedBundle, to folder: URL, progress: @Sendable (String) -> Void) throws(PacketFailure) {
        try write(packet: bundle, to: folder, progress: progress)
    }

    /// An agenda packet's site (see `AgendaSitePlan`).
    public static func write(_ packet: AgendaPacket, to folder: URL, progress: @Sendable (String) -> Void) throws(PacketFailure) {
        try write(packet: packet, to: folder, progress: progress)
    }

    static func write(packet: some Packet, to folder: URL, progress: (String) -> Void) throws(PacketFailure) {
        let fileManager = FileManager.default
        let target = folder.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try checkReplaceable(target)

        // Plan first: names, order and every cross-reference, before anything is written.
        let work = try PacketWorkFolder.make()
        defer { try? fileManager.removeItem(at: work) }
        let files = PacketFiles(packet, work: work, progress: progress)
        let plan = try packet.sitePlan(files)
        let css = try stylesheet()

        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw PacketFailure(.output, "Mappen \(parent.path) kan ikke oprettes: \(error.localizedDescription)", file: parent)
        }
        let staging = parent.appendingPathComponent("\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: staging)
        do throws(PacketFailure) {
            do {
                try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            } catch {
                throw PacketFailure(.output, "Mappen \(staging.path) kan ikke oprettes: \(error.localizedDescription)", file: staging)
            }
            try build(plan, files: files, css: css, into: staging, work: work, progress: progress)
            try swap(staging, into: target)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
    }

    /// Writes every file of the site into `folder` (empty, made by `write`): pages in
    /// reading order, each page's attachments at its turn, the stamped ones last in one run.
    static func build<Plan: PacketSitePlan>(_ plan: Plan, files: PacketFiles, css: String, into folder: URL, work: URL,
                                            progress: (String) -> Void) throws(PacketFailure) {
        try put(css, styleFile, in: folder)
        let total = plan.pages.reduce(0) { total, page in
            total + (page.progressLabel == nil ? 0 : 1) + page.files.filter { $0.progressLabel != nil }.count
        }
        var done = 0
        func report(_ label: String?) {
            guard let label else { return }
            done += 1
            if done % 25 == 0 || done == total { progress("Bilag \(done)/\(total): \(label)") }
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
        if total == 0, let note = plan.noAppendicesNote { progress(note) }
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
            throw PacketFailure(.writing, "\(name) kan ikke skrives i \(folder.path): \(error.localizedDescription)", file: file)
        }
    }

    static func makeFolder(of destination: URL) throws(PacketFailure) {
        let folder = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw PacketFailure(.writing, "Mappen til bilagene kan ikke oprettes: \(error.localizedDescription)", file: folder)
        }
    }

    /// Copies an attachment into the site as it is.
    static func copy(_ attachment: PacketAttachment, to destination: URL) throws(PacketFailure) {
        do {
            try FileManager.default.copyItem(at: attachment.source, to: destination)
        } catch {
            throw PacketFailure(.copying, "Bilaget \(attachment.label) (\(attachment.source.path)) kan ikke kopieres: \(error.localizedDescription)",
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
                throw PacketFailure(.stylesheet, "Stilarket \(url.path) kan ikke læses; er indstil installeret med sin Templates-mappe?", file: url)
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
            throw PacketFailure(.output, "»\(target.path)« findes og er ikke en mappe; vælg en anden mappe med -o", file: target)
        }
        let contents = (try? fileManager.contentsOfDirectory(atPath: target.path)) ?? []
        if contents.isEmpty { return }
        let index = target.appendingPathComponent(indexFile)
        if let handle = try? FileHandle(forReadingFrom: index) {
            defer { try? handle.close() }
            let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
            if head.contains("<meta name=\"generator\" content=\"\(generator)\">") { return }
        }
        throw PacketFailure(.output, "Mappen »\(target.path)« findes og indeholder ikke et website fra indstil bundle; "
            + "den bliver ikke overskrevet. Vælg en anden mappe med -o, eller slet den først", file: target)
    }

    /// Puts the finished site at `target`: the old one (if any) is moved aside, the new
    /// one renamed into place, then the old one removed. A failed rename puts the old back.
    static func swap(_ staging: URL, into target: URL) throws(PacketFailure) {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: target.path) else {
            guard rename(staging.path, target.path) == 0 else {
                throw PacketFailure(.output, "\(staging.path) kan ikke omdøbes til \(target.path): \(String(cString: strerror(errno)))", file: target)
            }
            return
        }
        let old = target.deletingLastPathComponent()
            .appendingPathComponent("\(target.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: old)
        guard rename(target.path, old.path) == 0 else {
            throw PacketFailure(.output, "Den tidligere udgave i \(target.path) kan ikke flyttes: \(String(cString: strerror(errno)))", file: target)
        }
        guard rename(staging.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old.path, target.path)
            throw PacketFailure(.output, "\(staging.path) kan ikke omdøbes til \(target.path): \(reason)", file: target)
        }
        try? fileManager.removeItem(at: old)
    }
}
