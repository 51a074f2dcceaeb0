import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What an outside battery put into a served project: secrets in hidden files, links into
/// them, a FIFO and a device named as documents, a bundle whose appendices are HTML, SVG and
/// a script, and a bundle whose PDF appendix is a FIFO.
enum HostileFiles {
    static let marker = "SCRIPT-KOERTE"
    /// What the appendices' script does when it runs: writes a file into the project through
    /// the API and sets a marker.
    static let script = """
        document.title = "\(marker)";
        document.documentElement.setAttribute("data-marker", "\(marker)");
        fetch("/api/documents/skrevet-af-script.md", {method: "PUT", headers: {"Content-Type": "application/json"},
              body: JSON.stringify({text: "skrevet", version: "missing"})});
        """
    static let html = "<!DOCTYPE html><html lang=\"da\"><head><title>Bilag</title><script src=\"B1.5-kode.js\"></script></head><body><p>Bilag</p></body></html>\n"
    static let svg = """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">\
        <script xlink:href="B1.5-kode.js"/><rect width="10" height="10"/></svg>

        """

    static func make(root: URL, folder: URL) throws {
        let manager = FileManager.default
        func write(_ relative: String, _ text: String) throws {
            let url = root.appendingPathComponent(relative)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        func link(_ relative: String, to destination: String) throws {
            try manager.createSymbolicLink(atPath: root.appendingPathComponent(relative).path, withDestinationPath: destination)
        }
        try write(".env", "HEMMELIGT_KODEORD=ikke-til-browseren\n")
        try write(".git/config", "[remote \"origin\"]\n\turl = https://bruger:hemmeligt@git.example/projekt\n")
        try write(".skjult/noter.md", "---\nprofil: aarhus-byraad\n---\n# Skjult\n")
        try write("noter.txt", "Ikke et dokument.\n")
        try link("git-config.md", to: ".git/config")
        try link("skjult-mappe", to: ".skjult")
        try link("lenke.md", to: "aarhus-byraad/ny-ordning-moedelokaler.md")
        try link("nul.md", to: "/dev/null")
        guard mkfifo(root.appendingPathComponent("fifo.md").path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
        if getuid() == 0 {
            // A character device named as a document (the same as /dev/null).
            _ = mknod(root.appendingPathComponent("enhed.md").path, S_IFCHR | 0o666, dev_t((1 << 8) | 3))  // makedev(1, 3)
        }
        // A table whose file is the hidden .env.
        try write("tabel-env.md", "---\nprofil: aarhus-byraad\n---\n# Tabel\n\n```tabel\ntitel: Hemmeligheder\nfil: .env\n```\n")

        // A bundle with an HTML, an SVG and a script appendix.
        try manager.copyItem(at: root.appendingPathComponent("bilagsmateriale"), to: root.appendingPathComponent("farlig"))
        try write("farlig/kapitel-1/side.html", html)
        try write("farlig/kapitel-1/tegning.svg", svg)
        try write("farlig/kapitel-1/kode.js", script)
        let manifest = root.appendingPathComponent("farlig/bundle.yml")
        let text = try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: """
                  - id: spoergeskema
            """, with: """
                  - id: side
                    fil: kapitel-1/side.html
                    titel: "Side"
                  - id: tegning
                    fil: kapitel-1/tegning.svg
                    titel: "Tegning"
                  - id: kode
                    fil: kapitel-1/kode.js
                    titel: "Kode"
                  - id: spoergeskema
            """)
        try text.write(to: manifest, atomically: true, encoding: .utf8)

        // A bundle whose PDF appendix is a FIFO.
        try manager.copyItem(at: root.appendingPathComponent("bilagsmateriale"), to: root.appendingPathComponent("fifo-bilag"))
        let pdf = root.appendingPathComponent("fifo-bilag/kapitel-1/spoergeskema.pdf")
        try manager.removeItem(at: pdf)
        guard mkfifo(pdf.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}
