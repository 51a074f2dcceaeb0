import Foundation

/// Decodes `Decodable` types from a `YAMLValue`, so YAML read by `YAMLReader` (aliases
/// refused, nodes and depth limited, a line for every value) needs no second parser.
///
/// Scalars are read as `YAMLScalar` says (YAML 1.1, as Yams' `YAMLDecoder` read them):
/// `String` takes any scalar's text; `Bool`, the integer types, `Double` and `Float` only a
/// plain scalar of their form. A null (`~`, `null` or nothing) is `nil` for an optional and
/// an error for anything else. Every error is a `DecodingError` whose `underlyingError` is a
/// `YAMLDecodingFailure` with the line of the value at fault, also for what a type's own
/// initialiser throws (its validation): `failure(in:)` returns it.
public struct YAMLValueDecoder: Sendable {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from value: YAMLValue) throws(DecodingError) -> T {
        do {
            return try YAMLValueNodeDecoder(value: value, keyLine: nil, codingPath: []).decodeValue(type)
        } catch let error as DecodingError {
            throw error
        } catch {
            // decodeValue wraps every other error; kept for the type checker.
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(error)", underlyingError: error))
        }
    }

    /// The message and line behind an error `decode` threw.
    public static func failure(in error: DecodingError) -> YAMLDecodingFailure? {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            return context.underlyingError as? YAMLDecodingFailure
        @unknown default:
            return nil
        }
    }
}

extension Decoder {
    /// The line of the value being decoded when `YAMLValueDecoder` decodes it, nil otherwise.
    public var yamlLine: Int? {
        (self as? YAMLValueNodeDecoder)?.value.line
    }
}

extension KeyedDecodingContainer {
    /// The line of `key`'s value when `YAMLValueDecoder` decodes it; nil when the key is
    /// absent or another decoder decodes.
    public func yamlLine(forKey key: Key) -> Int? {
        (try? superDecoder(forKey: key))?.yamlLine
    }
}

/// One value of the tree being decoded, at `codingPath`.
struct YAMLValueNodeDecoder: Decoder {
    let value: YAMLValue
    /// The line of the key this value belongs to, nil for the root and list items.
    let keyLine: Int?
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func child(_ value: YAMLValue, key: any CodingKey, keyLine: Int?) -> YAMLValueNodeDecoder {
        YAMLValueNodeDecoder(value: value, keyLine: keyLine, codingPath: codingPath + [key])
    }

