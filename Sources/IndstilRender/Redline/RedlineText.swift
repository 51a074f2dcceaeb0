import IndstilSupport
import IndstilDocument

/// The changes as text for a terminal or a CI log: grouped, each with its headline and
/// line, text changes word by word — in colour (red struck out, green underlined) on a
/// terminal, else marked `[-slettet-]{+indsat+}` as wdiff does. Long unchanged stretches
/// are shortened to their ends.
public enum RedlineText {
    public static func report(_ diff: DocumentDiff, old: String, new: String, colour: Bool) -> String {
        var out = "Ændringer fra \(old) til \(new): \(RedlineWording.count(diff.changes.count))\n"
        guard !diff.changes.isEmpty else { return out }
        for group in RedlineWording.groups(diff.changes) {
            out += "\n" + (colour ? "\u{1B}[1m\(group.name)\u{1B}[0m" : group.name) + "\n"
            for change in group.changes {
                let where_ = RedlineWording.lines(change)
                out += "  " + RedlineWording.headline(change) + (where_.isEmpty ? "" : " (\(where_))") + ":\n"
                out += "    " + text(change, colour: colour) + "\n"
            }
        }
        return out
    }

    static func text(_ change: DocumentChange, colour: Bool) -> String {
        func deleted(_ text: String) -> String { colour ? "\u{1B}[31;9m\(text)\u{1B}[0m" : "[-\(text)-]" }
        func inserted(_ text: String) -> String { colour ? "\u{1B}[32;4m\(text)\u{1B}[0m" : "{+\(text)+}" }
        if !change.segments.isEmpty {
            return change.segments.enumerated().map { index, segment in
                switch segment.kind {
                case .same: shortened(segment.text, first: index == 0, last: index == change.segments.count - 1)
                case .deleted: deleted(segment.text)
                case .inserted: inserted(segment.text)
                }
            }.joined()
        }
        switch (change.old, change.new) {
        case (let old?, let new?) where change.kind == .moved: return old == new ? new : deleted(old) + " " + inserted(new)
        case (let old?, let new?): return deleted(old) + " " + inserted(new)
        case (nil, let new?): return inserted(new)
        case (let old?, nil): return deleted(old)
        case (nil, nil): return ""
        }
    }

    /// An unchanged stretch of more than 120 characters keeps 50 at each end that meets a change.
    static func shortened(_ text: String, first: Bool, last: Bool) -> String {
        guard text.count > 120, !(first && last) else { return text }
        // Cut at a space, so no word is split.
        var head = text.prefix(50)
        if let space = head.lastIndex(of: " ") { head = head[..<space] }
        var tail = text.suffix(50)
        if let space = tail.firstIndex(of: " ") { tail = tail[tail.index(after: space)...] }
        if first { return "… " + tail }
        if last { return head + " …" }
        return head + " … " + tail
    }
}
