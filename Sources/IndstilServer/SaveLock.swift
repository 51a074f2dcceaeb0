import Foundation

/// Saves one at a time: comparing the version on disk and writing are one step.
final class SaveLock: @unchecked Sendable {
    static let shared = SaveLock()
    private let lock = NSLock()

    func run<T>(_ work: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try work()
    }
}
