import IndstilSupport
import IndstilDocument
import IndstilChecks

/// What a file must have to be analysed, and what happens when its front matter names no
/// profile (after `--profile` and `indstil.yml`'s `profile` were tried).
public enum ProfileRequirement: Sendable, Hashable {
    /// A document on its own (`indstil check`, `render`, `stats`): no profile is
    /// `metadata.missing-field`.
    case required
    /// A document in a packet whose kind implies a profile: a betænkning's appendix
    /// (`betaenkning-bilag`), an agenda item's indstilling (`aarhus-raadmand`).
    case fallback(String)
    /// An agenda appendix: a document that names a profile is checked against it; any
    /// other Markdown is a notat, shown as written.
    case optional
    /// A chapter intro: Markdown shown as written, front matter skipped, never checked.
    case markdownOnly
}
