/// Why a bid is invalid, with its legal ground.
public struct Rejection: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Sendable, CaseIterable {
        case noBond = "no-bond"
        case notSigned = "not-signed"
        case notLicensed = "not-licensed"
        case debarred
        case negativeList = "negative-list"
        case overCapacity = "over-capacity"
        case notSME = "not-sme"
        case noProduct = "no-product"
        case greenClause = "green-clause"
        case aboveCeiling = "above-ceiling"
        case sameBrand = "same-brand"
        case abnormallyLow = "abnormally-low"
        case collusion
    }

    public var reason: Reason
    /// The legal ground, e.g. `Order 87 Art 63(1)`.
    public var ground: String
    /// The clause or rule and the facts, e.g. `C-1: certificate of 1 star, at least 2 required`.
    public var detail: String

    public init(_ reason: Reason, ground: String, detail: String) {
        self.reason = reason
        self.ground = ground
        self.detail = detail
    }

    public var description: String { "\(reason.rawValue) [\(ground)]: \(detail)" }
}
