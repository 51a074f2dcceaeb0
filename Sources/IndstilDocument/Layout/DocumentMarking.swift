import IndstilSupport

/// What a single rendered document must say on every page before anything else: that it
/// is closed (`status: lukket` in its front matter: "LUKKET – må ikke offentliggøres", as a
/// closed packet says it, `ClosedMarking`), and that it is a draft ("UDKAST": the checks
/// `indstil check` runs still find errors in it, at the severities indstil.yml gives them).
///
/// Decided here, once; HTML (a banner at the top and a running header in print), PDF (the
/// running header of every page) and DOCX (a header on every page, a Word template's
/// headers included) all read it from the `RenderModel`. The marking is not part of the
/// document's text: the plain text and "Antal tegn" never show it.
public struct DocumentMarking: Sendable, Equatable {
    /// The document says `status: lukket`.
    public let isClosed: Bool
    /// Errors the checks found; a document with any is a draft.
    public let errorCount: Int

    public var isDraft: Bool { errorCount > 0 }
    public var isEmpty: Bool { !isClosed && !isDraft }

    /// A clean, open document: nothing is marked.
    public static let unmarked = DocumentMarking(isClosed: false, errorCount: 0)

    /// The running header's word for a draft.
    public static let draftNotice = "UDKAST"
    /// The running header's words for a closed document, the same as a closed packet's.
    public static let closedNotice = ClosedMarking.notice

    public init(isClosed: Bool, errorCount: Int) {
        self.isClosed = isClosed
        self.errorCount = max(0, errorCount)
    }

    /// Closed from the document's front matter; a draft when `diagnostics` (the checks'
    /// findings at their configured severity) hold an error. Without diagnostics (the
    /// checks were not run) only the closed marking is known.
    public init(document: Document, diagnostics: [Diagnostic] = []) {
        self.init(isClosed: Self.isClosed(document), errorCount: diagnostics.filter { $0.severity == .error }.count)
    }

    /// `status: lukket`, in any case and with spaces around it.
    public static func isClosed(_ document: Document) -> Bool {
        document.frontMatter["status"]?.trimmedString?.lowercased() == "lukket"
    }

    /// What the running header says, in this order: "UDKAST", then the closed notice.
    public var notices: [String] {
        (isDraft ? [Self.draftNotice] : []) + (isClosed ? [Self.closedNotice] : [])
    }

    /// The banner's line for a draft: the word, then why ("dokumentet har 22 fejl …").
    public var draftExplanation: String {
        "dokumentet har \(DanishFormat.integer(errorCount)) fejl og er ikke færdigt"
    }
}
