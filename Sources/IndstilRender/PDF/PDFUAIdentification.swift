import Foundation
import IndstilSupport

/// The archive copy says in its metadata that it is PDF/UA-1 as well as PDF/A-2 level A.
///
/// WeasyPrint writes one variant's identification: the tagged PDF `pdfuaid:part 1`, the
/// archive copy (`--pdf-variant pdf/a-2a`) only `pdfaid:part 2`, although it is tagged the same
/// way and passes the same PDF/UA checks. Its XMP gets `pdfuaid:part 1` and, because PDF/A
/// allows only the schemas it predefines or describes, the PDF/A extension schema that
/// describes `pdfuaid` (as ISO 14289-1 gives it).
enum PDFUAIdentification {
    static let description = """
    <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><pdfuaid:part>1</pdfuaid:part></rdf:Description>\
    <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">\
    <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">\
    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\
    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\
    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\
    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">\
    <pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>\
    <pdfaProperty:category>internal</pdfaProperty:category>\
    <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\
    </rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas></rdf:Description>
    """

    /// Adds the identification to `pdf`'s metadata in `edit` (read from `pdf`); nothing when it
    /// has one already, or no XMP indstil can read.
    static func apply(_ pdf: URL, in edit: inout PDFObjectEdit, work: URL) throws(PacketFailure) {
        guard let rootRef = edit.rootRef, let metadataRef = edit.value(rootRef)?["/Metadata"] as? String,
              let number = metadataRef.split(separator: " ").first else { return }
        let json = try QPDF.json(pdf, keys: ["qpdf"], extra: ["--json-stream-data=inline", "--json-object=\(number)"],
                                 into: work.appendingPathComponent("xmp.json"), step: .setting,
                                 what: Message(da: "ved læsning af PDF'ens metadata", en: "while reading the PDF's metadata"))
        guard let stream = (QPDF.objects(json)["obj:" + metadataRef] as? [String: Any])?["stream"] as? [String: Any],
              let encoded = stream["data"] as? String, let data = Data(base64Encoded: encoded),
              let xmp = String(data: data, encoding: .utf8), !xmp.contains("pdfuaid:part"),
              let end = xmp.range(of: "</rdf:RDF>") else { return }
        let identified = xmp.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: description)
        edit.setStream(metadataRef, dictionary: ["/Type": "/Metadata", "/Subtype": "/XML"], data: Data(identified.utf8))
    }
}
