/// A tiny seeded generator (Steele, Lea and Flood's SplitMix64), so every property test draws the same cases
/// on every machine and every Swift version.
///
/// It deliberately does not conform to `RandomNumberGenerator`: the standard library's `random(in:using:)`
/// algorithms are not promised to stay the same, and a failing seed must reproduce forever.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0), by the high half of a full-width product.
    mutating func below(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "empty range")
        return next().multipliedFullWidth(by: bound).high
    }

    /// A number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(below(width))
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool {
        below(100) < UInt64(percent)
    }

    /// One of `choices`.
    mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int(below(UInt64(choices.count)))]
    }

    /// `count` decimal digits; the first is non-zero when `leadingNonZero`.
    mutating func digits(_ count: Int, leadingNonZero: Bool = true) -> String {
        var text = ""
        text.reserveCapacity(count)
        for index in 0..<count {
            let low = index == 0 && leadingNonZero ? 1 : 0
            text.append(Character(String(int(low...9))))
        }
        return text
    }
}
