import Foundation
import ZIPFoundation

/// Word documents for tests, made from WordprocessingML written in the test: a body, and
/// optionally styles, numbering, comments and footnotes; hostile packages too.
public enum WordFixture {
    public static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    public static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let package = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The parts of a .docx whose body is `body` (the XML inside `<w:body>`).
    public static func parts(body: String, styles: String? = nil, numbering: String? = nil, comments: String? = nil,
                             footnotes: String? = nil, endnotes: String? = nil, links: [String: String] = [:],
                             headers: [String] = [], footers: [String] = [],
                             customProperties: [(name: String, value: String)] = [], coreTitle: String? = nil,
                             macros: Bool = false) -> [(String, Data)] {
        let namespaces = "xmlns:w=\"\(w)\" xmlns:r=\"\(r)\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
        var relationships = ""
        var contentOverrides = ""
        var parts: [(String, Data)] = [("word/document.xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document \(namespaces)><w:body>\(body)</w:body></w:document>".utf8))]
        func add(_ name: String, _ root: String, _ content: String?, type: String) {
            guard let content else { return }
            parts.append(("word/\(name).xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:\(root) \(namespaces)>\(content)</w:\(root)>".utf8)))
            relationships += "<Relationship Id=\"rId\(name)\" Type=\"\(relationshipType)/\(type)\" Target=\"\(name).xml\"/>"
            contentOverrides += "<Override PartName=\"/word/\(name).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.\(name)+xml\"/>"
        }
        add("styles", "styles", styles, type: "styles")
        add("numbering", "numbering", numbering, type: "numbering")
        add("comments", "comments", comments, type: "comments")
        add("footnotes", "footnotes", footnotes, type: "footnotes")
        add("endnotes", "endnotes", endnotes, type: "endnotes")
        for (index, header) in headers.enumerated() { add("header\(index + 1)", "hdr", header, type: "header") }
        for (index, footer) in footers.enumerated() { add("footer\(index + 1)", "ftr", footer, type: "footer") }
        if macros {
            parts.append(("word/vbaProject.bin", Data([0xD0, 0xCF, 0x11, 0xE0])))
            relationships += "<Relationship Id=\"rIdVba\" Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\" Target=\"vbaProject.bin\"/>"
        }
        var rootRelationships = "<Relationship Id=\"rId1\" Type=\"\(relationshipType)/officeDocument\" Target=\"word/document.xml\"/>"
        if !customProperties.isEmpty {
            let properties = customProperties.enumerated().map { index, property in
                "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"\(index + 2)\" name=\"\(property.name)\"><vt:lpwstr>\(property.value)</vt:lpwstr></property>"
            }.joined()
            parts.append(("docProps/custom.xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\(properties)</Properties>".utf8)))
            rootRelationships += "<Relationship Id=\"rId3\" Type=\"\(relationshipType)/custom-properties\" Target=\"docProps/custom.xml\"/>"
        }
        if let coreTitle {
            parts.append(("docProps/core.xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(coreTitle)</dc:title></cp:coreProperties>".utf8)))
            rootRelationships += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        }
        for (id, target) in links.sorted(by: { $0.key < $1.key }) {
            relationships += "<Relationship Id=\"\(id)\" Type=\"\(relationshipType)/hyperlink\" Target=\"\(target)\" TargetMode=\"External\"/>"
        }
        parts.append(("word/_rels/document.xml.rels", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"\(package)\">\(relationships)</Relationships>".utf8)))
        parts.append(("_rels/.rels", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"\(package)\">\(rootRelationships)</Relationships>".utf8)))
        parts.append(("[Content_Types].xml", Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\(contentOverrides)</Types>".utf8)))
        return parts
    }

    /// Writes `parts` as a zip at `url`, deflated but for the `stored` ones (an ODT's
    /// `mimetype` comes first and stored).
    public static func write(_ parts: [(String, Data)], to url: URL, stored: Set<String> = []) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: stored.contains(path) ? .none : .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Every part of the .docx at `url`, in order.
    public static func read(_ url: URL) throws -> [(String, Data)] {
        let archive = try Archive(url: url, accessMode: .read)
        var parts: [(String, Data)] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts.append((entry.path, data))
        }
        return parts
    }

    /// A zip whose one part `path` holds `megabytes` MB of one repeated byte (deflated to
    /// almost nothing): a zip bomb by its declared size.
    public static func writeBomb(path: String, megabytes: Int, to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        let chunk = Data(repeating: 0x20, count: 1 << 20)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(megabytes << 20), compressionMethod: .deflate) { position, size in
            chunk.prefix(size)
        }
    }

    /// The zip at `url` with the declared uncompressed size of the part `path` set to
    /// `size` (its local header and the central directory): a bomb that lies about its size.
    public static func lyingAboutSize(of path: String, in url: URL, size: UInt32) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        let name = Array(path.utf8)
        func put(_ value: UInt32, at offset: Int) {
            for index in 0..<4 { bytes[offset + index] = UInt8((value >> (8 * UInt32(index))) & 0xFF) }
        }
        func length(at offset: Int) -> Int { Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 }
        func names(_ offset: Int) -> Bool {
            offset + name.count <= bytes.count && Array(bytes[offset..<offset + name.count]) == name
        }
        var index = 0
        while index + 46 < bytes.count {
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B {
                if bytes[index + 2] == 0x03, bytes[index + 3] == 0x04, length(at: index + 26) == name.count, names(index + 30) {
                    put(size, at: index + 22)
                }
                if bytes[index + 2] == 0x01, bytes[index + 3] == 0x02, length(at: index + 28) == name.count, names(index + 46) {
                    put(size, at: index + 24)
                }
            }
            index += 1
        }
        try Data(bytes).write(to: url)
    }
}
