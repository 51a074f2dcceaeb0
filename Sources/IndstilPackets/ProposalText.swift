import IndstilSupport

/// A decision point's proposal as the minutes and the register print it: the indstilling's
/// list item without its list punctuation ("at …, og" → "at …"), which belonged to the
/// list, not to the proposal. A full stop stays: it may end an abbreviation ("mio. kr.").
enum ProposalText {
    static func cleaned(_ text: String) -> String {
        var cleaned = text.foldingWhitespace
        while true {
            let before = cleaned
            for ending in [",", ";", " og", " samt", " eller"] where cleaned.hasSuffix(ending) {
                cleaned = String(cleaned.dropLast(ending.count)).trimmingCharacters(in: .whitespaces)
            }
            if cleaned == before { break }
        }
        return cleaned
    }
}
