import Foundation
import Testing
@testable import IndstilSupport

@Suite("Locked: the one lock")
struct LockedTests {
    @Test("changes from many threads are none of them lost")
    func noLostUpdates() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for step in 0..<2_000 {
                counter.withLock { count in
                    let seen = count
                    // Now and then give the other threads a chance to come in between (they must not).
                    if step % 50 == 0 { usleep(10) }
                    count = seen + 1
                }
            }
        }
        #expect(counter.withLock { $0 } == 16_000)
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
            _ = once.value { computed.withLock { $0 += 1 }; usleep(20_000); return 42 }
        }
        #expect(computed.withLock { $0 } == 1)
        #expect(once.value { 0 } == 42)
    }
}
