import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What happens when indstil is interrupted (Ctrl-C, SIGTERM from a CI runner or a
/// service manager, the terminal closing): every program it started is stopped, every
/// temporary item removed (staged packets included: closed material is never left
/// behind), and indstil ends with 128 + the signal's number. An output being put in place
/// (`uninterrupted`) finishes first, so the outputs are either all old or all new.
public enum Interruption {
    /// Held while outputs are put in place, and for good once indstil is being interrupted.
    private static let criticalSection = Locked()
    private static let interrupted = Locked(false)
    /// The signal sources, kept for as long as the process runs.
    private static let sources = Locked<[DispatchSourceSignal]>([])

    /// Handles SIGINT, SIGTERM and SIGHUP from now on (the CLI calls this once at start).
    public static func install() {
        let queue = DispatchQueue(label: "indstil.interruption")
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { end(by: signalNumber) }
            source.resume()
            sources.withLock { $0.append(source) }
        }
    }

    /// Runs `work` (renames that put outputs in place) so that an interruption waits for it.
    static func uninterrupted<T, E: Error>(_ work: () throws(E) -> T) throws(E) -> T {
        try criticalSection.withLock { _ throws(E) in try work() }
    }

    /// Stops the calling thread for good when indstil is being interrupted: a thread
    /// whose program was just stopped must not go on to report that as a failure, or
    /// write anything, while the interruption cleans up and ends indstil.
    static func holdIfInterrupted() {
        let stopping = interrupted.withLock { $0 }
        guard stopping else { return }
        // Wait for `end` to end the process. Not by taking `criticalSection`: `end` sets the flag
        // before it takes that lock, and a thread taking it in between would hold it for good
        // while `end` waited for it — the run would hang instead of ending.
        while true { sleep(3600) }
    }

    private static func end(by signalNumber: Int32) -> Never {
        interrupted.withLock { $0 = true }
        criticalSection.holdForever()  // never released: nothing more is put in place
        ChildProcesses.stopAll()
        TemporaryItems.removeAll()
        // A thread that was writing when the signal came may have recreated a folder.
        usleep(50_000)
        TemporaryItems.removeAll()
        let name = signalNumber == SIGINT ? "Ctrl-C" : signalNumber == SIGTERM ? "SIGTERM" : "SIGHUP"
        let message = "indstil: afbrudt (\(name)); intet halvfærdigt er efterladt\n"
        message.utf8CString.withUnsafeBufferPointer { _ = write(2, $0.baseAddress, $0.count - 1) }
        _exit(128 + signalNumber)
    }
}
