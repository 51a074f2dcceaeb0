import Foundation
import IndstilSupport

/// Whether a Word file says of itself that it is closed: a custom document property
/// `status` (or `Status`, `Offentlighed`) that reads "lukket", the core property
/// `contentStatus` (Word: File › Info › Status) that does, or indstil's closed marking in a
/// header or footer ("LUKKET – må ikke offentliggøres", which `indstil render` writes on
/// every page of a closed document). Read with the Word reader's limits; a file that cannot
/// be read says nothing here (the reader's own findings cover it).
enum WordDocumentStatus {
    static let statusProperties: Set<String> = ["status", "offentlighed", "sikkerhed", "klassifikation"]

    /// The property (or part) that says the file is closed, or nil.
    static func closedProperty(in url: URL) -> String? {
        guard case .success(let archive) = WordArchive.open(url) else { return nil }
        if let custom = try? archive.xmlPart("docProps/custom.xml")?.root {
            for property in custom.children("property") {
                guard let name = property.attributes["name"], statusProperties.contains(name.lowercased()) else { continue }
                let value = property.elements.map(\.text).joined()
                if PublicationStatus.isClosed(value) { return name }
            }
        }
        if let core = try? archive.xmlPart("docProps/core.xml")?.root,
           let status = core.child("contentStatus")?.text, PublicationStatus.isClosed(status) {
            return "Status"
        }
        for index in 1...6 {
            for kind in ["header", "footer"] {
                guard let part = try? archive.xmlPart("word/\(kind)\(index).xml")?.root else { continue }
                let text = part.descendants("t").map(\.text).joined()
                if ClosedEvidence.carriesMarking(text) { return kind == "header" ? "sidehoved" : "sidefod" }
            }
        }
        return nil
    }
}