    /// Where a fault in this value is reported: an empty value on its key's line.
    var line: Int {
        value.content == .null ? (keyLine ?? value.line) : value.line
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let entries) = value.content else { throw mismatch(Any.self, expected: .mapping) }
        return KeyedDecodingContainer(YAMLValueKeyedContainer<Key>(decoder: self, entries: entries))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let items) = value.content else { throw mismatch(Any.self, expected: .sequence) }
        return YAMLValueUnkeyedContainer(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        YAMLValueSingleValueContainer(decoder: self)
    }

    // MARK: - Values

    /// `type` from this value: scalars by `YAMLScalar`, anything else by its initialiser,
    /// whose errors are given this value's line unless they have one from deeper down.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if let scalar = try decodeScalar(type) { return scalar }
        do {
            return try T(from: self)
        } catch let error as DecodingError {
            if YAMLValueDecoder.failure(in: error) != nil { throw error }
            throw located(error, as: type)
        } catch {
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath, debugDescription: "\(error)",
                underlyingError: YAMLDecodingFailure(message: Message(da: "\(error)", en: "\(error)"), line: line, underlying: error)))
        }
    }

    /// nil when `type` is not one of the scalar types.
    private func decodeScalar<T>(_ type: T.Type) throws -> T? {
        switch type {
        case is String.Type: return try text(.text) as? T
        case is Bool.Type: return try read(.boolean, YAMLScalar.bool) as? T
        case is Int.Type: return try read(.integer) { YAMLScalar.integer($0, as: Int.self) } as? T
        case is Int8.Type: return try read(.integer) { YAMLScalar.integer($0, as: Int8.self) } as? T
        case is Int16.Type: return try read(.integer) { YAMLScalar.integer($0, as: Int16.self) } as? T
        case is Int32.Type: return try read(.integer) { YAMLScalar.integer($0, as: Int32.self) } as? T
        case is Int64.Type: return try read(.integer) { YAMLScalar.integer($0, as: Int64.self) } as? T
        case is UInt.Type: return try read(.integer) { YAMLScalar.integer($0, as: UInt.self) } as? T
        case is UInt8.Type: return try read(.integer) { YAMLScalar.integer($0, as: UInt8.self) } as? T
        case is UInt16.Type: return try read(.integer) { YAMLScalar.integer($0, as: UInt16.self) } as? T
        case is UInt32.Type: return try read(.integer) { YAMLScalar.integer($0, as: UInt32.self) } as? T
        case is UInt64.Type: return try read(.integer) { YAMLScalar.integer($0, as: UInt64.self) } as? T
        case is Double.Type: return try read(.number, YAMLScalar.double) as? T
        case is Float.Type: return try read(.number, YAMLScalar.float) as? T
        default: return nil
        }
    }

    /// Any scalar's text.
    private func text(_ kind: Kind) throws -> String {
        guard case .scalar(let text) = value.content else { throw mismatch(String.self, expected: kind) }
        return text
    }

    /// A plain scalar read by `parse`.
    private func read<T>(_ kind: Kind, _ parse: (String) -> T?) throws -> T {
        let text = try text(kind)
        guard value.isPlain, let parsed = parse(text) else { throw mismatch(T.self, expected: kind) }
        return parsed
    }

    // MARK: - Errors

    /// What a value was expected to be, for messages.
    enum Kind {
        case text, boolean, integer, number, sequence, mapping

        var message: Message {
            switch self {
            case .text: return Message(da: "en tekst", en: "a text")
            case .boolean: return Message(da: "true eller false", en: "true or false")
            case .integer: return Message(da: "et helt tal", en: "a whole number")
            case .number: return Message(da: "et tal", en: "a number")
            case .sequence: return Message(da: "en liste", en: "a list")
            case .mapping: return Message(da: "nøgler med værdier (»nøgle: værdi«)", en: "keys with values (\"key: value\")")
            }
        }
    }

    /// The value as a message shows it: a short scalar quoted, or what kind of thing it is.
    private var found: Message {
        switch value.content {
        case .null: return Message(da: "ingen værdi", en: "no value")
        case .scalar(let text):
            let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
            let escaped = shown.escapingControlCharacters
            return Message(da: "»\(escaped)«", en: "\"\(escaped)\"")
        case .sequence: return Message(da: "en liste", en: "a list")
        case .mapping: return Message(da: "nøgler med værdier", en: "keys with values")
        }
    }

    /// The error for a value of the wrong kind: `valueNotFound` for an empty one.
    func mismatch(_ type: Any.Type, expected kind: Kind) -> DecodingError {
        let expected = kind.message
        if value.content == .null {
            let failure = YAMLDecodingFailure(
                message: Message(da: "værdien mangler; skriv \(expected.da)", en: "the value is missing; write \(expected.en)"),
                line: line)
            return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: failure.message.en, underlyingError: failure))
        }
        let failure = YAMLDecodingFailure(
            message: Message(da: "skal være \(expected.da), ikke \(found.da)", en: "must be \(expected.en), not \(found.en)"),
            line: line)
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: failure.message.en, underlyingError: failure))
    }

    /// A `DecodingError` a type's initialiser threw (a raw value that is not one of an
    /// enumeration's), with this value's line and, for an enumeration, its values.
    private func located<T>(_ error: DecodingError, as type: T.Type) -> DecodingError {
        if case .dataCorrupted(let context) = error, context.codingPath.count == codingPath.count,
           case .scalar = value.content, let allowed = Self.rawValues(of: type) {
            let failure = YAMLDecodingFailure(
                message: Message(da: "\(found.da) kan ikke bruges; mulige værdier: \(allowed.joined(separator: ", "))",
                                 en: "\(found.en) cannot be used; possible values: \(allowed.joined(separator: ", "))"),
                line: line, underlying: error)
            return .dataCorrupted(.init(codingPath: context.codingPath, debugDescription: failure.message.en, underlyingError: failure))
        }
        func relocated(_ context: DecodingError.Context) -> DecodingError.Context {
            .init(codingPath: context.codingPath, debugDescription: context.debugDescription,
                  underlyingError: YAMLDecodingFailure(message: Message(da: context.debugDescription, en: context.debugDescription),
                                                       line: line, underlying: error))
        }
        switch error {
        case .typeMismatch(let type, let context): return .typeMismatch(type, relocated(context))
        case .valueNotFound(let type, let context): return .valueNotFound(type, relocated(context))
        case .keyNotFound(let key, let context): return .keyNotFound(key, relocated(context))
        case .dataCorrupted(let context): return .dataCorrupted(relocated(context))
        @unknown default: return error
        }
    }

    /// The raw values of a `CaseIterable` enumeration with `String` raw values.
    private static func rawValues<T>(of type: T.Type) -> [String]? {
        guard let cases = type as? any CaseIterable.Type else { return nil }
        func values<C: CaseIterable>(_ type: C.Type) -> [String] {
            C.allCases.compactMap { ($0 as? any RawRepresentable)?.rawValue as? String }
        }
        let all = values(cases)
        return all.isEmpty ? nil : all
    }
}

