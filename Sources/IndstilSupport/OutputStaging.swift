import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The outputs of one run (a file, a folder, or several: an agenda's public and closed
/// packets), each built in a staging place beside its target and put in place together
/// by `commit`: a reader finds all the old outputs or all the new ones, never one new
/// and one old, and never a half-written one.
///
/// Staging places are named `.NAME.indstil-PID.ny` (the old output, while it is swapped,
/// `.NAME.indstil-PID.gammel`). They are registered with `TemporaryItems`, so an
/// interrupted run removes them; one that was killed outright leaves them, and the next
/// run with a target in that folder removes them before anything else (`AbandonedOutputs`).
///
/// A staging place is its owner's only while it is built, whatever the umask (a folder
/// 0700, a file 0600), so another user never sees an output before it is in place. Just
/// before the swap its modes become the final ones: a closed output's (`closed`) stay
/// private, every folder in it 0700 and every file 0600; a public output, and everything
/// in it, follows the umask (folders 0777, files 0666, less the umask's bits).
package final class OutputStaging {
    package struct Output {
        package let target: URL
        package let staged: URL
        /// A closed packet's output: private for good.
        package let closed: Bool
    }

    package private(set) var outputs: [Output] = []
    private var committed = false

    /// Staging places for `targets` (folders when `folders`), made empty and ready;
    /// those in `closed` keep private modes when put in place.
    package init(targets: [URL], folders: Bool, closed: [URL] = []) throws(AtomicFile.Failure) {
        let closed = Set(closed.map(\.standardizedFileURL))
        let fileManager = FileManager.default
        do throws(AtomicFile.Failure) {
            for target in targets.map(\.standardizedFileURL) {
                let parent = target.deletingLastPathComponent()
                do {
                    try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
                } catch {
                    throw Failure(path: target.path, reason: Message(da: "mappen \(parent.path) kan ikke oprettes (\(SystemErrorText.reason(error).da))", en: "the folder \(parent.path) cannot be created (\(SystemErrorText.reason(error).en))"))
                }
                AbandonedOutputs.remove(beside: target)
                if !folders && Self.isFolder(target) {
                    throw Failure(path: target.path, reason: Message(da: "der er en mappe med det navn", en: "there is a folder of that name"))
                }
                let staged = Self.place(of: target, role: "ny")
                try? fileManager.removeItem(at: staged)
                TemporaryItems.register(staged)
                outputs.append(Output(target: target, staged: staged, closed: closed.contains(target)))
                if folders {
                    do {
                        try TemporaryItems.makePrivateFolder(staged)
                    } catch {
                        throw Failure(path: target.path, reason: Message(da: "mappen \(staged.lastPathComponent) kan ikke oprettes ved siden af (\(SystemErrorText.reason(error).da))", en: "the folder \(staged.lastPathComponent) cannot be created beside it (\(SystemErrorText.reason(error).en))"))
                    }
                }
            }
        } catch {
            discard()
            throw error
        }
    }

    /// `.NAME.indstil-PID.ROLE` beside `target`.
    package static func place(of target: URL, role: String) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).indstil-\(TemporaryItems.ownID).\(role)")
    }

    /// Where the output for `target` is built.
    package func staged(for target: URL) -> URL {
        let target = target.standardizedFileURL
        return outputs.first { $0.target == target }?.staged ?? Self.place(of: target, role: "ny")
    }

    /// Writes `data` as the staged file for `target` (0600 until `commit`).
    package func write(_ data: Data, for target: URL) throws(AtomicFile.Failure) {
        do {
            try TemporaryItems.writePrivately(data, to: staged(for: target))
        } catch {
            throw Failure(path: target.path, reason: SystemErrorText.reason(error))
        }
    }

    /// Copies the file `source` as the staged file for `target` (0600 until `commit`).
    package func copy(_ source: URL, for target: URL) throws(AtomicFile.Failure) {
        do {
            try TemporaryItems.copyPrivately(source, to: staged(for: target))
        } catch {
            throw Failure(path: target.path, reason: SystemErrorText.reason(error))
        }
    }

    /// Gives every staged output its final modes (see the type's comment).
    private func setFinalModes() throws(AtomicFile.Failure) {
        let mask = Self.umask
        for output in outputs {
            let (folderMode, fileMode): (mode_t, mode_t) = output.closed ? (0o700, 0o600) : (0o777 & ~mask, 0o666 & ~mask)
            var failure: Int32 = 0
            func apply(_ path: String) {
                var status = stat()
                guard lstat(path, &status) == 0 else { return }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    // Inner entries first: a folder made 0700 by the closed output is still walked.
                    for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] { apply(path + "/" + name) }
                    if chmod(path, folderMode) != 0 && failure == 0 { failure = errno }
                case S_IFREG:
                    if chmod(path, fileMode) != 0 && failure == 0 { failure = errno }
                default:
                    break  // a symbolic link has no mode of its own
                }
            }
            apply(output.staged.path)
            if failure != 0 {
                throw Failure(path: output.target.path, reason: Message(da: "rettighederne kan ikke sættes (\(SystemErrorText.errnoText(failure).da))", en: "its permissions cannot be set (\(SystemErrorText.errnoText(failure).en))"))
            }
        }
    }

    /// This process's umask, read without changing it (Linux: /proc/self/status); where
    /// that cannot be read, set and restored once, early.
    static let umask: mode_t = {
        #if os(Linux)
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let value = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
            return value
        }
        #endif
        #if canImport(Glibc)
        let current = Glibc.umask(0o022)
        _ = Glibc.umask(current)
        #else
        let current = Darwin.umask(0o022)
        _ = Darwin.umask(current)
        #endif
        return current
    }()

    /// Puts every staged output in place. The old outputs are kept aside first (a file
    /// as a hard link, so it never disappears from its name; a folder moved), the new
    /// ones renamed in, then the old ones removed. If a rename fails, what was done is
    /// undone, so every target keeps its old content. An interruption waits for this.
    package func commit() throws(AtomicFile.Failure) {
        let fileManager = FileManager.default
        try setFinalModes()
        var kept: [(target: URL, old: URL, linked: Bool)] = []
        try Interruption.uninterrupted { () throws(AtomicFile.Failure) in
            var placed: [Output] = []
            func undo() {
                for output in placed.reversed() where !kept.contains(where: { $0.target == output.target && $0.linked }) {
                    _ = rename(output.target.path, output.staged.path)
                }
                for entry in kept.reversed() {
                    // A link to a target that was never replaced is the same file: rename would keep both names.
                    if entry.linked && !placed.contains(where: { $0.target == entry.target }) {
                        _ = unlink(entry.old.path)
                    } else {
                        _ = rename(entry.old.path, entry.target.path)
                    }
                }
                kept.removeAll()
            }
            for output in outputs where Self.exists(output.target) {
                let old = Self.place(of: output.target, role: "gammel")
                try? fileManager.removeItem(at: old)
                TemporaryItems.register(old)
                if !Self.isFolder(output.target), link(output.target.path, old.path) == 0 {
                    kept.append((output.target, old, true))
                    continue
                }
                guard rename(output.target.path, old.path) == 0 else {
                    let reason = SystemErrorText.errnoText(errno)
                    TemporaryItems.unregister(old)
                    undo()
                    throw Failure(path: output.target.path, reason: Message(da: "den tidligere udgave kan ikke flyttes (\(reason.da))", en: "the earlier version cannot be moved (\(reason.en))"))
                }
                kept.append((output.target, old, false))
            }
            for output in outputs {
                guard rename(output.staged.path, output.target.path) == 0 else {
                    let reason = SystemErrorText.errnoText(errno)
                    undo()
                    throw Failure(path: output.target.path, reason: Message(da: "den nye udgave kan ikke flyttes på plads (\(reason.da))", en: "the new version cannot be moved into place (\(reason.en))"))
                }
                TemporaryItems.unregister(output.staged)
                placed.append(output)
            }
            committed = true
        }
        for entry in kept { TemporaryItems.remove(entry.old) }
    }

    private static func exists(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0
    }

    private static func isFolder(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Removes every staged output (after a failure; nothing is put in place).
    package func discard() {
        guard !committed else { return }
        for output in outputs { TemporaryItems.remove(output.staged) }
    }

    package typealias Failure = AtomicFile.Failure
}

