/// A section of a document and the skeleton section of the profile its heading names.
public struct MatchedSection: Sendable {
    public let section: Section
    /// The skeleton section the heading names, nil for an unknown heading.
    public let spec: SectionSpec?
}
