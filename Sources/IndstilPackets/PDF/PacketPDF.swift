import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// `indstil bundle … --to pdf`: a packet as one A4 PDF.
///
/// One HTML document (`PacketPDFDocument`, the body from the kind's `PacketPDFPlan`) is
/// set by WeasyPrint; each PDF attachment (or office file turned into PDF) gets blank
/// pages reserved for its pages (`ReservedPages`), which qpdf then swaps for the
/// attachment's own pages (`PDFMerge`: kept as they are, vector; stamped first by
/// `PDFStamper` with their header and "side X af Y"), its bookmark and the links to it
/// pointed at its first page and its own bookmarks hung under it. Other attachments
/// (XLSX …) get a placeholder page saying they are published as separate files.
///
/// Everything is built in a temporary folder; `file` is written only at the end, in
/// one rename (an agenda's public and closed PDFs together), so a failure leaves no
/// partial PDF and never one new PDF beside an old one.
public enum PacketPDF {
    /// Big packets (hundreds of pages) take WeasyPrint minutes.
    public static let timeout: TimeInterval = 600

    /// A betænkning bundle's PDF (see `BundlePDFPlan`).
    /// `archive`, here and below: the archive copy, PDF/A-2 (`WeasyPrint.Variant.archive`,
    /// `PDFArchiveParts`), instead of the tagged PDF/UA-1.
    /// - Parameter pieceMinimumBytes: from this size of HTML on the bundle is set in pieces (`setInPieces`).
    public static func write(_ bundle: ResolvedBundle, to file: URL, archive: Bool = false, pieceMinimumBytes: Int = pieceMinimumBytes,
                             progress: @escaping PacketProgress) throws(PacketFailure) {
        try writeTogether([(bundle, file)], archive: archive, pieceMinimumBytes: pieceMinimumBytes, progress: progress)
    }

    /// An agenda's PDFs (see `AgendaPDFPlan`): its public packet and, when it has closed
    /// content, its closed packet, put in place together: either both files are new or
    /// both are as they were.
    public static func write(_ packets: [(packet: AgendaPacket, file: URL)], archive: Bool = false, progress: @escaping PacketProgress) throws(PacketFailure) {
        try writeTogether(packets.map { ($0.packet, $0.file) }, archive: archive, progress: progress)
    }

    /// Minutes' PDFs (see `MinutesPDFPlan`): public and closed, put in place together.
    public static func write(_ packets: [(packet: MinutesPacket, file: URL)], archive: Bool = false, progress: @escaping PacketProgress) throws(PacketFailure) {
        try writeTogether(packets.map { ($0.packet, $0.file) }, archive: archive, progress: progress)
    }

    static func write(packet: some Packet, to file: URL, progress: @escaping PacketProgress) throws(PacketFailure) {
        try writeTogether([(packet, file)], progress: progress)
    }

