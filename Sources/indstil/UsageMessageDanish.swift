import Foundation

/// swift-argument-parser's usage errors in Danish (it writes them in English only): the
/// frame ("Error:", "Usage:", "See … for more information.") and its usual sentences. A
/// sentence it has no Danish for stays as it is; the usage line itself (the command's own
/// option names) is never changed.
enum UsageMessageDanish {
    static func translate(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }.joined(separator: "\n")
    }

    private static var sentences: [(Regex<AnyRegexOutput>, (Regex<AnyRegexOutput>.Match) -> String)] { [
        (try! Regex(#"^Unknown option '(.+)'$"#), { "ukendt tilvalg »\($0[1].substring ?? "")«" }),
        (try! Regex(#"^Missing expected argument '(.+)'$"#), { "argumentet »\($0[1].substring ?? "")« mangler" }),
        (try! Regex(#"^Missing value for '(.+)'$"#), { "»\($0[1].substring ?? "")« mangler en værdi" }),
        (try! Regex(#"^Unexpected argument '(.+)'$"#), { "uventet argument »\($0[1].substring ?? "")«" }),
        (try! Regex(#"^(\d+) unexpected arguments: (.+)$"#), { "\($0[1].substring ?? "") uventede argumenter: \($0[2].substring ?? "")" }),
        (try! Regex(#"^The value '(.*)' is invalid for '(.+)'\. Please provide one of (.+)\.$"#), {
            "værdien »\($0[1].substring ?? "")« kan ikke bruges til »\($0[2].substring ?? "")«; brug en af \(($0[3].substring ?? "").replacingOccurrences(of: " and ", with: " eller ").replacingOccurrences(of: " or ", with: " eller "))"
        }),
        (try! Regex(#"^The value '(.*)' is invalid for '(.+)'$"#), { "værdien »\($0[1].substring ?? "")« kan ikke bruges til »\($0[2].substring ?? "")«" }),
    ] }

    /// The help's frame in Danish (the commands' own texts are Danish already): the section
    /// headings and the two built-in options. The manual page is made from the JSON help, not this.
    static func help(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { row -> String in
            var line = String(row)
            for (english, danish) in [("OVERVIEW:", "OVERSIGT:"), ("USAGE:", "BRUG:"), ("ARGUMENTS:", "ARGUMENTER:"),
                                      ("OPTIONS:", "TILVALG:"), ("SUBCOMMANDS:", "UNDERKOMMANDOER:")] where line.hasPrefix(english) {
                line = danish + line.dropFirst(english.count)
            }
            line = line.replacingOccurrences(of: "Show help information.", with: "Vis hjælpen.")
                .replacingOccurrences(of: "Show the version.", with: "Vis versionen.")
            if let match = line.wholeMatch(of: /(\s*)See '(.+)' for detailed help\./) {
                line = "\(match.1)Se »\(match.2)« for hjælp til hver kommando."
            }
            return line
        }.joined(separator: "\n")
    }

    private static func line(_ line: String) -> String {
        if line.hasPrefix("Error: ") {
            let sentence = String(line.dropFirst("Error: ".count))
            for (pattern, danish) in sentences {
                if let match = try? pattern.wholeMatch(in: sentence) { return "Fejl: " + danish(match) }
            }
            return "Fejl: " + sentence
        }
        if line.hasPrefix("Usage: ") { return "Brug: " + line.dropFirst("Usage: ".count) }
        if line.hasPrefix("Help: ") { return "Hjælp: " + line.dropFirst("Help: ".count) }
        if let match = line.wholeMatch(of: /(\s*)See '(.+)' for more information\./) {
            return "\(match.1)Se »\(match.2)« for mere hjælp."
        }
        return line
    }
}
