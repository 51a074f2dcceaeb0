/// Reading Unicode scalars straight from valid UTF-8 bytes, for the passes that run over
/// every word of every document (the readability tokenizer, the spelling word splitter):
/// walking `unicodeScalars` by `String.Index` costs several times more.
package enum UTF8Scalars {
    /// The scalar starting at `offset` and its length in bytes (`bytes` is valid UTF-8).
    @inlinable @inline(__always) package static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[offset])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 {
            return (Unicode.Scalar((b0 & 0x1F) << 6 | UInt32(bytes[offset + 1]) & 0x3F)!, 2)
        }
        if b0 < 0xF0 {
            return (Unicode.Scalar((b0 & 0x0F) << 12 | (UInt32(bytes[offset + 1]) & 0x3F) << 6
                                   | UInt32(bytes[offset + 2]) & 0x3F)!, 3)
        }
        return (Unicode.Scalar((b0 & 0x07) << 18 | (UInt32(bytes[offset + 1]) & 0x3F) << 12
                               | (UInt32(bytes[offset + 2]) & 0x3F) << 6 | UInt32(bytes[offset + 3]) & 0x3F)!, 4)
    }
}
