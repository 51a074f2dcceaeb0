import Foundation
import IndstilSupport
import IndstilDocument
import IndstilChecks
import IndstilRender
import IndstilWorkspace

/// The register as JSON (keys in English, stable):
/// `{"version":1,"decisions":[{"committee","meeting_date","item",…}]}`.
public enum RegisterJSON {
    struct Document: Encodable {
        let version = 1
        let decisions: [DecisionRegister.Row]
    }

    public static func render(_ rows: [DecisionRegister.Row]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, numbers and booleans cannot fail.
        let data = (try? encoder.encode(Document(decisions: rows))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
