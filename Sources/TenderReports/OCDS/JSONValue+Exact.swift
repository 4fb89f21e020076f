import ExactNumbers
import JSONOutput

extension JSONValue {
    /// The exact decimal of `value`, digit for digit; a value whose decimal expansion does not terminate is
    /// rounded half-up to `places` decimals (amounts are whole cents in practice, so this is a safeguard).
    package static func number(_ value: Exact, places: Int = 2) -> JSONValue {
        if let needed = value.terminatingPlaces { return .number(value.formatted(places: needed)) }
        return .number(value.formatted(places: places))
    }
}
