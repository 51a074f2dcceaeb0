import Dispatch
import Foundation
import IndstilSupport

/// Word attachments converted to PDF while the packet is still being read and checked.
///
/// LibreOffice takes about a second for an agenda's Word appendix, and the packet cannot be
/// set before it is done; reading and checking the agenda takes most of a second too, on the
/// other core. `bundle --to pdf` therefore starts (`begin`) this, the agenda's assembly
/// offers each Word file as soon as its path has passed the manifest's gates (`offer`), and
/// LibreOffice converts it at once, beside the checks. `OfficeConversion.pdfs` takes the
/// result (`take`) when the converted file's key is the key of the bytes it is asked for;
/// anything else (a file saved again meanwhile, a conversion that failed) is converted there
/// as before, and reported there.
///
/// Everything happens in a private work folder of its own (the copies, LibreOffice's profile and
/// temporary files), removed by `end`, which first waits for a conversion under way. One
/// LibreOffice runs at a time: files offered while it runs are converted together in the next
/// run. Nothing converted here is published unless the packet build takes it by its key.
enum OfficeConversionAhead {
    /// One conversion under way or done, by its `ContentCache.Key` name.
    private final class Entry: @unchecked Sendable {
        let done = DispatchGroup()
        /// Set before `done` is left, read only after it.
        var pdf: URL?
        init() { done.enter() }
    }

    private struct State {
        var work: URL?
        var program: String?
        var identity: String?
        var entries: [String: Entry] = [:]
        /// Offered and not yet given to LibreOffice.
        var waiting: [(copy: URL, entry: Entry)] = []
        var running = false
        var copies = 0
        var ended = false
    }

    private static let state = Locked(State())
    private static let runs = DispatchGroup()

    /// Starts taking offers (a PDF build is coming). Without LibreOffice there is nothing to do.
    static func begin() {
        guard let program = ["soffice", "libreoffice"].first(where: { ExternalProgram.find($0) != nil }),
              let identity = OfficeConversion.identity(of: program) else { return }
        state.withLock { state in
            guard state.identity == nil, !state.ended else { return }
            state.program = program
            state.identity = identity
        }
    }

    /// Converts `source` now, when `begin` was called and it is a convertible regular file.
    static func offer(_ source: URL) {
        guard OfficeConversion.convertible.contains(source.pathExtension.lowercased()), FileKind.isRegularFile(source) else { return }
        let ready: (work: URL, copy: URL, identity: String)? = state.withLock { state in
            guard let identity = state.identity, !state.ended else { return nil }
            if state.work == nil {
                guard let work = try? PacketWorkFolder.make(),
                      (try? TemporaryItems.makePrivateFolder(work.appendingPathComponent("konvertering", isDirectory: true))) != nil else {
                    state.identity = nil
                    return nil
                }
                state.work = work
            }
            guard let work = state.work else { return nil }
            state.copies += 1
            let copy = work.appendingPathComponent("konvertering", isDirectory: true)
                .appendingPathComponent("forud-\(state.copies).\(source.pathExtension.lowercased())")
            return (work, copy, identity)
        }
        guard let ready else { return }
        do { try TemporaryItems.copyPrivately(source, to: ready.copy) } catch { return }
        // A conversion the cache already holds is taken from there by the build.
        guard let key = OfficeConversion.key(identity: ready.identity, copy: ready.copy), ContentCache.shared?.holds(key) != true else { return }
        let startRun: Bool = state.withLock { state in
            guard !state.ended, state.entries[key.name] == nil else { return false }
            let entry = Entry()
            state.entries[key.name] = entry
            state.waiting.append((ready.copy, entry))
            guard !state.running else { return false }
            state.running = true
            runs.enter()
            return true
        }
        if startRun { Thread.detachNewThread { convertWaiting() } }
    }

    /// Runs LibreOffice over what is waiting, again and again until nothing is.
    private static func convertWaiting() {
        defer { runs.leave() }
        while true {
            let batch: (work: URL, program: String, run: Int, files: [(copy: URL, entry: Entry)])? = state.withLock { state in
                guard !state.waiting.isEmpty, let work = state.work, let program = state.program else {
                    state.running = false
                    return nil
                }
                defer { state.waiting = [] }
                state.copies += 1
                return (work, program, state.copies, state.waiting)
            }
            guard let batch else { return }
            let folder = batch.work.appendingPathComponent("konvertering", isDirectory: true)
            // Each LibreOffice run has its own profile and temporary folder.
            let run = batch.work.appendingPathComponent("koersel-\(batch.run)", isDirectory: true)
            // The copies stand for themselves: the result is found again by their bytes' key.
            let converted = (try? TemporaryItems.makePrivateFolder(run)) == nil ? nil
                : try? OfficeConversion.convert(batch.files.map { ($0.copy, $0.copy) }, program: batch.program, work: run, folder: folder)
            for (copy, entry) in batch.files {
                entry.pdf = converted?[copy]
                entry.done.leave()
            }
        }
    }

    /// The PDF converted ahead for `key` (waiting for it when it is under way): a file in this
    /// process's private folder, to be copied; nil when nothing was offered under that key or
    /// its conversion failed.
    static func take(_ key: ContentCache.Key) -> URL? {
        guard let entry = state.withLock({ $0.entries[key.name] }) else { return nil }
        entry.done.wait()
        if entry.pdf != nil { taken.withLock { $0 += 1 } }
        return entry.pdf
    }

    /// How many conversions this process took from here (for the tests and for nothing else).
    static let taken = Locked(0)

    /// Whether conversions are being taken (`begin` was called and LibreOffice is there).
    static var isActive: Bool { state.withLock { $0.identity != nil && !$0.ended } }

    /// Waits for a conversion under way and removes the work folder; offers wait for the next `begin`.
    static func end() {
        let work: URL? = state.withLock { state in
            state.ended = true
            return state.work
        }
        runs.wait()
        if let work { PacketWorkFolder.remove(work) }
        state.withLock { $0 = State() }
    }
}
