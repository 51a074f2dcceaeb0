import Foundation
import Testing
@testable import IndstilSupport

@Suite("Locked: the one lock")
struct LockedTests {
    @Test("changes from many threads are none of them lost")
    func noLostUpdates() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<10_000 { counter.withLock { $0 += 1 } }
        }
        #expect(counter.withLock { $0 } == 80_000)
    }

    struct Refused: Error, Equatable {}

    @Test("what the body throws is passed on, typed, and the lock is given back")
    func throwsAndReleases() {
        let value = Locked([1])
        #expect(throws: Refused.self) {
            try value.withLock { (list: inout [Int]) throws(Refused) in
                list.append(2)
                throw Refused()
            }
        }
        // Taken again: a lock not given back would wait here forever.
        #expect(value.withLock { $0 } == [1, 2])
    }

    @Test("Once computes its value once, however many threads ask")
    func onceComputesOnce() {
        let once = Once<Int>()
        let computed = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            _ = once.value { computed.withLock { $0 += 1 }; usleep(1_000); return 42 }
        }
        #expect(computed.withLock { $0 } == 1)
        #expect(once.value { 0 } == 42)
    }
}
