import Foundation
import Testing

/// What the tagged-PDF and archive tests read from a PDF, with the tools a checker would
/// use: poppler's pdfinfo and pdffonts, qpdf, and the PDF/UA checker `pdfua` (PyPI, `make deps`).
struct PDFProbe {
    let file: URL
    /// The folder the file is in, kept alive (a `TempFolder` is removed when it goes away).
    var keeping: TempFolder? = nil

    var info: String { get throws { try TestProcess.run("pdfinfo", [file.path]).requireSuccess().stdout } }

    /// Page `page` (from 1) as qpdf writes it uncompressed, with no white space at all: marked
    /// content's property lists compare however a writer spaced them (WeasyPrint 57 over several
    /// lines, 70 with none).
    func compactPage(_ page: Int) throws -> String {
        let folder = try TempFolder("side")
        let plain = folder.url.appendingPathComponent("side.pdf")
        try TestProcess.run("qpdf", ["--qdf", "--object-streams=disable", "--empty", "--pages", file.path, "\(page)", "--", plain.path]).requireSuccess()
        return String(decoding: try Data(contentsOf: plain), as: UTF8.self).filter { $0 != " " && $0 != "\n" && $0 != "\r" }
    }

    /// The running head and foot of a page as PDF/UA-1 7.8 wants them (see `compactPage`).
    static let headerArtifact = "/Artifact<</Type/Pagination/Subtype/Header/Attached[/Top]>>BDC"
    static let footerArtifact = "/Artifact<</Type/Pagination/Subtype/Footer/Attached[/Bottom]>>BDC"
    var metadata: String { get throws { try TestProcess.run("pdfinfo", ["-meta", file.path]).requireSuccess().stdout } }

    /// The structure elements that matter, in reading order, with the text of headings:
    /// "H1 Bilagsfortegnelse", "H2 1. Resume", "LI", "TH /Row" (from `pdfinfo -struct-text`).
    var structure: [String] {
        get throws {
            let lines = try TestProcess.run("pdfinfo", ["-struct-text", file.path]).requireSuccess().stdout.components(separatedBy: "\n")
            var elements: [String] = []
            for (index, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if let heading = trimmed.firstMatch(of: /^(H[1-6]) \(block\)$/) {
                    // The heading's text: the quoted strings below it, up to the next element at its depth.
                    let depth = line.prefix { $0 == " " }.count
                    let text = lines[(index + 1)...].prefix { $0.prefix { $0 == " " }.count > depth }
                        .compactMap { $0.trimmingCharacters(in: .whitespaces).firstMatch(of: /^"(.*)"$/)?.1 }.joined(separator: " ")
                    elements.append("\(heading.1) \(text.split(separator: " ").joined(separator: " "))")
                } else if trimmed == "LI (block)" {
                    elements.append("LI")
                } else if trimmed.contains(/^TH(:| <|$)/) {
                    let scope = lines.indices.contains(index + 1) ? lines[index + 1].firstMatch(of: /\/Scope \/(\w+)/)?.1 : nil
                    elements.append("TH" + (scope.map { " /\($0)" } ?? ""))
                }
            }
            return elements
        }
    }

    /// The document catalog as PDF syntax (`qpdf --show-object`).
    var catalog: String {
        get throws {
            let trailer = try TestProcess.run("qpdf", ["--show-object=trailer", file.path]).requireSuccess().stdout
            let root = try #require(trailer.firstMatch(of: /\/Root (\d+) 0 R/)?.1)
            return try TestProcess.run("qpdf", ["--show-object=\(root)", file.path]).requireSuccess().stdout
        }
    }

    /// Every object, as qpdf's JSON gives it ("obj:N 0 R" → value or stream), and the pages in order.
    var objects: (objects: [String: Any], pages: [String]) {
        get throws {
            let result = try TestProcess.run("qpdf", ["--json=2", "--json-key=qpdf", "--json-key=pages", file.path]).requireSuccess()
            let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
            let objects = try #require((json["qpdf"] as? [Any])?.last as? [String: Any])
            let pages = (json["pages"] as? [[String: Any]] ?? []).compactMap { $0["object"] as? String }
            return (objects, pages)
        }
    }

    /// The objects that make the tag tree: the catalog and the ParentTree, with their references.
    struct TagTree {
        let objects: [String: Any]
        let pages: [String]
        let catalogRef: String
        let catalog: [String: Any]
        let parentTreeRef: String
        let parentTree: [String: Any]

        func value(_ ref: String) -> [String: Any]? { (objects["obj:" + ref] as? [String: Any])?["value"] as? [String: Any] }
    }

    var tagTree: TagTree {
        get throws {
            let (objects, pages) = try self.objects
            func value(_ ref: String) -> [String: Any]? { (objects["obj:" + ref] as? [String: Any])?["value"] as? [String: Any] }
            let catalogRef = try #require((objects["trailer"] as? [String: Any]).flatMap { ($0["value"] as? [String: Any])?["/Root"] as? String })
            let catalog = try #require(value(catalogRef))
            let treeRef = try #require(catalog["/StructTreeRoot"] as? String)
            let root = try #require(value(treeRef))
            let parentTreeRef = try #require(root["/ParentTree"] as? String)
            let parentTree = try #require(value(parentTreeRef))
            return TagTree(objects: objects, pages: pages, catalogRef: catalogRef, catalog: catalog, parentTreeRef: parentTreeRef, parentTree: parentTree)
        }
    }

    /// `pdfua check --format json`: exit code, findings ("UA-01-003 page 7: …") and skipped rules.
    var checker: (exitCode: Int32, findings: [String], skipped: [String]) {
        get throws {
            let result = try TestProcess.run("pdfua", ["check", "--format", "json", file.path], timeout: 120)
            #expect(result.status != 127, "pdfua is not installed; run make deps")
            let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], "\(result)")
            let findings = (json["findings"] as? [[String: Any]] ?? []).map {
                "\($0["rule_id"] ?? "?") \($0["location"] ?? ""): \($0["message"] ?? "")"
            }
            let skipped = (json["skipped"] as? [[String: Any]] ?? []).map { "\($0["rule_id"] ?? "?"): \($0["reason"] ?? "")" }
            return (result.status, findings, skipped)
        }
    }

    /// `outloud --json -` (PyPI, `make deps` installs it into `.venv-outloud/`): its errors as
    /// "RULE page N: message", with the lowest top of the lines it points at ("RULE page N
    /// above 772: …", in points from the page's foot), and its warnings' rule ids.
    var outloud: (errors: [String], warnings: [String]) {
        get throws {
            let program = Fixtures.packageRoot.appendingPathComponent(".venv-outloud/bin/outloud").path
            #expect(FileManager.default.isExecutableFile(atPath: program), "outloud is not installed; run make deps")
            let result = try TestProcess.run(program, ["--json", "-", "--fail-on", "never", file.path], timeout: 300)
            let json = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], "\(result)")
            let findings = ((json["results"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
            let errors = findings.filter { $0["severity"] as? String == "error" }.map { finding -> String in
                let tops = (finding["boxes"] as? [[String: Any]] ?? []).compactMap { ($0["y0"] as? NSNumber)?.doubleValue }
                let above = tops.min().map { " above \(Int($0))" } ?? ""
                return "\(finding["rule"] ?? "?") page \(finding["page"] ?? "–")\(above): \(finding["message"] ?? "") \(finding["evidence"] ?? "")"
            }
            let warnings = findings.filter { $0["severity"] as? String == "warning" }.compactMap { $0["rule"] as? String }
            return (errors, warnings)
        }
    }
}
