import IndstilSupport

/// A Word file's document properties: the core ones (`docProps/core.xml`: title, subject,
/// author …) and the custom ones (`docProps/custom.xml`), where case systems (ESDH) and
/// pandoc keep a document's case number, department, date and title. Values as written,
/// in the file's order; a property with no text keeps its name (pandoc writes lists and
/// groups of fields as empty properties).
package struct WordProperties: Equatable {
    package struct Property: Equatable {
        package let name: String
        package let value: String
    }

    /// `dc:title`, `dc:subject`, `dc:creator`, `cp:keywords`, `dc:description` as named there
    /// ("title", "subject" …), non-empty only.
    package var core: [Property] = []
    package var custom: [Property] = []

    package init(core: [Property] = [], custom: [Property] = []) {
        self.core = core
        self.custom = custom
    }

    /// Reads both parts from their XML roots (either may be missing).
    init(core coreRoot: WordXMLElement?, custom customRoot: WordXMLElement?) {
        for element in coreRoot?.elements ?? [] where Self.coreNames.contains(element.name) {
            let value = element.text.foldingWhitespace
            if !value.isEmpty { core.append(Property(name: element.name, value: value)) }
        }
        for property in customRoot?.children("property") ?? [] {
            guard let name = property.attributes["name"]?.foldingWhitespace, !name.isEmpty else { continue }
            // One typed value: vt:lpwstr, vt:lpstr, vt:filetime, vt:i4, vt:bool, vt:date …
            let value = property.elements.first.map(Self.value) ?? ""
            custom.append(Property(name: name, value: value))
        }
    }

    static let coreNames: Set<String> = ["title", "subject", "creator", "keywords", "description", "category"]

    /// A typed value's text; a `vt:filetime` or `vt:date` ("2021-03-31T00:00:00Z") as its date.
    private static func value(_ element: WordXMLElement) -> String {
        let text = element.text.foldingWhitespace
        if element.name == "filetime" || element.name == "date", text.count >= 10,
           CalendarDate(iso: String(text.prefix(10))) != nil {
            return String(text.prefix(10))
        }
        return text
    }

    /// The core title, when there is one.
    package var title: String? { core.first { $0.name == "title" }?.value }
}