    /// Sets each packet's PDF in its own work folder; only when all are done are they
    /// staged beside their targets and put in place together (`OutputStaging`).
    ///
    /// The packets (an agenda's public and closed one) are set at the same time, on both
    /// cores, once their office files are converted one packet after the other (so the
    /// closed packet takes the public one's conversions from the `ContentCache`). The steps
    /// are reported as if they ran one after the other: the first packet's as they happen,
    /// the others' held back and told in order after it.
    static func writeTogether<P: Packet>(_ packets: [(P, URL)], archive: Bool = false, pieceMinimumBytes: Int = pieceMinimumBytes,
                                         progress: @escaping PacketProgress) throws(PacketFailure) {
        for (packet, _) in packets { try packet.refuseWithheld() }
        var works: [URL] = []
        var sessions: [WeasyPrintSession?] = []
        defer {
            // The sessions end before their work folders go.
            sessions.forEach { $0?.close() }
            works.forEach(PacketWorkFolder.remove)
        }
        let told = packets.indices.map { $0 == 0 ? OrderedProgress(progress) : OrderedProgress.held() }
        var files: [PacketFiles] = []
        for (index, (packet, target)) in packets.enumerated() {
            // Several packets at once (public and closed): each one's steps under its name.
            if packets.count > 1 { told[index].report(PacketStep(.building, "Bygger \(target.lastPathComponent) …")) }
            let work = try PacketWorkFolder.make()
            works.append(work)
            // WeasyPrint started now imports itself while LibreOffice converts and the pages are put
            // together, when the last build of this packet had to set it (or there was none).
            sessions.append(takeWarm(archive: archive)
                ?? (PacketSettingForecast.likely(target, archive: archive) ? WeasyPrintSession.start(archive ? .archive : .tagged, work: work) : nil))
            files.append(try PacketFiles(packet, work: work, progress: told[index].report))
        }
        let started = sessions
        let wereSet = packets.map { _ in Locked(false) }
        let built = ParallelWork.map(Array(packets.indices)) { index in
            Result { () throws(PacketFailure) -> URL in
                try build(packets[index].0, files: files[index], work: works[index], archive: archive, session: started[index],
                          wasSet: wereSet[index], pieceMinimumBytes: pieceMinimumBytes, progress: told[index].report)
            }
        }
        for (index, (_, target)) in packets.enumerated() where (try? built[index].get()) != nil {
            PacketSettingForecast.remember(target, archive: archive, setting: wereSet[index].withLock { $0 })
        }

        var results: [URL] = []
        for (index, result) in built.enumerated() {
            told[index].tell(progress)
            results.append(try result.get())
        }
        let targets = packets.map { $0.1.standardizedFileURL }
        do throws(AtomicFile.Failure) {
            let staging = try OutputStaging(targets: targets, folders: false, closed: zip(packets, targets).filter { $0.0.0.isClosed }.map(\.1))
            do throws(AtomicFile.Failure) {
                for (result, target) in zip(results, targets) {
                    try staging.copy(result, for: target)
                }
                try staging.commit()
            } catch {
                staging.discard()
                throw error
            }
        } catch {
            throw PacketFailure(.writing, error.indstilError.message, file: URL(fileURLWithPath: error.path))
        }
        ContentCache.shared?.trim()
    }

    /// The packet's finished PDF, built in `work`.
    static func build(_ packet: some Packet, work: URL, archive: Bool = false, progress: @escaping PacketProgress) throws(PacketFailure) -> URL {
        try build(packet, files: try PacketFiles(packet, work: work, progress: progress), work: work, archive: archive, progress: progress)
    }

