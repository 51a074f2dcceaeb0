import IndstilSupport
import IndstilDocument

/// What a plugin may be called, and how a finding is told to be a plugin's.
///
/// A plugin's check ids start with its name and a dot (`PluginRunner.parse`), so a
/// plugin named after one of indstil's own areas could report `length.total` exactly as
/// the built-in check does. The names of the built-in areas — the part before the first
/// dot of every id in `CheckRegistry.rules` (length, skeleton, metadata, plugin …) — are
/// therefore not plugin names, and with that rule a check id whose area is not built in
/// is always a plugin's: `Diagnostic.pluginName`, which the reporters mark.
public enum PluginNames {
    /// The areas of indstil's own checks, from the registry.
    public static let builtInAreas: Set<String> = Set(CheckRegistry.rules.map { area(of: $0.id) })

    /// "length" for "length.total".
    static func area(of id: String) -> String {
        String(id.prefix { $0 != "." })
    }

    /// Why `name` cannot be a plugin's name, nil when it can.
    package static func problem(with name: String) -> Message? {
        if builtInAreas.contains(name.lowercased()) {
            let areas = builtInAreas.sorted().joined(separator: ", ")
            return Message(
                da: "Et plugin kan ikke hedde »\(name)«: det er navnet på et af indstils egne kontrolområder, og pluginets fund kunne ikke skelnes fra indstils egne (optagne navne: \(areas))",
                en: "A plugin cannot be named \"\(name)\": it is the name of one of indstil's own check areas, and its findings could not be told from indstil's own (taken names: \(areas))")
        }
        if name.contains(".") || name.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.isControlCharacter }) {
            return Message(da: "Et plugins navn (»\(name)«) må ikke indeholde punktum, mellemrum eller kontroltegn: dets kontroller hedder »navn.kontrol«",
                           en: "A plugin's name (\"\(name)\") may not contain a dot, spaces or control characters: its checks are named \"name.check\"")
        }
        return nil
    }
}

extension PluginNames {
    /// The plugin a check id belongs to (its area when that is not one of indstil's own),
    /// nil for a built-in check.
    public static func plugin(ofCheck id: String) -> String? {
        let area = area(of: id)
        return area.isEmpty || area == id || builtInAreas.contains(area) ? nil : area
    }
}

extension Diagnostic {
    /// The plugin that reported this finding, nil for a built-in check.
    public var pluginName: String? { PluginNames.plugin(ofCheck: check) }
}
