import TenderModel

/// Why a lot failed (废标), as a code.
public enum FailureReason: String, Code {
    /// Fewer valid bids (one brand counted once) than the method requires (GPL Art 36; Order 87 Art 65), after
    /// a sealed evaluation, an auction, or stage 1 of a framework agreement.
    case tooFewValidBids = "too-few-valid-bids"
    /// Every valid offer of a framework agreement was eliminated at stage 1.
    case emptyShortlist = "empty-shortlist"
    /// No order of a framework agreement could be placed.
    case noOrderPlaced = "no-order-placed"
    /// Every candidate would exceed its capacity with the lots already awarded (Order 87 Art 63(3)).
    case noCapacityLeft = "no-capacity-left"

    public var label: Label {
        switch self {
        case .tooFewValidBids: return Label("有效投标不足", "too few valid bids")
        case .emptyShortlist: return Label("无入围供应商", "no supplier shortlisted")
        case .noOrderPlaced: return Label("未能下单", "no order placed")
        case .noCapacityLeft: return Label("候选人供货能力不足", "no candidate with capacity left")
        }
    }
}

/// A failed lot: the reason as a code, and the facts in words (`2 valid bids after review, 3 required (GPL
/// Art 36; Order 87 Art 65)`).
public struct LotFailure: Sendable, Equatable, CustomStringConvertible {
    public var reason: FailureReason
    public var detail: String

    public init(_ reason: FailureReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }

    public var description: String { detail }
}
