/// The edit script between two sequences: a longest common subsequence kept, the rest
/// deleted and inserted, in order. The common start and end are taken off first; the table
/// for the middle is bounded (`maximumCells`): beyond it the middle is all deleted and all
/// inserted, so two long inputs that differ throughout cost their length, not its square.
enum CommonSubsequence {
    enum Operation: Equatable { case same, deleted, inserted }

    /// Element pairs compared at most (some 16 MB of table).
    static let maximumCells = 4_000_000

    static func operations<Element: Equatable>(_ a: [Element], _ b: [Element]) -> [Operation] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let n = a.count - prefix - suffix, m = b.count - prefix - suffix
        var out = [Operation](repeating: .same, count: prefix)
        if n == 0 || m == 0 || n * m > maximumCells {
            out += [Operation](repeating: .deleted, count: n) + [Operation](repeating: .inserted, count: m)
        } else {
            // lengths[i][j]: the longest common subsequence of a[i...] and b[j...] (of the middle).
            var lengths = [Int32](repeating: 0, count: (n + 1) * (m + 1))
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i * (m + 1) + j] = a[prefix + i] == b[prefix + j] ? lengths[(i + 1) * (m + 1) + j + 1] + 1
                        : max(lengths[(i + 1) * (m + 1) + j], lengths[i * (m + 1) + j + 1])
                }
            }
            var i = 0, j = 0
            while i < n, j < m {
                if a[prefix + i] == b[prefix + j] {
                    out.append(.same); i += 1; j += 1
                } else if lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1] {
                    out.append(.deleted); i += 1
                } else {
                    out.append(.inserted); j += 1
                }
            }
            out += [Operation](repeating: .deleted, count: n - i) + [Operation](repeating: .inserted, count: m - j)
        }
        return out + [Operation](repeating: .same, count: suffix)
    }
}
