import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// DOCX (and other office) attachments turned into PDF with LibreOffice, so they can be
/// stamped on every page and merged into a packet like PDF attachments, as the exported
/// packets do ("Punkt 6, Bilag 1: Dagsorden … .docx"). Without LibreOffice the attachment
/// is published as it is and the caller (`PacketFiles`) says so; a conversion that fails or
/// does not finish in time is an error naming the file (exit 2), never a silent reference.
///
/// The PDF is tagged (PDF/UA-1: LibreOffice's structure tree from the document's headings,
/// lists and tables) and PDF/A-2b, so it can go into an archive copy (`PDFArchiveParts`).
///
/// LibreOffice runs in the packet's private work folder: the copies it converts, its user
/// profile (`-env:UserInstallation`) and its temporary files (TMPDIR, TMP, TEMP) are in
/// 0700 folders there, removed with the work folder; it runs in its own process group,
/// which is stopped with indstil, also when indstil is killed outright (`Subprocess`).
enum OfficeConversion {
    static let convertible: Set<String> = ["docx", "doc", "odt", "rtf"]

    /// Seconds LibreOffice has for one packet's office files: 300, or `INDSTIL_LIBREOFFICE_TIMEOUT`.
    static var timeout: TimeInterval {
        if let text = ProcessInfo.processInfo.environment["INDSTIL_LIBREOFFICE_TIMEOUT"], let seconds = TimeInterval(text),
           seconds > 0, seconds.isFinite {
            return seconds
        }
        return 300
    }

    /// LibreOffice's PDF export: tagged, PDF/UA-1, PDF/A-2b.
    static let filter = #"pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"},"#
        + #""PDFUACompliance":{"type":"boolean","value":"true"},"SelectPdfVersion":{"type":"long","value":"2"}}"#

    /// The time of conversion, which LibreOffice writes into the document information and
    /// the XMP metadata, is replaced by this one (SOURCE_DATE_EPOCH's 1980-01-01): the same
    /// attachment gives the same packet.
    static let fixedDate = (info: "D:19800101000000Z", xmp: "1980-01-01T00:00:00Z")

