/// The words of two texts compared: the shortest edit that turns `old` into `new`, as runs of
/// text kept, deleted and inserted. Words and the spaces and punctuation between them are
/// tokens of their own, so "godkender" → "vedtager" is one word changed, not a letter.
///
/// The comparison is a longest common subsequence over tokens (`CommonSubsequence`, bounded:
/// two long texts that differ throughout are one deletion and one insertion rather than a
/// quadratic cost).
public enum WordDiff {
    public enum Kind: String, Sendable, Equatable {
        case same, deleted, inserted
    }

    public struct Segment: Sendable, Equatable {
        public let kind: Kind
        public let text: String

        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    public static func segments(old: String, new: String) -> [Segment] {
        let a = tokens(old), b = tokens(new)
        // Runs are gathered as pieces and joined once: appending to a run's text would copy
        // it each time (quadratic on a long text).
        var runs: [(kind: Kind, pieces: [Substring])] = []
        func add(_ kind: Kind, _ text: Substring) {
            guard !text.isEmpty else { return }
            // (No copy of the last run is held while it grows: that would copy its pieces.)
            if runs.last?.kind == kind {
                runs[runs.count - 1].pieces.append(text)
            } else {
                runs.append((kind, [text]))
            }
        }
        var i = 0, j = 0
        for operation in CommonSubsequence.operations(a, b) {
            switch operation {
            case .same: add(.same, a[i]); i += 1; j += 1
            case .deleted: add(.deleted, a[i]); i += 1
            case .inserted: add(.inserted, b[j]); j += 1
            }
        }
        return tidied(runs.map { Segment($0.kind, $0.pieces.joined()) })
    }

    /// A short value (a field, a table cell: a date, an amount, a name) replaced whole, which
    /// reads better than its pieces ("[-1,8-]{+2,1+}", not "[-1-]{+2+},[-8-]{+1+}"); longer
    /// text word by word.
    public static func valueSegments(old: String, new: String) -> [Segment] {
        guard old.count > 40 || new.count > 40 else {
            return [Segment(.deleted, old), Segment(.inserted, new)].filter { !$0.text.isEmpty }
        }
        return segments(old: old, new: new)
    }

    /// The share of `old`'s and `new`'s words they have in common (0…1), for pairing a
    /// changed paragraph with what it was.
    public static func similarity(_ old: String, _ new: String) -> Double {
        let a = words(old), b = words(new)
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var counts: [Substring: Int] = [:]
        for word in a { counts[word, default: 0] += 1 }
        var common = 0
        for word in b where (counts[word] ?? 0) > 0 {
            counts[word]! -= 1
            common += 1
        }
        return Double(2 * common) / Double(a.count + b.count)
    }

    static func words(_ text: String) -> [Substring] {
        tokens(text).filter { $0.first.map { $0.isLetter || $0.isNumber } ?? false }
    }

    /// Words (letters and digits), runs of white space, and single other characters.
    static func tokens(_ text: String) -> [Substring] {
        var out: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        func kind(_ character: Character) -> Int {
            if character.isLetter || character.isNumber { return 0 }
            if character.isWhitespace { return 1 }
            return 2
        }
        while index < text.endIndex {
            let current = kind(text[index])
            var next = text.index(after: index)
            if current != 2 {
                while next < text.endIndex, kind(text[next]) == current { next = text.index(after: next) }
            }
            out.append(text[start..<next])
            start = next
            index = next
        }
        return out
    }

    /// A space kept alone between two changes joins them ("[-a b-]{+c d+}" rather than
    /// "[-a-]{+c+} [-b-]{+d+}"): changes read as phrases.
    private static func tidied(_ segments: [Segment]) -> [Segment] {
        var out: [Segment] = []
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            if segment.kind == .same, segment.text.allSatisfy(\.isWhitespace), index > 0, index + 1 < segments.count,
               segments[index - 1].kind != .same, segments[index + 1].kind != .same {
                // Move the space into both sides of the change.
                var deleted = "", inserted = ""
                var look = out.count - 1
                while look >= 0, out[look].kind != .same { look -= 1 }
                for earlier in out[(look + 1)...] { if earlier.kind == .deleted { deleted += earlier.text } else { inserted += earlier.text } }
                out.removeSubrange((look + 1)...)
                deleted += segment.text
                inserted += segment.text
                var next = index + 1
                while next < segments.count, segments[next].kind != .same {
                    if segments[next].kind == .deleted { deleted += segments[next].text } else { inserted += segments[next].text }
                    next += 1
                }
                if !deleted.isEmpty { out.append(Segment(.deleted, deleted)) }
                if !inserted.isEmpty { out.append(Segment(.inserted, inserted)) }
                index = next
                continue
            }
            if let last = out.last, last.kind == segment.kind {
                out[out.count - 1] = Segment(segment.kind, last.text + segment.text)
            } else {
                out.append(segment)
            }
            index += 1
        }
        return out
    }
}
