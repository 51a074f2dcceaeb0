/// A set of 64-bit hashes (`DanishBytes.fnv`), with open addressing and linear probing:
/// the keys are hashes already, so unlike `Set<UInt64>` it does not hash them again with
/// SipHash. The suggester looks several thousand candidates up for a word, and the
/// dictionary's 158.000 words are put in it when it is read.
struct HashSet64: Sendable {
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// 0 marks an empty slot, so the key 0 is stored as 1 (a hash is 0 once in 2⁶⁴).
    @inline(__always) private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    func contains(_ key: UInt64) -> Bool {
        let key = Self.stored(key)
        var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let slot = slots[index]
            if slot == key { return true }
            if slot == 0 { return false }
            index = (index + 1) & mask
        }
    }

    mutating func insert(_ key: UInt64) {
        if (count + 1) * 2 > slots.count { grow() }
        let key = Self.stored(key)
        var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while true {
            let slot = slots[index]
            if slot == key { return }
            if slot == 0 {
                slots[index] = key
                count += 1
                return
            }
            index = (index + 1) & mask
        }
    }

    /// The keys, in no particular order (the key 0 reads back as 1).
    var keys: [UInt64] { slots.filter { $0 != 0 } }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for key in old where key != 0 { insert(key) }
    }
}
