import Foundation
import Hummingbird
import IndstilCore

/// The secretariat's desk on an agenda's manifest page: an item's state changed, the
/// agenda (or its supplementary agenda) sent, and every packet built with progress. State
/// and sending edit the text on screen and answer the new text (the page puts it in the
/// editor and saves it as always, with its conflict handling); a build reads the saved files.
extension WorkspaceRoutes {
    /// `POST /api/agenda/item-state` `{path, text, item, state, by}` → `{text}`.
    func changeItemState(_ request: Request) async throws -> Response {
        let body = try await RequestBody.read(request, limit: settings.maximumBodyBytes)
        let relative = try body.string("path"), text = try body.string("text")
        let item = try body.int("item"), state = try body.string("state"), person = try body.string("by")
        let url = try files.served(relative, as: .manifest)
        let path = files.relativePath(of: url)
        do {
            let edited = try AgendaItemStateChange.apply(state: state, by: person, item: item, to: text, file: path)
            return HTTPAnswers.json(.object([("text", .string(edited))]))
        } catch {
            throw Refusal(.unprocessableContent, Self.pageMessage(error, manifest: path))
        }
    }

    /// An error as the page says it: the message, then where ("linje 12", or the file and
    /// line when it is another file than the manifest on screen).
    static func pageMessage(_ error: IndstilError, manifest: String) -> String {
        let place: String? = switch (error.file, error.line) {
        case (let file?, let line?) where file != manifest: "i \(file), linje \(line)"
        case (let file?, nil) where file != manifest: "i \(file)"
        case (_, let line?): "linje \(line)"
        default: nil
        }
        return error.message.da + (place.map { " (\($0))" } ?? "")
    }

    /// `POST /api/agenda/send` `{path, text}` → `{text, message}`: the sending recorded.
    func sendAgenda(_ request: Request) async throws -> Response {
        let body = try await RequestBody.read(request, limit: settings.maximumBodyBytes)
        let relative = try body.string("path"), text = try body.string("text")
        let url = try files.served(relative, as: .manifest)
        let path = files.relativePath(of: url), workspace = self.workspace
        let result = try await Blocking.run { () throws -> Result<(text: String, outcome: AgendaSending.Outcome), IndstilError> in
            do throws(IndstilError) { return .success(try AgendaSending.apply(to: text, url: url, displayPath: path, workspace: workspace)) } catch { return .failure(error) }
        }
        switch result {
        case .failure(let error):
            throw Refusal(.unprocessableContent, Self.pageMessage(error, manifest: path))
        case .success(let sent):
            let message = switch sent.outcome {
            case .agenda(let items): "Dagsordenen er sendt med \(DanishPlural.count(items.count, "punkt", "punkter")); hvad hvert punkt var, er skrevet i manifestet."
            case .supplement(let items): "Tillægsdagsordenen er sendt med punkt \(items.map(String.init).joined(separator: ", "))."
            }
            return HTTPAnswers.json(.object([("text", .string(sent.text)), ("message", .string(message))]))
        }
    }

    /// `GET /api/build/{manifest path}`: server-sent events while every packet is built.
    func buildPackets(_ relative: String) throws -> Response {
        let url = try files.served(relative, as: .manifest)
        return builds.stream(manifest: url, path: files.relativePath(of: url), workspace: workspace, files: files)
    }

    /// `GET /api/build-result/{id}/{file}.pdf`: a PDF of a finished build, as a download.
    func buildResult(_ rest: String) throws -> Response {
        let parts = rest.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let file = builds.result(id: parts[0], name: parts[1]) else {
            throw Refusal(.notFound, "PDF'en findes ikke længere; byg pakkerne igen.")
        }
        guard case .success(let data) = FileKind.read(file, limit: 2 << 30) else { throw Refusal.notRegular(parts[1]) }
        return HTTPAnswers.data(data, contentType: "application/pdf", downloadName: parts[1])
    }

    /// `POST /api/minutes/item` `{path, text, item, points: [{number, outcome, text}], outcome,
    /// decision, absent: [names]}` → `{text}`: the minutes form's decision for one item.
    func editMinutesItem(_ request: Request) async throws -> Response {
        let body = try await RequestBody.read(request, limit: settings.maximumBodyBytes)
        let relative = try body.string("path"), text = try body.string("text"), item = try body.int("item")
        let url = try files.served(relative, as: .manifest)
        let path = files.relativePath(of: url)
        func optional(_ value: Any?) -> String? { value as? String }
        let points = (body.fields["points"] as? [[String: Any]] ?? []).compactMap { point -> MinutesItemEdit.Point? in
            guard let number = point["number"] as? Int else { return nil }
            return MinutesItemEdit.Point(number: number, outcome: optional(point["outcome"]), text: optional(point["text"]),
                                         reason: optional(point["reason"]))
        }
        let decision = MinutesItemEdit.Decision(points: points, outcome: optional(body.fields["outcome"]), text: optional(body.fields["decision"]),
                                                reason: optional(body.fields["reason"]), absent: body.fields["absent"] as? [String] ?? [])
        do {
            return HTTPAnswers.json(.object([("text", .string(try MinutesItemEdit.apply(decision, item: item, to: text, file: path)))]))
        } catch {
            throw Refusal(.unprocessableContent, Self.pageMessage(error, manifest: path))
        }
    }

    /// `POST /api/agenda/item` `{path, text, item (0 for a new one), titel, indstilling, minutter,
    /// status, begrundelse, bilag: [{fil, titel, lukket}]}` → `{text, item}`: the item form.
    func editAgendaItem(_ request: Request) async throws -> Response {
        let body = try await RequestBody.read(request, limit: settings.maximumBodyBytes)
        let relative = try body.string("path"), text = try body.string("text"), number = try body.int("item")
        let url = try files.served(relative, as: .manifest)
        let path = files.relativePath(of: url)
        func optional(_ key: String, in fields: [String: Any]) -> String? { fields[key] as? String }
        let appendices = (body.fields["bilag"] as? [[String: Any]] ?? []).map { entry in
            AgendaItemEdit.Appendix(file: optional("fil", in: entry) ?? "", title: optional("titel", in: entry), isClosed: entry["lukket"] as? Bool ?? false)
        }
        let item = AgendaItemEdit.Item(title: optional("titel", in: body.fields), recommendation: optional("indstilling", in: body.fields),
                                       minutes: optional("minutter", in: body.fields), status: optional("status", in: body.fields),
                                       reason: optional("begrundelse", in: body.fields), appendices: appendices)
        do {
            let edited = try AgendaItemEdit.apply(item, number: number > 0 ? number : nil, to: text, file: path)
            return HTTPAnswers.json(.object([("text", .string(edited.text)), ("item", .int(edited.number))]))
        } catch {
            throw Refusal(.unprocessableContent, Self.pageMessage(error, manifest: path))
        }
    }
}