    /// The packet's finished PDF from its `files` (converted), built in `work`.
    /// - Parameter session: WeasyPrint started ahead of time for this packet; when there is none
    ///   and the packet must be set, one is started here for its pages and stamps.
    /// - Parameter wasSet: set to true when the packet had to be set (not taken from the cache).
    /// - Parameter pieceMinimumBytes: a packet whose HTML is at least this big is set in pieces
    ///   on all cores (`setInPieces`).
    static func build(_ packet: some Packet, files: PacketFiles, work: URL, archive: Bool = false, session: WeasyPrintSession? = nil,
                      wasSet: Locked<Bool>? = nil, pieceMinimumBytes: Int = pieceMinimumBytes, progress: PacketProgress) throws(PacketFailure) -> URL {
        var started: WeasyPrintSession?
        defer { started?.close() }

        // The PDF attachments, measured: their pages are reserved in the set PDF.
        var attachments: [PDFAttachment] = []
        for attachment in files.attachments {
            guard let pdf = files.pdf(of: attachment) else {
                progress(PacketStep(.note, "Bemærk: \(attachment.label) »\(attachment.source.lastPathComponent)« er ikke en PDF og kommer kun med som henvisning"))
                continue
            }
            attachments.append(try PDFAttachment.inspect(source: pdf, key: attachment.key, label: attachment.bookmarkLabel,
                                                         pageHeader: attachment.pageHeader, index: attachments.count + 1, work: work))
        }
        if archive { try PDFArchiveParts.requireConforming(attachments, work: work) }
        // Pages of other sizes placed on A4 (measured in parallel: most attachments are A4 already).
        let placements = ParallelWork.map(Array(attachments.enumerated())) { index, attachment in
            Result { () throws(PacketFailure) -> PDFAttachment in try A4Placement.placed(attachment, index: index + 1, work: work) }
        }
        attachments = try placements.map { result throws(PacketFailure) -> PDFAttachment in try result.get() }

        let plan = packet.pdfPlan(files)
        progress(PacketStep(.building, "Bygger HTML til PDF: \(plan.summary) …"))
        let pages = Dictionary(attachments.map { ($0.key, $0.pageCount) }, uniquingKeysWith: { first, _ in first })
        let css = try stylesheet()
        // A plan that can be set in pieces is cut now: its pieces joined are the whole body.
        let bodies = archive ? nil : plan.bodyPieces(attachmentPages: pages, count: pieceCount)
        let html = PacketPDFDocument.html(plan, body: bodies?.map(\.body).joined() ?? plan.body(attachmentPages: pages), css: css)

        // The finished packet, kept under everything it is made from: a rebuild with nothing changed is a copy.
        let result = work.appendingPathComponent("pakke.pdf")
        let kept = PacketPDFCacheKey.make(html: html, attachments: attachments, archive: archive)
        if let kept, let cache = ContentCache.shared, cache.copy(kept, to: result) {
            progress(PacketStep(.setting, "Uændret siden sidst: PDF'en tages fra cachen …"))
            return result
        }

        wasSet?.withLock { $0 = true }
        if session == nil { started = WeasyPrintSession.start(archive ? .archive : .tagged, work: work) }
        let weasyPrint = session ?? started
        let input = work.appendingPathComponent("pakke.html")
        let set = work.appendingPathComponent("sat.pdf")
        progress(PacketStep(.setting, "Sætter PDF med WeasyPrint …"))
        let inPieces = try setInPieces(plan, html: html, bodies: bodies, css: css, work: work, output: set, session: weasyPrint,
                                       minimumBytes: pieceMinimumBytes, progress: progress)
        if !inPieces {
            try WeasyPrint.setPacket(html, input: input, output: set, purpose: .document, archive: archive, timeout: timeout, session: weasyPrint)
        }
        guard !attachments.isEmpty else {
            if let kept { ContentCache.shared?.keep(set, as: kept) }
            return set
        }

        // Each attachment page stamped with its header and its page number in the packet, then merged.
        let reserved = try ReservedPages.read(set, pageCounts: attachments.map(\.pageCount), work: work)
        let stamped = attachments.indices.map { work.appendingPathComponent("stemplet-\($0 + 1).pdf") }
        let jobs = zip(attachments, reserved.runs).enumerated().map { index, pair in
            PDFStamper.Job(source: pair.0.file, stamp: pair.0.pageHeader, destination: stamped[index],
                           pageNumbers: .init(first: pair.1.first, total: reserved.pageCount))
        }
        try PDFStamper.stamp(jobs, work: work, progress: progress, session: weasyPrint)
        try PDFMerge.merge(main: set, reserved: reserved, attachments: zip(attachments, stamped).map { $0.stamped(as: $1) },
                           work: work, output: result, progress: progress)
        if let kept { ContentCache.shared?.keep(result, as: kept) }
        return result
    }

    // MARK: Setting a big packet in pieces

    /// The size of a packet's HTML (about 80 pages) from which it is set in pieces: below it, the
    /// second WeasyPrint and the join cost about what the pieces save.
    public static let pieceMinimumBytes = 256 * 1024

    /// Into how many pieces a packet is cut: one a core, at most four.
    static var pieceCount: Int { min(ParallelWork.cores, 4) }

