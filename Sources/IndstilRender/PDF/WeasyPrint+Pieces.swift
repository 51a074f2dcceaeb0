import Foundation
import IndstilSupport
import IndstilDocument

extension WeasyPrint {
    /// Sets one tagged document given as `pieces` (whole HTML documents with the same style, each
    /// a run of its chapters, cut where a page break is forced anyway) as the PDF `output`: every
    /// piece at the same time in a session of its own (`sessions`, one a piece), then joined
    /// (`PDFJoin`, which also finishes the tags as `TaggedPDFFinish` does a whole set's). The PDF has the pages, text, page numbers, bookmarks, links and tags the
    /// whole document set at once has (`WeasyPrintPieces` tells how); WeasyPrint's layout is
    /// most of a big packet's time, and it runs on one core, so two pieces take about half.
    ///
    /// Returns false, having written nothing, when the pieces cannot be set that way: the
    /// WeasyPrint is not 57, a piece refused (its numbers did not settle …) or failed, or the pieces
    /// could not be joined.
    /// The caller then sets the document whole, which reports a real failure as such. A piece
    /// that does not answer in time is a failure of the set (`Problem.timedOut`).
    ///
    /// The PDF is kept in `cache` under all the pieces and the WeasyPrint, as `set` keeps its own.
    /// - Parameter nestedBookmarks: for each piece, how many of its first top-level bookmarks go
    ///   under the last top-level bookmark before it (`PDFJoin`).
    package static func setInPieces(_ pieces: [String], nestedBookmarks: [Int] = [], work: URL, output: URL, sessions: [WeasyPrintSession],
                                    timeout: TimeInterval, cache: ContentCache? = ContentCache.shared) throws(Problem) -> Bool {
        let name = program(for: .tagged)
        guard pieces.count >= 2, sessions.count == pieces.count, sessions.allSatisfy({ $0.name == name }),
              let program = WeasyPrintProgram.named(name) else { return false }
        let options = ["--quiet"] + Variant.tagged.options
        let pages = pieces.map { Data($0.replacingOccurrences(of: "<wbr>", with: "\u{200B}").utf8) }
        var key: ContentCache.Key?
        if let cache, let identity = program.identity {
            var made = ContentCache.Key("weasyprint pieces 1")
            made.add(identity)
            made.add(options.joined(separator: " "))
            for page in pages { made.add(page) }
            made.add(nestedBookmarks.map(String.init).joined(separator: " "))
            if cache.copy(made, to: output) { return true }
            key = made
        }

        // Everything of this set in a private folder of its own, removed when it is done: the pieces'
        // HTML and PDFs, the exchange folder the pieces tell each other in, and the join's files.
        let base = work.appendingPathComponent("stykker-\(UUID().uuidString)", isDirectory: true)
        let exchange = base.appendingPathComponent("udveksling", isDirectory: true)
        let folders = pieces.indices.map { base.appendingPathComponent("stykke-\($0 + 1)", isDirectory: true) }
        do {
            try TemporaryItems.makePrivateFolder(base)
            try TemporaryItems.makePrivateFolder(exchange)
            for (folder, page) in zip(folders, pages) {
                try TemporaryItems.makePrivateFolder(folder)
                try TemporaryItems.writePrivately(page, to: folder.appendingPathComponent("stykke.html"))
            }
        } catch {
            throw .inputNotWritable(error)
        }
        defer { try? FileManager.default.removeItem(at: base) }

        enum Outcome {
            case set(URL)
            case refused
            case failed(Problem)
        }
        let indexes: [Int] = Array(0..<pieces.count)
        let outcomes = ParallelWork.map(indexes, workers: pieces.count) { (index: Int) -> Outcome in
            let input = folders[index].appendingPathComponent("stykke.html")
            let pdf = folders[index].appendingPathComponent("stykke.pdf")
            let job: [String: Any] = ["folder": exchange.path, "index": index, "count": pieces.count, "timeout": Int(timeout)]
            let outcome: Outcome
            switch sessions[index].run(options + [input.path, pdf.path], piece: job, timeout: timeout) {
            case .notFound:
                outcome = .failed(.notFound)
            case .timedOut:
                outcome = .failed(.timedOut(timeout))
            case .finished(let status, _):
                if status == 0, let head = try? FileHandle(forReadingFrom: pdf).read(upToCount: 4), head == Data("%PDF".utf8) {
                    outcome = .set(pdf)
                } else {
                    outcome = .refused
                }
            }
            if case .set = outcome {} else {
                // The other pieces wait for this one's pages: they are told to stop.
                try? TemporaryItems.writePrivately(Data("stop".utf8), to: exchange.appendingPathComponent("stop"))
            }
            return outcome
        }
        var set: [URL] = []
        for outcome in outcomes {
            switch outcome {
            case .set(let pdf): set.append(pdf)
            case .refused: return false
            case .failed(let problem): throw problem
            }
        }
        do {
            try PDFJoin.join(set, nestedBookmarks: nestedBookmarks, into: output, work: base)
        } catch {
            // Pieces of a shape the join does not know: the document is set whole.
            return false
        }
        if let cache, let key { cache.keep(output, as: key) }
        return true
    }
}
