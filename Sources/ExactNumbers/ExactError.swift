/// An arithmetic operation that has no exact answer.
public enum ExactError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A division (or reciprocal) by zero. It is caught before GMP, which would stop the process.
    case divisionByZero

    public var description: String {
        switch self {
        case .divisionByZero: return "division by zero"
        }
    }
}