/// The key of a list item in a coding path: its index.
struct YAMLIndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }

    init(index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { return nil }
}

struct YAMLValueKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: YAMLValueNodeDecoder
    let entries: [YAMLValue.Entry]

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { entries.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool {
        entries.contains { $0.key == key.stringValue }
    }

    private func child(_ key: any CodingKey) throws -> YAMLValueNodeDecoder {
        guard let entry = entries.first(where: { $0.key == key.stringValue }) else {
            let failure = YAMLDecodingFailure(
                message: Message(da: "nøglen »\(key.stringValue)« mangler", en: "the key \"\(key.stringValue)\" is missing"),
                line: decoder.keyLine ?? decoder.value.line)
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: failure.message.en, underlyingError: failure))
        }
        return decoder.child(entry.value, key: key, keyLine: entry.keyLine)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        try child(key).value.content == .null
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try child(key).decodeValue(type)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).decodeValue(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).decodeValue(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).decodeValue(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).decodeValue(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).decodeValue(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).decodeValue(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).decodeValue(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).decodeValue(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).decodeValue(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).decodeValue(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).decodeValue(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).decodeValue(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).decodeValue(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).decodeValue(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        try child(YAMLSuperKey())
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        try child(key)
    }
}

/// The key `superDecoder()` reads, as Swift's own decoders name it.
private struct YAMLSuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { return nil }
}

struct YAMLValueUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: YAMLValueNodeDecoder
    let items: [YAMLValue]
    private(set) var currentIndex = 0

    init(decoder: YAMLValueNodeDecoder, items: [YAMLValue]) {
        self.decoder = decoder
        self.items = items
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    /// The current item's decoder; the index moves on only when `body` succeeds.
    private mutating func next<T>(_ type: T.Type, _ body: (YAMLValueNodeDecoder) throws -> T) throws -> T {
        guard !isAtEnd else {
            let failure = YAMLDecodingFailure(
                message: Message(da: "listen har ikke flere elementer", en: "the list has no more items"), line: decoder.line)
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [YAMLIndexKey(index: currentIndex)],
                                                          debugDescription: "Unkeyed container is at end.", underlyingError: failure))
        }
        let result = try body(decoder.child(items[currentIndex], key: YAMLIndexKey(index: currentIndex), keyLine: nil))
        currentIndex += 1
        return result
    }

    mutating func decodeNil() throws -> Bool {
        let isNull = try next(Bool.self) { $0.value.content == .null }
        if !isNull { currentIndex -= 1 }
        return isNull
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) { try $0.decodeValue(type) } }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(type) { try $0.decodeValue(type) } }
    mutating func decode(_ type: String.Type) throws -> String { try next(type) { try $0.decodeValue(type) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(type) { try $0.decodeValue(type) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(type) { try $0.decodeValue(type) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(type) { try $0.decodeValue(type) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(type) { try $0.decodeValue(type) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(type) { try $0.decodeValue(type) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(type) { try $0.decodeValue(type) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(type) { try $0.decodeValue(type) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(type) { try $0.decodeValue(type) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(type) { try $0.decodeValue(type) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(type) { try $0.decodeValue(type) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(type) { try $0.decodeValue(type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(type) { try $0.decodeValue(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next(KeyedDecodingContainer<NestedKey>.self) { try $0.container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next((any UnkeyedDecodingContainer).self) { try $0.unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        try next((any Decoder).self) { $0 }
    }
}

struct YAMLValueSingleValueContainer: SingleValueDecodingContainer {
    let decoder: YAMLValueNodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.value.content == .null }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.decodeValue(type) }
    func decode(_ type: String.Type) throws -> String { try decoder.decodeValue(type) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.decodeValue(type) }
    func decode(_ type: Float.Type) throws -> Float { try decoder.decodeValue(type) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.decodeValue(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.decodeValue(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.decodeValue(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.decodeValue(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.decodeValue(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.decodeValue(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.decodeValue(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.decodeValue(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.decodeValue(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.decodeValue(type) }
}
