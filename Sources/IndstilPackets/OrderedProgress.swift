import Foundation
import IndstilSupport

/// Where a packet built beside another reports its steps: either straight on (`live`), or
/// held (`held`) and told later in one go (`tell`), so that two packets set at the same
/// time report as if one came after the other.
struct OrderedProgress: Sendable {
    private let live: PacketProgress?
    private let steps = Locked<[PacketStep]>([])

    static func held() -> OrderedProgress { OrderedProgress(live: nil) }

    private init(live: PacketProgress?) {
        self.live = live
    }

    /// Reports `step`: at once when live, else kept for `tell`.
    var report: PacketProgress {
        { [live, steps] step in
            if let live { live(step) } else { steps.withLock { $0.append(step) } }
        }
    }

    /// The held steps, in order, to `progress`; nothing when live.
    func tell(_ progress: PacketProgress) {
        for step in steps.withLock({ held in defer { held.removeAll() }; return held }) { progress(step) }
    }
}

extension OrderedProgress {
    /// Steps reported straight to `progress`.
    init(_ progress: @escaping PacketProgress) {
        self.init(live: progress)
    }
}
