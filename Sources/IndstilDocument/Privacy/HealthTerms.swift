import IndstilSupport

/// Words that say something about a person's health: GDPR art. 9's special category
/// "data concerning health" (art. 4(15): physical or mental health, including care and
/// treatment received), in the categories Datatilsynet's guidance on helbredsoplysninger
/// names — diagnoses and illnesses, mental disorders, disabilities, abuse and addiction,
/// medication and treatment — as common Danish diagnosis words (the everyday names of the
/// diagnoses in the WHO's ICD-10 as Sundhedsdatastyrelsen's SKS classification words them).
///
/// A word counts as itself or as the start of a compound ("kræftbehandling", "demenssygdom").
/// It is a finding only in the same sentence as a person's name or a "han"/"hun" about one
/// person: "borgere med demens" is policy, "Anna Jensen har demens" is a health record.
enum HealthTerms {
    package static let words: [String] = [
        // Diagnoses and illnesses
        "diabetes", "sukkersyge", "kræft", "cancer", "leukæmi", "tumor", "hjerneblødning", "blodprop", "apopleksi",
        "hjertesygdom", "hjerteanfald", "epilepsi", "sklerose", "parkinson", "alzheimer", "demens", "gigt",
        "astma", "kol", "hiv", "aids", "hepatitis", "tuberkulose", "covid", "migræne", "cystisk fibrose",
        // Mental disorders and developmental conditions
        "depression", "skizofreni", "psykose", "bipolar", "maniodepressiv", "personlighedsforstyrrelse",
        "spiseforstyrrelse", "anoreksi", "bulimi", "ptsd", "angstlidelse", "ocd", "adhd", "add", "autisme",
        "asperger", "selvmordsforsøg", "selvskade",
        // Disabilities
        "udviklingshæmning", "udviklingshæmmet", "hjerneskade", "lammelse", "lammet", "blind", "døv", "handicap",
        "handicappet", "kørestolsbruger",
        // Abuse and addiction
        "alkoholmisbrug", "alkoholiker", "misbrug", "misbruger", "stofmisbrug", "narkoman", "ludomani",
        // Treatment and care
        "diagnose", "diagnosen", "diagnosticeret", "indlagt", "indlæggelse", "psykiatrisk", "psykiatrien",
        "antidepressiv", "medicin", "kemoterapi", "genoptræning", "sygemeldt", "sygemelding", "førtidspension",
        "abort", "graviditet", "gravid",
    ]
    /// The words indexed by their first byte, so most words are passed over at one look.
    package static let list = WordList(words)

    /// Words that make a sentence about one person even without a name.
    static let personWords: Set<String> = ["han", "hun", "ansøgeren", "klageren", "patienten"]
    static let personWordLengths = Set(personWords.map(\.utf8.count))

    /// The health word starting at `word`, or nil.
    static func term(at word: Range<Int>, in text: PrivacyText) -> String? {
        let folded = text.folded
        let candidates = list.byFirstByte[Int(folded[word.lowerBound])]
        guard !candidates.isEmpty else { return nil }
        for index in candidates {
            let needle = list.needles[index]
            guard word.lowerBound + needle.count <= folded.count else { continue }
            guard needle.count <= word.count || needle.contains(0x20) else { continue }
            if folded[word.lowerBound..<word.lowerBound + needle.count].elementsEqual(needle) {
                // Short words ("kol", "add", "hiv", "døv") only whole.
                if needle.count <= 4, word.count != needle.count { continue }
                return words[index]
            }
        }
        return nil
    }
}
