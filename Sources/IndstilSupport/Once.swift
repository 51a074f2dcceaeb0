import Foundation

/// A value computed on first use and then kept; copies of the document share it.
package final class Once<Value>: Sendable {
    private let stored = Locked<Value?>(nil)

    package init() {}

    /// The kept value, or `compute`'s (run while holding the lock, so only once), kept.
    package func value(_ compute: () -> Value) -> Value {
        stored.withLock { stored in
            if let stored { return stored }
            let computed = compute()
            stored = computed
            return computed
        }
    }
}
