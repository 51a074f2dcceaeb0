import Foundation
import ZIPFoundation

/// Writes a `RenderModel` as a Word document (WordprocessingML, ECMA-376): built-in
/// heading styles so Word's navigation pane works, decision points as a real numbered
/// list in the profile's form ("At 1)"), the metadata block as a table, Danish as the
/// language and an A4 page with "side X af Y" in the footer.
///
/// The bytes depend on the model only: parts are added in a fixed order, every zip
/// entry carries the same fixed date, and no part holds a timestamp or a random id.
public enum DocxWriter {
    public enum Failure: Error, CustomStringConvertible {
        case archive(String)

        public var description: String {
            switch self {
            case .archive(let reason): return "Kunne ikke skrive .docx-filen: \(reason)"
            }
        }
    }

    /// 1980-01-01 00:00:00 UTC, the earliest date a zip entry can hold.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    public static func docx(_ model: RenderModel) throws -> Data {
        try zip(parts(model))
    }

    /// The package's parts in the order they are stored.
    static func parts(_ model: RenderModel) -> [(path: String, xml: String)] {
        let built = DocxDocumentBuilder.build(model)
        return [
            ("[Content_Types].xml", DocxParts.contentTypes(hasFooter: true)),
            ("_rels/.rels", DocxParts.packageRelationships),
            ("word/document.xml", built.document),
            ("word/_rels/document.xml.rels", DocxParts.documentRelationships(hasFooter: true, hyperlinks: built.hyperlinks)),
            ("word/styles.xml", DocxParts.styles),
            ("word/numbering.xml", built.numbering.xml),
            ("word/settings.xml", DocxParts.settings),
            ("word/footer1.xml", DocxParts.footer),
            ("docProps/core.xml", DocxParts.core(title: model.title, subject: model.documentLabel)),
            ("docProps/app.xml", DocxParts.app),
        ]
    }

    static func zip(_ parts: [(path: String, xml: String)]) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw Failure.archive(String(describing: error))
        }
        for part in parts {
            let data = Data(part.xml.utf8)
            do {
                try archive.addEntry(
                    with: part.path, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: entryDate, permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    let start = Int(position)
                    return data.subdata(in: start..<min(start + size, data.count))
                }
            } catch {
                throw Failure.archive("\(part.path): \(error)")
            }
        }
        guard let data = archive.data else { throw Failure.archive("the archive has no data") }
        return data
    }
}
