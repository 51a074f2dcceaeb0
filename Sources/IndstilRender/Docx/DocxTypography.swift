import Foundation

/// Where Word may break a line in indstil's DOCX, as in its PDFs: never inside a date
/// ("1. september 2026"), a time ("kl. 10.00"), an appendix or page number ("bilag 1",
/// "side 3 af 9") — their spaces become no-break spaces — and an e-mail address only after
/// its "@" and its dots (a zero-width optional break, Word's own "No-Width Optional Break",
/// after each), never inside a word ("example.d / k"). The Word import (`WordBodyReader`)
/// takes both out again.
enum DocxTypography {
    private static let email = try! NSRegularExpression(pattern: #"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}"#)

    static func prepared(_ text: String) -> String {
        guard text.utf8.count > 4, text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 || $0 == 0x40 }) else { return text }
        var out = text
        if out.contains("@") {
            let source = out as NSString
            var rebuilt = ""
            var last = 0
            for match in email.matches(in: out, range: NSRange(location: 0, length: source.length)) {
                rebuilt += source.substring(with: NSRange(location: last, length: match.range.location - last))
                // After the "@" and the local part's dots; the domain's dots only when it is long
                // ("example.dk" stays whole; "sundhed.aarhus.kommune.dk" may break after a dot).
                let address = source.substring(with: match.range)
                let parts = address.split(separator: "@", maxSplits: 1).map(String.init)
                let domain = parts[1].count > 16 ? parts[1].replacingOccurrences(of: ".", with: ".\u{200B}") : parts[1]
                rebuilt += parts[0].replacingOccurrences(of: ".", with: ".\u{200B}") + "@\u{200B}" + domain
                last = match.range.location + match.range.length
            }
            out = last == 0 ? out : rebuilt + source.substring(from: last)
        }
        // The phrases the PDFs keep together, with their spaces made no-break.
        let source = out as NSString
        var rebuilt = ""
        var last = 0
        for match in PrintTypography.pattern.matches(in: out, range: NSRange(location: 0, length: source.length)) {
            rebuilt += source.substring(with: NSRange(location: last, length: match.range.location - last))
            rebuilt += source.substring(with: match.range).replacingOccurrences(of: " ", with: "\u{00A0}")
            last = match.range.location + match.range.length
        }
        return last == 0 ? out : rebuilt + source.substring(from: last)
    }
}
