import IndstilSupport
import IndstilDocument

/// Skeleton sections must come in the profile's order.
public struct SectionOrderCheck: Check {
    public let id = "skeleton.order"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "Afsnittene står ikke i skeletets rækkefølge",
                                 en: "The sections are not in the skeleton's order")

    public var examples: [CheckExample] {
        [
            .triggers("Værdi og igangsættelse er byttet om",
                      ExampleDocument.byraad.swappingSections("5. Hvilken værdi", "6. Hvad igangsættes")
                        .replacingSection("6. Hvad igangsættes", heading: "5. Hvad igangsættes? ⟵", body: "Der oprettes én fælles bookingside.")
                        .replacingSection("5. Hvilken værdi", heading: "6. Hvilken værdi skabes for borgere og samfund?", body: "Flere foreninger får et sted at mødes.")),
            .passes("Profilens rækkefølge", .byraad),
        ]
    }

    /// Reports the fewest sections that must move: those outside the longest run of
    /// sections already in skeleton order. Each is told which section it belongs before.
    public func check(_ context: CheckContext) -> [Diagnostic] {
        let order = Dictionary(uniqueKeysWithValues: context.profile.sections.enumerated().map { ($1.id, $0) })
        var seen = Set<String>()
        let placed: [(rank: Int, match: MatchedSection)] = context.analyzed.sections.compactMap { match in
            guard let spec = match.spec, let rank = order[spec.id], seen.insert(spec.id).inserted else { return nil }
            return (rank, match)
        }
        guard placed.count > 1 else { return [] }
        // Longest increasing subsequence (n is a dozen at most); ties keep later sections.
        var length = Array(repeating: 1, count: placed.count)
        var parent = Array(repeating: -1, count: placed.count)
        for i in placed.indices {
            for j in 0..<i where placed[j].rank < placed[i].rank && length[j] + 1 >= length[i] {
                length[i] = length[j] + 1
                parent[i] = j
            }
        }
        var inOrder = Set<Int>()
        var cursor = length.indices.max { length[$0] < length[$1] || (length[$0] == length[$1] && $0 < $1) } ?? -1
        while cursor >= 0 {
            inOrder.insert(cursor)
            cursor = parent[cursor]
        }
        return placed.indices.filter { !inOrder.contains($0) }.map { index in
            let moved = placed[index]
            let heading = moved.match.spec?.heading ?? moved.match.section.title
            let next = inOrder.sorted().map { placed[$0] }.first { $0.rank > moved.rank }
            let target = next.map { $0.match.spec?.heading ?? $0.match.section.title }
            return diagnostic(
                target.map { "»\(heading)« står forkert; det skal stå før »\($0)«" } ?? "»\(heading)« står forkert; det skal stå sidst",
                target.map { "\"\(heading)\" is out of place; it belongs before \"\($0)\"" } ?? "\"\(heading)\" is out of place; it belongs last",
                line: moved.match.section.line)
        }
    }
}
