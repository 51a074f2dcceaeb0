import IndstilSupport
import IndstilDocument

/// A distribution table (first header "Afdeling …" or "Magistratsafdeling …") whose row
/// names a department code the profile does not list.
public struct CatalogueDepartmentCheck: Check {
    public let id = "catalogue.department"
    public let defaultSeverity = Severity.error
    public let summary = Message(da: "En fordelingstabel nævner en afdeling, som profilen ikke kender",
                                 en: "A distribution table names a department the profile does not know")

    public var examples: [CheckExample] {
        let catalogue = ExampleDocument.budgetkatalog
        return [
            .triggers("Ukendt afdelingskode", catalogue.replacingSection(
                "Tema 2", body: catalogue.sections[2].body.replacingOccurrences(
                    of: "| BØR                 |  50,0% | 0,30 |", with: "| BUU                 |  50,0% | 0,30 | ⟵"))),
            .passes("Kun kendte afdelingskoder", catalogue),
        ]
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let spec = context.profile.catalogue, !spec.departments.isEmpty else { return [] }
        let known = Set(spec.departments.map { $0.lowercased() })
        var found: [Diagnostic] = []
        for table in context.document.tables {
            let first = table.header.label.lowercased()
            guard first.hasPrefix("afdeling") || first.hasPrefix("magistratsafdeling") else { continue }
            for row in table.rows where row.role == .body {
                guard let cell = row.cells.first, !cell.text.isEmpty, !known.contains(cell.text.lowercased()) else { continue }
                found.append(diagnostic(
                    "»\(cell.text)« er ikke en afdelingskode i profilen \(context.profile.id) (brug \(spec.departments.joined(separator: ", ")))",
                    "\"\(cell.text)\" is not a department code of the profile \(context.profile.id) (use \(spec.departments.joined(separator: ", ")))",
                    line: cell.line, column: cell.column))
            }
        }
        return found
    }
}
