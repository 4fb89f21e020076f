/// The registered suppliers' facts by id, for the one lookup every bid's review makes.
///
/// `Dictionary` hashes a `String` with SipHash-1-3 under a per-process random seed, which resists inputs built
/// to collide but cost about a tenth of a lot's evaluation here. The ids come from the scenario itself, so
/// this table hashes an ASCII id's bytes with FNV-1a and probes linearly (at most half full), then compares
/// the id found with the one sought. Built once per scenario (``EvaluationContext``); never changed.
///
/// Swift compares strings by canonical equivalence: `Café` spelled with `é` equals `Cafe` + U+0301, and the
/// Kelvin sign `K` (U+212A) equals `K`. Two ASCII strings are equal exactly when their bytes are, so the table
/// holds the ASCII ids; an id with any other character, or an ASCII id the table lacks while some registered id
/// is not ASCII, is looked up in the dictionary, which hashes the equivalence class.
struct SupplierIndex: Sendable {
    private let byID: [String: SupplierFacts]
    /// Whether some registered id is not ASCII (then a miss in the table is checked in `byID`).
    private let hasOtherIDs: Bool
    private let ids: [String]
    private let facts: [SupplierFacts]
    /// Open addressing: per slot, the position in `ids` plus one, 0 for an empty slot. A power of two long.
    private let slots: [Int32]

    init(_ factsByID: [String: SupplierFacts]) {
        byID = factsByID
        // In id order, so that the table is the same whatever the dictionary's order.
        let all = factsByID.keys.sorted()
        let ids = all.filter { Self.asciiHash($0) != nil }
        hasOtherIDs = ids.count < all.count
        var capacity = 8
        while capacity < ids.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        for (position, id) in ids.enumerated() {
            var slot = Self.asciiHash(id)! & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(position + 1)
        }
        self.ids = ids
        facts = ids.map { factsByID[$0]! }
        self.slots = slots
    }

    /// The facts of the supplier registered as `id`, nil when there is none.
    subscript(id: String) -> SupplierFacts? {
        guard let hash = Self.asciiHash(id) else { return byID[id] }
        let mask = slots.count - 1
        var slot = hash & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return hasOtherIDs ? byID[id] : nil }
            if ids[entry - 1] == id { return facts[entry - 1] }
            slot = (slot + 1) & mask
        }
    }

    /// FNV-1a (64-bit) of the bytes of `id`, nil when `id` is not all ASCII.
    private static func asciiHash(_ id: String) -> Int? {
        // Over the bytes in place (a short id is held inline and read from a copy on the stack): stepping
        // through the UTF-8 view checks the string's representation at every byte.
        if let hash = id.utf8.withContiguousStorageIfAvailable({ asciiHash(bytes: $0) }) { return hash }
        return asciiHash(bytes: Array(id.utf8))
    }

    private static func asciiHash(bytes: some Collection<UInt8>) -> Int? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            if byte >= 0x80 { return nil }
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
