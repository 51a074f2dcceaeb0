/// Why `YAMLValueDecoder` could not decode a value: what is wrong, in Danish and English,
/// and the line of the YAML value at fault. Carried as the `underlyingError` of the
/// `DecodingError` the decoder throws (`YAMLValueDecoder.failure(in:)` finds it again).
public struct YAMLDecodingFailure: Error, Sendable, CustomStringConvertible {
    public let message: Message
    public let line: Int
    /// What a decoded type's own initialiser threw (its validation), nil when the decoder
    /// itself found the fault (a missing key, a value of the wrong kind).
    public let underlying: (any Error)?

    public init(message: Message, line: Int, underlying: (any Error)? = nil) {
        self.message = message
        self.line = line
        self.underlying = underlying
    }

    public var description: String { "linje \(line): \(message.da)" }
}
