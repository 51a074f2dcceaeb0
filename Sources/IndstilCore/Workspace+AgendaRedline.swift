import Foundation

extension Workspace {
    /// `indstil bundle --redline`: each item whose indstilling changed after the agenda was
    /// sent gets a page "Ændringer siden udsendelsen", the indstilling as git held it on the
    /// day of sending compared with the file now. What cannot be shown is said in `notes`
    /// (no git version from that day; only the appendices changed).
    public func addingRedlines(to agenda: ResolvedAgenda) -> (agenda: ResolvedAgenda, notes: [String]) {
        guard let sent = agenda.manifest.sent else { return (agenda, []) }
        var extra: [ResolvedAgenda.Appendix] = []
        var notes: [String] = []
        for item in agenda.items where item.isChangedAfterSending {
            guard let recommendation = item.recommendation else {
                notes.append("Punkt \(item.number): ændret efter udsendelsen, men punktet har ingen indstilling at vise ændringerne i")
                continue
            }
            let url = recommendation.document.url
            guard let revision = VersionSource.lastRevision(of: url, onOrBefore: sent) else {
                notes.append("Punkt \(item.number): git har ingen udgave af \(recommendation.document.path) fra \(DanishFormat.date(sent)) eller før, så ændringerne kan ikke vises")
                continue
            }
            do {
                let old = try VersionSource.revision(revision, of: url, name: "\(recommendation.document.path)@\(revision.prefix(10))")
                let new = try VersionSource.read(url.path, workspace: self)
                let diff = try redline(old: old, new: new).diff
                guard !diff.isEmpty else {
                    notes.append("Punkt \(item.number): indstillingen er som udsendt; det er bilagene, der er ændret")
                    continue
                }
                // The old version was checked when it was sent, but what it held is shown again
                // here: personal data taken out since must not come back in a public packet.
                if !item.isClosed, Self.holdsPersonalData(old) {
                    notes.append("Punkt \(item.number): den udsendte udgave af \(recommendation.document.path) indeholder personoplysninger (fx et CPR-nummer), så ændringerne vises ikke i pakken")
                    continue
                }
                extra.append(ResolvedAgenda.Appendix(item: item.number, number: item.appendices.count + 1, title: "Ændringer siden udsendelsen",
                                                     publicTitle: "Ændringer siden udsendelsen", documentNumber: nil, isClosed: item.isClosed,
                                                     source: url, content: .redline(diff, since: sent)))
            } catch {
                notes.append("Punkt \(item.number): \(error.message.da)")
            }
        }
        return (agenda.adding(extra), notes)
    }

    /// Whether a version's text holds personal data the `privacy.*` checks find (a CPR
    /// number, a name with an address, health data, a citizen's contact details).
    static func holdsPersonalData(_ version: VersionSource) -> Bool {
        guard case .document(let document) = DocumentLoader.parse(version.text, url: version.url, displayPath: version.name) else { return false }
        return !DocumentPersonalData.findings(in: document, kind: .cpr).isEmpty
            || !DocumentPersonalData.findings(in: document, kinds: [.nameAddress, .health, .contact]).isEmpty
    }
}
