import Foundation
import IndstilCore

/// Saves one at a time: comparing the version on disk and writing are one step.
final class SaveLock: Sendable {
    static let shared = SaveLock()
    private let saving = Locked()

    func run<T>(_ work: () throws -> T) throws -> T {
        try saving.withLock { _ in try work() }
    }
}
