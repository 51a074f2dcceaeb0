import IndstilSupport

/// Why a .docx file cannot be read: each is one `input.invalid` finding on line 1.
package enum WordReadFailure: Error, Sendable, Equatable {
    case unreadable(String, String)
    case notAZip
    /// Password-protected: an encrypted package in an OLE compound file.
    case encrypted
    /// An OLE compound file that is not encrypted: a Word 97–2003 .doc.
    case oldWordFormat
    /// A size, count or ratio limit (a zip bomb).
    case limit(String, String)
    /// A part that cannot be inflated (a damaged zip).
    case damaged(String)
    case missingDocument
    /// XML that does not parse, declares entities, or nests too deep.
    case invalidXML(part: String, da: String, en: String)

    package var diagnostic: Diagnostic {
        let message: Message
        switch self {
        case .unreadable(let da, let en):
            message = Message(da: "Filen kan ikke læses: \(da)", en: "The file cannot be read: \(en)")
        case .notAZip:
            message = Message(da: "Filen er ikke et Word-dokument (.docx er en zip-pakke, og det er denne fil ikke); gem den som .docx i Word",
                              en: "The file is not a Word document (a .docx is a zip package and this file is not one); save it as .docx in Word")
        case .encrypted:
            message = Message(da: "Word-dokumentet er beskyttet med adgangskode (krypteret) og kan ikke læses; fjern beskyttelsen i Word (Filer → Oplysninger → Beskyt dokument → Krypter med adgangskode, slet adgangskoden) og gem det igen",
                              en: "The Word document is password-protected (encrypted) and cannot be read; remove the protection in Word (File → Info → Protect Document → Encrypt with Password, delete the password) and save it again")
        case .oldWordFormat:
            message = Message(da: "Filen er et Word-dokument i det gamle format (.doc fra Word 97–2003), ikke .docx; gem den som .docx i Word",
                              en: "The file is a Word document in the old format (.doc from Word 97–2003), not .docx; save it as .docx in Word")
        case .limit(let da, let en):
            message = Message(da: "Word-dokumentet læses ikke: \(da)", en: "The Word document is not read: \(en)")
        case .damaged(let part):
            message = Message(da: "Word-dokumentet er beskadiget: delen \(part) kan ikke pakkes ud",
                              en: "The Word document is damaged: the part \(part) cannot be unpacked")
        case .missingDocument:
            message = Message(da: "Pakken har ingen word/document.xml og er derfor ikke et Word-dokument",
                              en: "The package has no word/document.xml and is therefore not a Word document")
        case .invalidXML(let part, let da, let en):
            message = Message(da: "Word-dokumentet kan ikke læses: \(part) \(da)", en: "The Word document cannot be read: \(part) \(en)")
        }
        return Diagnostic(check: "input.invalid", severity: .error, message: message, line: 1)
    }
}
