/// How ``Exact/rounded(places:mode:)`` resolves digits beyond the last kept place.
///
/// The raw values are the spellings a scenario file uses.
public enum RoundingMode: String, Sendable, CaseIterable, Codable {
    /// 四舍五入: to nearest, ties away from zero (`2.675 → 2.68`, `-0.005 → -0.01`). The default.
    case halfUp = "half-up"
    /// Banker's rounding: to nearest, ties to the even digit (`0.125 → 0.12`, `0.135 → 0.14`).
    case halfEven = "half-even"
    /// Truncation (去尾): drop the extra digits (`2.679 → 2.67`, `-2.679 → -2.67`).
    case towardZero = "toward-zero"
    /// 进一: any remainder moves away from zero (`2.671 → 2.68`, `-2.671 → -2.68`).
    case awayFromZero = "away-from-zero"
    /// Toward negative infinity (`-2.671 → -2.68`).
    case floor
    /// Toward positive infinity (`2.671 → 2.68`).
    case ceiling

    /// Whether a value whose truncated magnitude is `kept`, with a non-zero remainder `remainder / divisor`
    /// (0 < remainder < divisor) of the next unit, moves one unit away from zero.
    @inlinable
    func movesAway(negative: Bool, remainder: UInt64, divisor: UInt64, keptIsOdd: Bool) -> Bool {
        let other = divisor - remainder
        switch self {
        case .halfUp: return remainder >= other
        case .halfEven: return remainder > other || (remainder == other && keptIsOdd)
        case .towardZero: return false
        case .awayFromZero: return true
        case .floor: return negative
        case .ceiling: return !negative
        }
    }

    /// The same decision given the comparison of twice the remainder with the divisor (`-1`, `0`, `1`).
    func movesAway(negative: Bool, twiceRemainderVersusDivisor cmp: Int, keptIsOdd: Bool) -> Bool {
        switch self {
        case .halfUp: return cmp >= 0
        case .halfEven: return cmp > 0 || (cmp == 0 && keptIsOdd)
        case .towardZero: return false
        case .awayFromZero: return true
        case .floor: return negative
        case .ceiling: return !negative
        }
    }
}
