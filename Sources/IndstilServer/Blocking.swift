import Foundation

/// Work that blocks a thread (analysis, a PDF from weasyprint) run off Swift's
/// cooperative threads, so slow work does not stall the server's other requests.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
