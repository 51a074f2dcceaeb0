import IndstilSupport

extension RenderModelBuilder {
    /// The model a rendering shows, "Antal tegn" stamped into its metadata block.
    /// `marking` nil: the document is marked closed when it says so, and not as a draft
    /// (its checks were not run).
    public static func build(_ analyzed: AnalyzedDocument, marking: DocumentMarking? = nil) -> RenderModel {
        var model = build(document: analyzed.document, profile: analyzed.profile, sections: analyzed.sections,
                          appendices: analyzed.appendices, characterCount: analyzed.characterCount)
        model.marking = marking ?? DocumentMarking(document: analyzed.document)
        return model
    }
}
