import IndstilSupport

/// Tables as JSON: a summary for `indstil stats --format json`, and every row with its
/// cells as text and as parsed numbers for the plugin request.
extension Table {
    /// `{"line", "id", "caption", "unit", "columns", "rows", "totals"}`: rows below the header.
    public var statisticsJSON: JSONValue {
        .object([
            ("line", .int(line)),
            ("id", id.map(JSONValue.string) ?? .null),
            ("caption", caption.map(JSONValue.string) ?? .null),
            ("unit", unitJSON),
            ("columns", .int(columnCount)),
            ("rows", .int(rows.count)),
            ("totals", .int(rows.filter { $0.role == .total }.count)),
        ])
    }

    /// `{"line", "id", "caption", "unit", "header": [text], "rows": [{"line", "total",
    /// "reference", "cells": [text], "numbers": [number | null]}]}`: a cell's number is
    /// null when it holds text, nothing or an ambiguous figure; "-" is 0.
    public var pluginJSON: JSONValue {
        .object([
            ("line", .int(line)),
            ("id", id.map(JSONValue.string) ?? .null),
            ("caption", caption.map(JSONValue.string) ?? .null),
            ("unit", unitJSON),
            ("header", .array(header.cells.map { .string($0.text) })),
            ("rows", .array(rows.map { row in
                .object([
                    ("line", .int(row.line)),
                    ("total", .bool(row.role == .total)),
                    ("reference", row.reference.map { .string($0.id) } ?? .null),
                    ("cells", .array(row.cells.map { .string($0.text) })),
                    ("numbers", .array(row.cells.map { $0.reading.number.map { JSONValue.decimal($0.value) } ?? .null })),
                ])
            })),
        ])
    }

    private var unitJSON: JSONValue {
        if let unitName { return .string(unitName) }
        return unit.map { .string($0.danishName) } ?? .null
    }
}
