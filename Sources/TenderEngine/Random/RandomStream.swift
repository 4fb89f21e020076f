/// A seedable random stream (xoshiro256**, seeded through SplitMix64).
///
/// Streams are derived, not shared: `RandomStream(seed:replication:label:)` gives replication k of a
/// scenario the same numbers for the same purpose (`"bids/concrete"`, `"drawing/concrete"`) whatever ran
/// before it and on whatever thread, which makes runs byte-identical for any number of jobs.
public struct RandomStream: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A stream from a single 64-bit seed.
    public init(seed: UInt64) {
        var mixer = seed
        state = (Self.splitMix(&mixer), Self.splitMix(&mixer), Self.splitMix(&mixer), Self.splitMix(&mixer))
    }

    /// The stream for one purpose (`label`) in one replication of a scenario seeded with `seed`.
    public init(seed: UInt64, replication: Int, label: String) {
        self.init(seed: seed, replication: replication, labelHash: Self.fnv1a(label))
    }

    /// The stream of ``init(seed:replication:label:)`` with the label already hashed (`fnv1a(label)`): a label
    /// that does not depend on the replication is hashed once, not once per replication.
    init(seed: UInt64, replication: Int, labelHash: UInt64) {
        var mixer = seed ^ 0x9E37_79B9_7F4A_7C15
        _ = Self.splitMix(&mixer)
        mixer ^= UInt64(truncatingIfNeeded: replication) &* 0xBF58_476D_1CE4_E5B9
        _ = Self.splitMix(&mixer)
        mixer ^= labelHash
        self.init(seed: Self.splitMix(&mixer))
    }

    public mutating func next() -> UInt64 {
        let result = (state.1 &* 5).rotatedLeft(7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = state.3.rotatedLeft(45)
        return result
    }

    /// A uniform double in the open interval (0, 1).
    public mutating func unit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// FNV-1a over UTF-8: stable across runs and platforms (unlike `Hasher`).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}

extension UInt64 {
    @inline(__always)
    func rotatedLeft(_ k: UInt64) -> UInt64 { (self << k) | (self >> (64 - k)) }
}
