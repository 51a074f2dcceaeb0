import Foundation
import Hummingbird

/// A request's JSON body, held to the size limit and refused in Danish when it is not a
/// JSON object with the fields asked for.
struct RequestBody {
    let fields: [String: Any]

    static func read(_ request: Request, limit: Int) async throws(Refusal) -> RequestBody {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw tooLarge(limit)
        }
        var request = request
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: limit) } catch { throw tooLarge(limit) }
        let data = Data(buffer.readableBytesView)
        guard let object = try? JSONSerialization.jsonObject(with: data), let fields = object as? [String: Any] else {
            throw Refusal(.badRequest, "Forespørgslen er ikke gyldig JSON (et objekt som {\"path\": …, \"text\": …} var ventet).")
        }
        return RequestBody(fields: fields)
    }

    static func tooLarge(_ limit: Int) -> Refusal {
        Refusal(.contentTooLarge, "Forespørgslen er for stor (højst \(limit / 1024) KiB).")
    }

    func string(_ name: String) throws(Refusal) -> String {
        guard let value = fields[name] as? String else {
            throw Refusal(.badRequest, "Feltet »\(name)« mangler eller er ikke tekst.")
        }
        return value
    }

    func int(_ name: String) throws(Refusal) -> Int {
        // JSON's true and false are numbers to Foundation (`is Bool` holds for 1 too): the
        // number's own type tells them apart ("c" for a boolean).
        guard let number = fields[name] as? NSNumber, String(cString: number.objCType) != "c", let value = fields[name] as? Int else {
            throw Refusal(.badRequest, "Feltet »\(name)« mangler eller er ikke et helt tal.")
        }
        return value
    }
}
