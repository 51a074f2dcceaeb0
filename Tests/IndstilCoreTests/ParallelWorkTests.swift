import Foundation
import Testing
@testable import IndstilSupport

@Suite("ParallelWork: the one way to run work in parallel")
struct ParallelWorkTests {
    @Test("results come back in the items' order, whichever finishes first")
    func keepsOrder() {
        // The first items take longest, so they finish last.
        let items = Array(0..<12)
        let results = ParallelWork.map(items, workers: 4) { item -> String in
            usleep(UInt32((12 - item) * 3_000))
            return "item \(item)"
        }
        #expect(results == items.map { "item \($0)" })
    }

    @Test("at most `workers` items run at once, and more than one does")
    func boundsTheWorkers() {
        let running = Locked((now: 0, most: 0))
        let results = ParallelWork.map(Array(0..<16), workers: 3) { item -> Int in
            running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            usleep(20_000)
            running.withLock { $0.now -= 1 }
            return item * 2
        }
        #expect(results == (0..<16).map { $0 * 2 })
        let most = running.withLock { $0.most }
        #expect(most <= 3)
        #expect(most > 1)
    }

    @Test("every item is run exactly once")
    func runsEachOnce() {
        let seen = Locked([Int: Int]())
        _ = ParallelWork.map(Array(0..<500), workers: 8) { item in seen.withLock { $0[item, default: 0] += 1 } }
        #expect(seen.withLock { $0 } == Dictionary(uniqueKeysWithValues: (0..<500).map { ($0, 1) }))
    }

    @Test("no items, one item, one worker: nothing, and the calling thread does the work")
    func smallCases() {
        #expect(ParallelWork.map([Int](), workers: 4) { $0 }.isEmpty)
        let caller = Thread.current
        #expect(ParallelWork.map([7]) { item -> Bool in Thread.current == caller && item == 7 } == [true])
        #expect(ParallelWork.map([1, 2, 3], workers: 1) { _ in Thread.current == caller } == [true, true, true])
    }
}
