import IndstilSupport

/// What a rendered document shows after its sections, read from the front matter once
/// for every format (txt, HTML, DOCX, PDF), so they cannot drift apart.
extension Document {
    /// "6. marts 2019: Sag nr. 9 … (18/028943)", one per `tidligere_beslutninger` entry.
    public var earlierDecisionLines: [String] {
        (frontMatter["tidligere_beslutninger"]?.items ?? []).map { item in
            var line = ""
            if let raw = item["dato"]?.trimmedString { line += (CalendarDate(iso: raw).map(DanishFormat.date) ?? raw) + ": " }
            line += item["tekst"]?.trimmedString ?? ""
            if let caseNumber = item["sagsnummer"]?.trimmedString { line += " (\(caseNumber))" }
            return line.foldingWhitespace
        }
    }

    /// The `underskrift`, or the profile's default signature.
    public func signature(profile: Profile) -> String? {
        frontMatter["underskrift"]?.trimmedString ?? profile.layout.defaultSignature
    }
}
