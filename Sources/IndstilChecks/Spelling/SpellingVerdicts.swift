import IndstilSupport

/// libhunspell's answers (known or not) by the FNV-1a hash of the word's bytes, shared by the
/// threads checking documents. Nearly every lookup is of a word answered before, so the
/// answers are read from a `Snapshot` without taking a lock; new answers wait under the lock
/// in `recent` until there are enough of them (an eighth of the snapshot, at least 64) to
/// publish a new snapshot with them, which keeps the copying to a few times the answers in all.
final class SpellingVerdicts: Sendable {
    /// Answers that no longer change: a thread takes one for a document.
    final class Snapshot: Sendable {
        let known: HashSet64
        let unknown: HashSet64

        init(known: HashSet64 = HashSet64(), unknown: HashSet64 = HashSet64()) {
            self.known = known
            self.unknown = unknown
        }

        var count: Int { known.count + unknown.count }

        @inline(__always) func verdict(_ key: UInt64) -> Bool? {
            known.contains(key) ? true : unknown.contains(key) ? false : nil
        }
    }

    private struct State {
        var published = Snapshot()
        var recentKnown = HashSet64(), recentUnknown = HashSet64()
        /// Answers given since the last `unsaved()`.
        var unsaved = 0
    }

    private let state = Locked(State())

    /// The most answers kept: a workspace open for days meets every half-typed word, so past
    /// this the answers start again from the latest.
    static let limit = 320_000

    /// The answers published so far.
    func snapshot() -> Snapshot { state.withLock { $0.published } }

    /// The answer for `key`: from `snapshot`, else (under the lock) from newer answers.
    func verdict(_ key: UInt64, in snapshot: Snapshot) -> Bool? {
        if let verdict = snapshot.verdict(key) { return verdict }
        return state.withLock { state in
            state.recentKnown.contains(key) ? true : state.recentUnknown.contains(key) ? false : state.published.verdict(key)
        }
    }

    /// Keeps a new answer.
    func record(_ key: UInt64, known: Bool) {
        state.withLock { state in
            if known { state.recentKnown.insert(key) } else { state.recentUnknown.insert(key) }
            state.unsaved += 1
            let recent = state.recentKnown.count + state.recentUnknown.count
            guard recent >= max(64, state.published.count / 8) else { return }
            var known = state.published.known, unknown = state.published.unknown
            if state.published.count + recent > Self.limit {
                known = HashSet64()
                unknown = HashSet64()
            }
            for key in state.recentKnown.keys { known.insert(key) }
            for key in state.recentUnknown.keys { unknown.insert(key) }
            state.published = Snapshot(known: known, unknown: unknown)
            state.recentKnown = HashSet64()
            state.recentUnknown = HashSet64()
        }
    }

    /// Publishes answers read from an earlier run (`SpellingAnswerFile`), with any given since.
    func add(known: [UInt64], unknown: [UInt64]) {
        state.withLock { state in
            var knownSet = HashSet64(capacity: known.count + state.published.known.count + state.recentKnown.count)
            var unknownSet = HashSet64(capacity: unknown.count + state.published.unknown.count + state.recentUnknown.count)
            for key in known.prefix(Self.limit) { knownSet.insert(key) }
            for key in unknown.prefix(Self.limit - knownSet.count) { unknownSet.insert(key) }
            for key in state.published.known.keys + state.recentKnown.keys { knownSet.insert(key) }
            for key in state.published.unknown.keys + state.recentUnknown.keys { unknownSet.insert(key) }
            state.published = Snapshot(known: knownSet, unknown: unknownSet)
            state.recentKnown = HashSet64()
            state.recentUnknown = HashSet64()
        }
    }

    /// Every answer (known, then not known, each sorted) when some are new since the last
    /// call, else nil.
    func unsaved() -> (known: [UInt64], unknown: [UInt64])? {
        state.withLock { state in
            guard state.unsaved > 0 else { return nil }
            state.unsaved = 0
            return Self.all(state)
        }
    }

    /// Every answer, known, then not known, each sorted.
    func all() -> (known: [UInt64], unknown: [UInt64]) {
        state.withLock { Self.all($0) }
    }

    private static func all(_ state: State) -> (known: [UInt64], unknown: [UInt64]) {
        ((state.published.known.keys + state.recentKnown.keys).sorted(),
         (state.published.unknown.keys + state.recentUnknown.keys).sorted())
    }
}