    /// Sets a tagged packet of at least `minimumBytes` of HTML in pieces when its plan was cut
    /// (`bodies`, from `PacketPDFPlan.bodyPieces`, two or more): each piece in a WeasyPrint
    /// session of its own (`session`, then one started ahead by `warmUp`, then new ones), joined
    /// into `output` (`WeasyPrint.setInPieces`). False when it was not: then it is set whole.
    static func setInPieces(_ plan: some PacketPDFPlan, html: String, bodies: [PacketBodyPiece]?, css: String, work: URL, output: URL,
                            session: WeasyPrintSession?, minimumBytes: Int, progress: PacketProgress) throws(PacketFailure) -> Bool {
        guard pieceCount >= 2, html.utf8.count >= minimumBytes, let bodies,
              let pieces = PacketPDFDocument.htmlPieces(plan, bodies: bodies, css: css) else { return false }
        var started: [WeasyPrintSession] = []
        defer { started.forEach { $0.close() } }
        var sessions = session.map { [$0] } ?? []
        while sessions.count < pieces.count, let warm = takeWarm(archive: false) {
            started.append(warm)
            sessions.append(warm)
        }
        while sessions.count < pieces.count, let new = WeasyPrintSession.start(.tagged, work: work) {
            started.append(new)
            sessions.append(new)
        }
        progress(PacketStep(.setting, "Sætter \(pieces.count) dele på én gang …"))
        do {
            return try WeasyPrint.setInPieces(pieces, nestedBookmarks: bodies.map(\.nestedBookmarks), work: work, output: output,
                                              sessions: sessions, timeout: timeout)
        } catch {
            throw PacketFailure(.setting, error.message(.document), file: output)
        }
    }

    // MARK: WeasyPrint started before the packet is read

    /// Sessions started by `warmUp`, taken by the next packets set (`writeTogether`).
    private static let warm = Locked<[WeasyPrintSession]>([])

    /// Starts WeasyPrint for the packet about to be built to `target` (an agenda's public and
    /// closed packet: two) while its files are read and checked, when its last build had to set
    /// it (`PacketSettingForecast`). Call `coolDown` when the command ends.
    /// - Parameter target: nil when the command names no output (the kind's default name is
    ///   not known yet): then only the Word appendices are converted ahead.
    public static func warmUp(for target: URL?, archive: Bool = false, packets: Int = 2) {
        // Word appendices go to LibreOffice as soon as the agenda names them.
        OfficeConversionAhead.begin()
        guard let target, PacketSettingForecast.likely(target, archive: archive) else { return }
        let started = (0..<packets).compactMap { _ in WeasyPrintSession.start(archive ? .archive : .tagged) }
        warm.withLock { $0 += started }
    }

    /// Stops the sessions `warmUp` started that no packet took (the build stopped on errors,
    /// or had fewer packets).
    public static func coolDown() {
        let left = warm.withLock { sessions in
            defer { sessions.removeAll() }
            return sessions
        }
        left.forEach { $0.close() }
        OfficeConversionAhead.end()
    }

    static func takeWarm(archive: Bool) -> WeasyPrintSession? {
        let name = WeasyPrint.program(for: archive ? .archive : .tagged)
        return warm.withLock { sessions in
            guard let index = sessions.firstIndex(where: { $0.name == name }) else { return nil }
            return sessions.remove(at: index)
        }
    }

    /// `Templates/_base/bundle-pdf.css`: the house style of every packet PDF.
    static func stylesheet() throws(PacketFailure) -> String {
        let url = (ShippedTemplates.folder ?? URL(fileURLWithPath: "Templates"))
            .appendingPathComponent("_base").appendingPathComponent("bundle-pdf.css")
        guard let css = try? String(contentsOf: url, encoding: .utf8) else {
            throw PacketFailure(.stylesheet, da: "stilarket \(url.path) kan ikke læses", en: "the stylesheet \(url.path) cannot be read", file: url)
        }
        return css
    }
}
