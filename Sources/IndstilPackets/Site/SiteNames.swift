import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// File names in a packet's site (bundle or agenda): ASCII only, so they survive every
/// web server, zip tool and file system, and stable, so a rebuilt site keeps its
/// addresses. Page names and anchors are `Slug`s.
enum SiteNames {
    /// "Analyse 2025 (endelig).PDF" → "Analyse-2025-endelig.pdf": letters, digits, ".", "_"
    /// and "-" are kept, anything else becomes "-"; the extension is lowercased.
    static func fileName(_ original: String) -> String {
        let parts = fileNameParts(original)
        return parts.fileExtension.isEmpty ? parts.stem : "\(parts.stem).\(parts.fileExtension)"
    }

    /// `fileName` in two parts: ("Analyse-2025-endelig", "pdf").
    static func fileNameParts(_ original: String) -> (stem: String, fileExtension: String) {
        let url = URL(fileURLWithPath: original)
        let stem = safeRun(url.deletingPathExtension().lastPathComponent)
        return (stem.isEmpty ? "fil" : stem, safeRun(url.pathExtension).lowercased())
    }

    /// Danish letters spelled out, other accents dropped: "Ærø–Å" → "AEroe-Aa".
    static func ascii(_ text: String) -> String {
        let spelled = text
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "Æ", with: "Ae")
            .replacingOccurrences(of: "ø", with: "oe").replacingOccurrences(of: "Ø", with: "Oe")
            .replacingOccurrences(of: "å", with: "aa").replacingOccurrences(of: "Å", with: "Aa")
        return spelled.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Keeps a–z, A–Z, 0–9, ".", "_" and "-"; other runs become one "-"; no "-" or "." at the ends.
    static func safeRun(_ text: String) -> String {
        var out = ""
        for scalar in ascii(text).unicodeScalars {
            if isAlphanumeric(scalar) || scalar == "." || scalar == "_" || scalar == "-" {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while let last = out.last, last == "-" || last == "." { out.removeLast() }
        while let first = out.first, first == "-" || first == "." { out.removeFirst() }
        return out
    }

    /// "PDF", "Word", "Excel" … for a file extension.
    static func fileType(_ fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "doc", "docx", "odt", "rtf": return "Word"
        case "xls", "xlsx", "ods": return "Excel"
        case "ppt", "pptx", "odp": return "PowerPoint"
        case "jpg", "jpeg": return "JPEG"
        case "": return "Fil"
        case let other: return other.uppercased()
        }
    }

    /// "120 KB", "1,4 MB", "512 byte" (1 KB = 1024 byte).
    static func fileSize(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) byte" }
        let kilobytes = Double(bytes) / 1024
        if kilobytes < 1000 { return "\(DanishFormat.integer(Int(kilobytes.rounded()))) KB" }
        return "\(DanishFormat.decimal(kilobytes / 1024, digits: 1)) MB"
    }
}