    /// The converted PDF of every source, by source; empty when LibreOffice is not installed.
    /// One LibreOffice run for all of them, with a private user profile (so it never waits
    /// for another instance). Throws, naming the file, when LibreOffice fails, does not
    /// finish within `timeout`, or leaves a file unconverted.
    ///
    /// Each conversion is kept in the `ContentCache` under the digest of the file's bytes and
    /// the LibreOffice that made it (`identity`): a Word appendix that has not changed is not
    /// converted again, in this build (the public and the closed packet of an agenda share
    /// it) or the next.
    static func pdfs(of sources: [URL], work: URL, cache: ContentCache? = ContentCache.shared) throws(PacketFailure) -> [URL: URL] {
        guard !sources.isEmpty, let program = ["soffice", "libreoffice"].first(where: { ExternalProgram.find($0) != nil }) else { return [:] }
        let folder = work.appendingPathComponent("konvertering", isDirectory: true)
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)  // the caller's, normally there
        do { try TemporaryItems.makePrivateFolder(folder) } catch {
            let reason = SystemErrorText.reason(error)
            throw PacketFailure(.converting, da: "kan ikke oprette \(folder.path): \(reason.da)", en: "cannot create \(folder.path): \(reason.en)", file: folder)
        }
        // Private copies first (named by their place among all the sources): what is hashed is
        // what LibreOffice converts, even when the user saves the file again meanwhile.
        var inputs: [(source: URL, copy: URL)] = []
        for (index, source) in sources.enumerated() {
            let copy = folder.appendingPathComponent("bilag-\(index + 1).\(source.pathExtension.lowercased())")
            do { try TemporaryItems.copyPrivately(source, to: copy) } catch {
                let reason = SystemErrorText.reason(error)
                throw PacketFailure(.copying, da: "Bilaget »\(source.path)« kan ikke kopieres til konvertering: \(reason.da)",
                                    en: "The appendix \"\(source.path)\" cannot be copied for conversion: \(reason.en)", file: source)
            }
            inputs.append((source, copy))
        }
        var converted: [URL: URL] = [:]
        var keys: [URL: ContentCache.Key] = [:]
        let ahead = OfficeConversionAhead.isActive
        let identity = cache == nil && !ahead ? nil : identity(of: program)
        for (index, input) in inputs.enumerated() {
            guard let identity else { break }
            guard let key = key(identity: identity, copy: input.copy) else { continue }
            let kept = folder.appendingPathComponent("gemt-\(index + 1).pdf")
            if let cache, cache.copy(key, to: kept) {
                converted[input.source] = kept
            } else if ahead, let early = OfficeConversionAhead.take(key), (try? TemporaryItems.copyPrivately(early, to: kept)) != nil {
                // Converted while the packet was read, from the same bytes.
                converted[input.source] = kept
                cache?.keep(kept, as: key)
            } else {
                keys[input.source] = key
            }
        }
        let missing = inputs.filter { converted[$0.source] == nil }
        guard !missing.isEmpty else { return converted }
        for (source, pdf) in try convert(missing, program: program, work: work, folder: folder) {
            converted[source] = pdf
            if let cache, let key = keys[source] { cache.keep(pdf, as: key) }
        }
        return converted
    }

    /// The key of the conversion of the private copy `copy` by the LibreOffice of `identity`
    /// (`ContentCache`, `OfficeConversionAhead`); nil when the copy cannot be read.
    static func key(identity: String, copy: URL) -> ContentCache.Key? {
        var key = ContentCache.Key("libreoffice pdf 1")
        key.add(identity)
        key.add(filter + " " + fixedDate.info)
        return key.add(contentsOf: copy) ? key : nil
    }

    /// The LibreOffice `program` found on PATH, by its files (the script and `versionrc`
    /// beside it, which names the version) and the fonts, libraries and qpdf
    /// (`CacheFolder.environmentIdentity`); nil when they cannot be found, and then nothing is kept.
    static func identity(of program: String) -> String? {
        guard let found = ExternalProgram.find(program), let script = CacheFolder.realPath(found.path) else { return nil }
        let files = [script, (script as NSString).deletingLastPathComponent + "/versionrc"]
        let identities = files.compactMap(CacheFolder.fileIdentity)
        return identities.count == files.count ? (identities + [CacheFolder.environmentIdentity()]).joined(separator: "\n") : nil
    }

    /// How LibreOffice's C library is to keep the memory it frees. While it starts, LibreOffice
    /// takes and gives back a block of a couple of hundred megabytes again and again; glibc hands
    /// each freed top of the heap back to the system, and every new use of it costs a page fault
    /// a page: 295.000 of them, 0,6 s of system time in a 0,9 s conversion. Kept up to 512 MB,
    /// the conversion of the example agenda's Word appendix takes 0,44 s (48.000 faults, 40 MB more
    /// at the peak), and writes the same PDF (but for its dates and id, which `fixDates` sets).
    /// Setting the mmap threshold too turns off glibc's adjusting of both.
    static let mallocSettings = ["MALLOC_TRIM_THRESHOLD_": "536870912", "MALLOC_MMAP_THRESHOLD_": "536870912"]

    /// One LibreOffice run converting the private copies of `inputs` (in `folder`).
    static func convert(_ inputs: [(source: URL, copy: URL)], program: String, work: URL, folder: URL) throws(PacketFailure) -> [URL: URL] {
        let sources = inputs.map(\.source)
        let office = work.appendingPathComponent("libreoffice", isDirectory: true)
        let temporary = office.appendingPathComponent("tmp", isDirectory: true)
        let profile = office.appendingPathComponent("profil", isDirectory: true)
        for place in [office, temporary] {
            do { try TemporaryItems.makePrivateFolder(place) } catch {
                let reason = SystemErrorText.reason(error)
                throw PacketFailure(.converting, da: "kan ikke oprette \(place.path): \(reason.da)", en: "cannot create \(place.path): \(reason.en)", file: place)
            }
        }
        let limit = Self.timeout
        let result = ExternalProgram.run(program, ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
                                                   "--convert-to", filter, "--outdir", folder.path] + inputs.map(\.copy.path),
                                         timeout: limit, temporaryFolder: temporary, environment: mallocSettings)
        func isPDF(_ copy: URL) -> Bool {
            let pdf = copy.deletingPathExtension().appendingPathExtension("pdf")
            return (try? FileHandle(forReadingFrom: pdf).read(upToCount: 4)) == Data("%PDF".utf8)
        }
        /// The files LibreOffice left unconverted, for the message.
        func unconverted() -> String {
            let missing = inputs.filter { !isPDF($0.copy) }.map(\.source)
            return (missing.isEmpty ? sources : missing).map { "»\($0.path)«" }.joined(separator: ", ")
        }
        switch result {
        case .notFound:
            // It was found on PATH a moment ago: it could not be started (no processes left, say).
            throw PacketFailure(.converting, da: "LibreOffice (\(program)) kunne ikke startes til at konvertere \(unconverted()) til PDF; intet er skrevet",
                                en: "LibreOffice (\(program)) could not be started to convert \(unconverted()) to PDF; nothing was written",
                                file: sources[0])
        case .timedOut:
            throw PacketFailure(.converting,
                                da: "LibreOffice blev ikke færdig inden for \(Int(limit)) sekunder med at konvertere "
                                    + "\(unconverted()) til PDF; intet er skrevet (sæt INDSTIL_LIBREOFFICE_TIMEOUT til flere sekunder, "
                                    + "eller gem bilaget som PDF)",
                                en: "LibreOffice did not finish converting \(unconverted()) to PDF within \(Int(limit)) seconds; "
                                    + "nothing was written (set INDSTIL_LIBREOFFICE_TIMEOUT to more seconds, or save the appendix as PDF)", file: inputs.first { !isPDF($0.copy) }?.source ?? sources[0])
        case .finished(let status, let stderr) where status != 0:
            throw PacketFailure(.converting,
                                da: "LibreOffice fejlede (exit \(status)) ved konvertering af \(unconverted()) til PDF; "
                                    + "intet er skrevet: \(stderr.prefix(500))",
                                en: "LibreOffice failed (exit \(status)) converting \(unconverted()) to PDF; "
                                    + "nothing was written: \(stderr.prefix(500))", file: inputs.first { !isPDF($0.copy) }?.source ?? sources[0])
        case .finished:
            break
        }
        var converted: [URL: URL] = [:]
        for (source, copy) in inputs {
            guard isPDF(copy) else {
                throw PacketFailure(.converting,
                                    da: "LibreOffice kunne ikke konvertere »\(source.path)« til PDF (er filen beskadiget, "
                                        + "eller beskyttet med adgangskode?); intet er skrevet. Gem bilaget som PDF, eller ret filen",
                                    en: "LibreOffice could not convert \"\(source.path)\" to PDF (is the file damaged, "
                                        + "or protected by a password?); nothing was written. Save the appendix as PDF, or repair the file", file: source)
            }
            let pdf = copy.deletingPathExtension().appendingPathExtension("pdf")
            let fixed = copy.deletingPathExtension().appendingPathExtension("fast.pdf")
            try fixDates(pdf, to: fixed, work: folder)
            converted[source] = fixed
        }
        return converted
    }

    /// `pdf` with `fixedDate` as its creation and modification time (document information,
    /// XMP and the output intent's ICC profile alike, as PDF/A wants them to agree), and an
    /// /ID derived from its content.
    static func fixDates(_ pdf: URL, to output: URL, work: URL) throws(PacketFailure) {
        // Every object once (without stream data), then the data of the two streams rewritten here.
        let all = QPDF.objects(try QPDF.json(pdf, keys: ["qpdf"], into: work.appendingPathComponent("datoer.json"), step: .converting,
                                             what: Message(da: "ved konvertering", en: "while converting")))
        func resolved(_ value: Any?) -> Any? {
            guard let ref = value as? String, ref.hasSuffix(" R") else { return value }
            return (all["obj:" + ref] as? [String: Any])?["value"]
        }
        var update: [String: Any] = [:]
        guard var trailer = (all["trailer"] as? [String: Any])?["value"] as? [String: Any],
              let root = trailer["/Root"] as? String, let catalog = QPDF.value(all, root) else {
            throw PacketFailure(.converting, da: "den konverterede PDF har ingen katalog", en: "the converted PDF has no catalog", file: pdf)
        }
        // LibreOffice's checksum and /ID differ from run to run; qpdf keeps the first /ID
        // element it finds, and derives both from the content (--deterministic-id) when there is none.
        trailer["/DocChecksum"] = nil
        trailer["/ID"] = nil
        update["trailer"] = ["value": trailer]
        if let info = trailer["/Info"] as? String, var dates = QPDF.value(all, info) {
            for key in ["/CreationDate", "/ModDate"] where dates[key] != nil { dates[key] = "u:" + fixedDate.info }
            update["obj:" + info] = ["value": dates]
        }
        let metadata = catalog["/Metadata"] as? String
        // The sRGB profile of the PDF/A output intent, which LibreOffice has lcms make at export
        // time: its header carries that time (bytes 24–35, ICC.1 7.2.8).
        let profiles = (resolved(catalog["/OutputIntents"]) as? [Any] ?? []).compactMap { intent in
            (resolved(intent) as? [String: Any])?["/DestOutputProfile"] as? String
        }
        let rewritten = ([metadata].compactMap { $0 } + profiles).filter { ref in
            (all["obj:" + ref] as? [String: Any])?["stream"] != nil
        }
        var streams: [String: Any] = [:]
        if !rewritten.isEmpty {
            streams = QPDF.objects(try QPDF.json(pdf, keys: ["qpdf"], extra: ["--json-stream-data=inline"] + rewritten.map { "--json-object=\($0)" },
                                                 into: work.appendingPathComponent("datoer-stroemme.json"), step: .converting,
                                                 what: Message(da: "ved konvertering", en: "while converting")))
        }
        /// A stream's dictionary (without its filters: the data given back is plain) and data.
        func stream(_ ref: String) -> (dictionary: [String: Any], data: Data)? {
            guard let stream = (streams["obj:" + ref] as? [String: Any])?["stream"] as? [String: Any],
                  let encoded = stream["data"] as? String, let data = Data(base64Encoded: encoded) else { return nil }
            var dictionary = stream["dict"] as? [String: Any] ?? [:]
            for key in ["/Filter", "/DecodeParms", "/Length"] { dictionary[key] = nil }
            return (dictionary, data)
        }
        if let metadata, let (dictionary, data) = stream(metadata), var xmp = String(data: data, encoding: .utf8) {
            xmp = xmp.replacing(/(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)[^<]*/) { $0.1 + fixedDate.xmp }
            xmp = xmp.replacing(/(xmp:(?:CreateDate|ModifyDate|MetadataDate)=")[^"]*/) { $0.1 + fixedDate.xmp }
            update["obj:" + metadata] = ["stream": ["dict": dictionary, "data": Data(xmp.utf8).base64EncodedString()]]
        }
        for profile in profiles {
            guard var (profileDictionary, data) = stream(profile), data.count >= 128 else { continue }
            data.replaceSubrange(24..<36, with: [0x07, 0xbc, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0])
            profileDictionary["/N"] = profileDictionary["/N"] ?? 3
            update["obj:" + profile] = ["stream": ["dict": profileDictionary, "data": data.base64EncodedString()]]
        }
        let updateFile = work.appendingPathComponent("datoer-opdatering.json")
        do {
            try TemporaryItems.writePrivately(JSONSerialization.data(withJSONObject: ["qpdf": [["jsonversion": 2], update]],
                                                                     options: [.sortedKeys, .withoutEscapingSlashes]), to: updateFile)
        } catch {
            let reason = SystemErrorText.reason(error)
            throw PacketFailure(.converting, da: "kan ikke skrive \(updateFile.path): \(reason.da)", en: "cannot write \(updateFile.path): \(reason.en)", file: updateFile)
        }
        try QPDF.write([pdf.path, "--update-from-json=\(updateFile.path)", output.path], step: .converting, what: Message(da: "ved konvertering", en: "while converting"))
    }
}
