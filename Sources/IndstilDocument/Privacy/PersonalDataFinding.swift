import IndstilSupport

/// The personal-data rules, by the id each reports under.
public enum PersonalDataKind: String, Sendable, CaseIterable {
    case cpr = "privacy.cpr"
    case nameAddress = "privacy.name-address"
    case health = "privacy.health"
    case contact = "privacy.contact"
}

/// One piece of personal data found in a text: what it is, where (bytes of the text), the
/// words a `persondata_godkendt` entry may name to accept it, and how to say it. A CPR
/// number is only ever held masked ("DDMMYY-XXXX").
package struct PersonalDataFinding: Sendable {
    package let kind: PersonalDataKind
    package let range: Range<Int>
    /// What was found, as the message shows it (masked for a CPR number): a name, a word,
    /// an address; an acceptance's `tekst` matches one of these.
    package let subjects: [String]
    /// What the finding says, given where it is (" på side 3 i »x.pdf«" or "") and what to
    /// advise (an attachment cannot carry an acceptance).
    package let describe: @Sendable (_ place: Message, _ inAttachment: Bool) -> Message
    /// A CPR number in a closed document: a note, not an error.
    var isCertainCPR = false
}
