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
///
/// The facts are kept as values and written when read: a simulation, which reads only the reason, formats none.
public struct LotFailure: Sendable, Equatable, CustomStringConvertible {
    public var reason: FailureReason
    public var detail: String {
        get { facts.text }
        set { facts = .text(newValue) }
    }
    private var facts: Facts

    public init(_ reason: FailureReason, _ detail: String) {
        self.init(reason, facts: .text(detail))
    }

    init(_ reason: FailureReason, facts: Facts) {
        self.reason = reason
        self.facts = facts
    }

    public var description: String { detail }

    /// Two failures are equal when they read the same.
    public static func == (a: LotFailure, b: LotFailure) -> Bool { a.reason == b.reason && a.detail == b.detail }

    /// The facts behind a detail.
    enum Facts: Sendable {
        case text(String)
        /// `count` valid bids (or offers: `noun`) `when`, `minimum` required, on `ground`.
        case tooFew(count: Int, minimum: Int, noun: String, when: String, ground: String)

        var text: String {
            switch self {
            case .text(let text): return text
            case .tooFew(let count, let minimum, let noun, let when, let ground):
                return "\(count) \(noun)\(count == 1 ? "" : "s") \(when), \(minimum) required (\(ground))"
            }
        }
    }
}
