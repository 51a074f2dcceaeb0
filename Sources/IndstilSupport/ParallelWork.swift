import Foundation

/// The one way indstil runs work in parallel (`check`'s documents, a document's plugins,
/// `render`'s documents): `map` runs `transform` on every item on a few threads of its
/// own, each taking the next item until none are left, and returns the results in the
/// items' order, so the output does not depend on which thread finished first.
///
/// The threads are made here, not taken from Dispatch's pool: they get a stack of 8 MB
/// (deeply nested Markdown and tables recurse), and nested use (plugins inside a checked
/// document) cannot starve a shared pool. `map` returns when every item is done.
package enum ParallelWork {
    /// The stack of each worker thread.
    static let stackSize = 8 << 20

    /// As many workers as the machine has cores: for work that computes.
    package static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// `items.map(transform)`, with at most `workers` items at a time. One item (or one
    /// worker) runs on the calling thread.
    package static func map<Item, Output>(_ items: [Item], workers: Int = cores, _ transform: @escaping (Item) -> Output) -> [Output] {
        let width = max(1, min(workers, items.count))
        if width <= 1 { return items.map(transform) }
        // Shared by the workers, which only read it; every worker is done before `map` returns.
        let job = UncheckedJob { index in transform(items[index]) }
        let count = items.count
        let results = Locked([Output?](repeating: nil, count: count))
        let next = Locked(0)
        let done = DispatchGroup()
        for _ in 0..<width {
            done.enter()
            let thread = Thread {
                while let index = next.withLock({ value -> Int? in
                    guard value < count else { return nil }
                    value += 1
                    return value - 1
                }) {
                    let result = job.run(index)
                    results.withLock { $0[index] = result }
                }
                done.leave()
            }
            thread.stackSize = stackSize
            thread.start()
        }
        done.wait()
        return results.withLock { $0.map { $0! } }
    }

    /// The transform and the items, handed to the worker threads.
    private struct UncheckedJob<Output>: @unchecked Sendable {
        let run: (Int) -> Output
    }
}
