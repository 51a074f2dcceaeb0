import Foundation

/// A value computed on first use and then kept; copies of the document share it.
package final class Once<Value>: @unchecked Sendable {
    private var stored: Value?
    private let lock = NSLock()

    package init() {}

    package func value(_ compute: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let computed = compute()
        stored = computed
        return computed
    }
}
