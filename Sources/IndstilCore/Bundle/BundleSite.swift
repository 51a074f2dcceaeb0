import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `indstil bundle -o DIR`: a betænkning bundle as a static website.
///
/// `DIR/index.html` is the bilagsfortegnelse; every chapter has `kapitel-N.html`, every
/// Markdown appendix a page named after its number (`b2-1.html`), and every other
/// appendix is copied to `bilag/` under its number (`bilag/B1.3-analyse.pdf`). Each
/// page links the index, its chapter and the previous and next page; `[](bilag:ID)`
/// and `kapitel:N` become numbered, titled links. One shared `style.css`.
///
/// The site is built beside `DIR` and swapped in only when complete, so `DIR` holds
/// either the old site or the whole new one. The same bundle always gives the same bytes.
public enum BundleSite {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// The `<meta name="generator">` of every page; an existing `DIR` is only replaced
    /// when it is empty or its `index.html` carries this.
    static let generator = "indstil bundle"

    public static func write(_ bundle: ResolvedBundle, to folder: URL, progress: @Sendable (String) -> Void) throws {
        let fileManager = FileManager.default
        let target = folder.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try checkReplaceable(target)

        // Plan first: names, order and every cross-reference, before anything is written.
        let plan = try SitePlan(bundle)
        let unresolved = plan.unresolvedReferences()
        if !unresolved.isEmpty {
            throw Failure("Bilagsmaterialet har henvisninger uden mål; intet er skrevet:\n" + unresolved.joined(separator: "\n"))
        }
        let css = try stylesheet()

        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure("Mappen \(parent.path) kan ikke oprettes: \(error.localizedDescription)")
        }
        let temporary = parent.appendingPathComponent("\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: temporary)
        do {
            try fileManager.createDirectory(at: temporary, withIntermediateDirectories: false)
            try build(plan, css: css, into: temporary, progress: progress)
            try swap(temporary, into: target)
        } catch {
            try? fileManager.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes every file of the site into `folder` (empty, made by `write`).
    static func build(_ plan: SitePlan, css: String, into folder: URL, progress: (String) -> Void) throws {
        func put(_ text: String, _ name: String) throws {
            do { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) } catch {
                throw Failure("\(name) kan ikke skrives i \(folder.path): \(error.localizedDescription)")
            }
        }
        try put(css, SitePlan.styleFile)

        // Pages in reading order; every other appendix is copied where its turn comes.
        let appendices = plan.bundle.appendices
        var done = 0
        func report(_ appendix: ResolvedBundle.Appendix) {
            done += 1
            if done % 25 == 0 || done == appendices.count {
                progress("Bilag \(done)/\(appendices.count): \(appendix.number) \(appendix.title)")
            }
        }
        for (position, page) in plan.pages.enumerated() {
            try put(SitePages.html(plan, position: position), page.file)
            switch page.kind {
            case .index:
                break
            case .appendix(let appendix, _):
                report(appendix)
            case .chapter(let chapter):
                // Attachments have no page: they count here, after their chapter's page.
                for appendix in chapter.appendices {
                    guard let attachment = plan.attachments[appendix.id] else { continue }
                    try copy(appendix, to: folder.appendingPathComponent(attachment.path))
                    report(appendix)
                }
            }
        }
        if appendices.isEmpty { progress("Bilagsmaterialet har ingen bilag") }
    }

    static func copy(_ appendix: ResolvedBundle.Appendix, to destination: URL) throws {
        try copy(source: appendix.source, label: appendix.number, to: destination)
    }

    /// Copies an attachment into the site; `label` names it in the error ("B1.3", "Punkt 3, Bilag 2").
    static func copy(source: URL, label: String, to destination: URL) throws {
        do {
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: destination)
        } catch {
            throw Failure("Bilaget \(label) (\(source.path)) kan ikke kopieres: \(error.localizedDescription)")
        }
    }

    /// `Templates/_base/style.css` (the house style) followed by `bundle.css` (the site's own rules).
    static func stylesheet() throws -> String {
        let base = (ShippedTemplates.folder ?? URL(fileURLWithPath: "Templates")).appendingPathComponent("_base")
        return try ["style.css", "bundle.css"].map { name in
            let url = base.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw Failure("Stilarket \(url.path) kan ikke læses; er indstil installeret med sin Templates-mappe?")
            }
            return text.hasSuffix("\n") ? text : text + "\n"
        }.joined(separator: "\n")
    }

    /// `DIR` may be missing, an empty folder or an earlier site; anything else (a file, a
    /// folder with other content) is refused rather than replaced.
    static func checkReplaceable(_ target: URL) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw Failure("»\(target.path)« findes og er ikke en mappe; vælg en anden mappe med -o")
        }
        let contents = (try? fileManager.contentsOfDirectory(atPath: target.path)) ?? []
        if contents.isEmpty { return }
        let index = target.appendingPathComponent(SitePlan.indexFile)
        if let handle = try? FileHandle(forReadingFrom: index) {
            defer { try? handle.close() }
            let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
            if head.contains("<meta name=\"generator\" content=\"\(generator)\">") { return }
        }
        throw Failure("Mappen »\(target.path)« findes og indeholder ikke et website fra indstil bundle; "
            + "den bliver ikke overskrevet. Vælg en anden mappe med -o, eller slet den først")
    }

    /// Puts the finished site at `target`: the old one (if any) is moved aside, the new
    /// one renamed into place, then the old one removed. A failed rename puts the old back.
    static func swap(_ temporary: URL, into target: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: target.path) else {
            guard rename(temporary.path, target.path) == 0 else {
                throw Failure("\(temporary.path) kan ikke omdøbes til \(target.path): \(String(cString: strerror(errno)))")
            }
            return
        }
        let old = target.deletingLastPathComponent()
            .appendingPathComponent("\(target.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: old)
        guard rename(target.path, old.path) == 0 else {
            throw Failure("Den tidligere udgave i \(target.path) kan ikke flyttes: \(String(cString: strerror(errno)))")
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old.path, target.path)
            throw Failure("\(temporary.path) kan ikke omdøbes til \(target.path): \(reason)")
        }
        try? fileManager.removeItem(at: old)
    }
}
