import Foundation

/// A fixed-size array that concurrent iterations each write one slot of.
package final class ConcurrentResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    package init(count: Int) { storage = Array(repeating: nil, count: count) }

    package subscript(index: Int) -> Value? {
        get { lock.lock(); defer { lock.unlock() }; return storage[index] }
        set { lock.lock(); storage[index] = newValue; lock.unlock() }
    }

    package var values: [Value] { storage.compactMap { $0 } }
}