/// What a run killed outright (SIGKILL, a power cut) left beside an output: staging
/// places and old outputs of a process that no longer runs, in this version's names
/// (`.NAME.indstil-PID.ny|gammel`) and earlier ones' (`NAME.tmp-PID`, `NAME.old-PID`,
/// `.NAME.PID.tmp`). An old output whose target is missing (the run died between the
/// two renames) is put back; everything else is removed, before anything is written.
enum AbandonedOutputs {
    /// One leftover: its name in the folder, the process that left it, and whether it holds an old output.
    struct Leftover {
        package let entry: String
        let pid: Int32
        let isOld: Bool
    }

    /// Per folder (listed once per run), the leftovers of dead processes by the target they belong to.
    private static let leftovers = Locked<[String: [String: [Leftover]]]>([:])

    package static func remove(beside target: URL) {
        let name = target.lastPathComponent
        let folder = target.deletingLastPathComponent()
        let found = leftovers.withLock { leftovers in
            if leftovers[folder.path] == nil { leftovers[folder.path] = scan(folder) }
            let found = leftovers[folder.path]?[name] ?? []
            leftovers[folder.path]?[name] = nil
            return found
        }
        for leftover in found {
            let url = folder.appendingPathComponent(leftover.entry)
            if leftover.isOld && !FileManager.default.fileExists(atPath: target.path) && rename(url.path, target.path) == 0 { continue }
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// The folder's leftovers of processes that no longer run, by target name.
    package static func scan(_ folder: URL) -> [String: [Leftover]] {
        var found: [String: [Leftover]] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            guard let (target, pid, isOld) = owner(of: entry), !TemporaryItems.isRunning(pid) else { continue }
            found[target, default: []].append(Leftover(entry: entry, pid: pid, isOld: isOld))
        }
        return found
    }

    /// The target, process id and kind of `entry` when it is a staging place or an old
    /// output: `.NAME.indstil-PID.ny|gammel`, `NAME.tmp-PID`, `NAME.old-PID` or `.NAME.PID.tmp`.
    package static func owner(of entry: String) -> (target: String, pid: Int32, isOld: Bool)? {
        func number(_ text: Substring) -> Int32? {
            guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int32(text), value > 0 else { return nil }
            return value
        }
        if entry.hasPrefix("."), let marker = entry.range(of: ".indstil-", options: .backwards), marker.lowerBound > entry.startIndex,
           let dot = entry.lastIndex(of: "."), dot > marker.lowerBound {
            let role = entry[entry.index(after: dot)...]
            let target = entry[entry.index(after: entry.startIndex)..<marker.lowerBound]
            if role == "ny" || role == "gammel", !target.isEmpty, let pid = number(entry[marker.upperBound..<dot]) {
                return (String(target), pid, role == "gammel")
            }
        }
        for (infix, isOld) in [(".tmp-", false), (".old-", true)] {
            if let range = entry.range(of: infix, options: .backwards), range.lowerBound > entry.startIndex,
               let pid = number(entry[range.upperBound...]) {
                return (String(entry[..<range.lowerBound]), pid, isOld)
            }
        }
        if entry.hasPrefix("."), entry.hasSuffix(".tmp") {
            let middle = entry.dropFirst().dropLast(4)
            if let dot = middle.lastIndex(of: "."), dot > middle.startIndex, let pid = number(middle[middle.index(after: dot)...]) {
                return (String(middle[..<dot]), pid, false)
            }
        }
        return nil
    }
}
