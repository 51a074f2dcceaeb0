extension Document {
    /// Every table of the document, in order (preamble and sections).
    public var tables: [Table] { body.tables }
}
