import Foundation

/// The one lock of indstil: a value that one thread at a time reads or changes, inside
/// `withLock`. Every shared mutable state (caches, registries of running programs and
/// temporary items, flags) is a `Locked` value, never a hand-rolled lock beside a `var`;
/// a lock that guards no value (one save at a time) is a `Locked<Void>`.
///
/// Built on `NSLock` (a pthread mutex; not recursive) rather than Swift's
/// `Synchronization.Mutex`, because `Mutex` needs macOS 15 and indstil supports macOS 13.
/// Like `Mutex` it is `Sendable` whatever `Value` is: the value is reached only through
/// `withLock`, so keep what `withLock` returns to values that are safe to share, and
/// do not call `withLock` of the same `Locked` inside its own body (it would wait forever).
package final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    package init(_ value: Value) { self.value = value }

    /// Runs `body` with the value while holding the lock; what `body` throws is passed on
    /// (the lock is given back either way).
    package func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    /// Takes the lock and never gives it back: for a process that is ending (`Interruption`),
    /// so that nothing else enters `withLock` again. Waits while another thread holds it.
    func holdForever() {
        lock.lock()
    }
}

extension Locked where Value == Void {
    /// A lock that guards no value, only a step (`withLock { _ in … }`).
    package convenience init() { self.init(()) }
}
