/// The profile a new or imported document starts with: the one the project's documents
/// use most; on a tie indstil.yml's `profile`, then the first by name. With no document
/// using a known profile: indstil.yml's `profile` when known, else the first by name.
public enum ProfilePreference {
    /// `available`: the profile ids there are; `used`: each document's profile (nil: none).
    public static func preferred(available: [String], used: [String?], configured: String?) -> String? {
        let known = Set(available)
        var counts: [String: Int] = [:]
        for case let id? in used where known.contains(id) { counts[id, default: 0] += 1 }
        let candidates: [String]
        if let most = counts.values.max() {
            candidates = counts.filter { $0.value == most }.map(\.key)
        } else {
            candidates = available
        }
        if let configured, candidates.contains(configured) { return configured }
        return candidates.min()
    }
}
