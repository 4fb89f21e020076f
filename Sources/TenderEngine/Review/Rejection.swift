import ExactNumbers
import TenderModel

/// Why a bid is invalid, with its legal ground.
public struct Rejection: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: String, Code {
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
        /// Conditions attached to the bid that the purchaser does not accept (附加条件, Order 87 Art 63(5)).
        case conditions
    }

    public var reason: Reason
    /// The legal ground, e.g. `Order 87 Art 63(1)`.
    public var ground: String
    /// The clause or rule and the facts, e.g. `C-1: certificate of 1 star, at least 2 required`: written when
    /// read, from the facts the review recorded (a simulation that keeps only metrics never formats them).
    public var detail: String {
        get { facts.text }
        set { facts = .text(newValue) }
    }
    private var facts: Facts

    public init(_ reason: Reason, ground: String, detail: String) {
        self.init(reason, ground: ground, facts: .text(detail))
    }

    init(_ reason: Reason, ground: String, facts: Facts) {
        self.reason = reason
        self.ground = ground
        self.facts = facts
    }

    /// Two rejections are equal when they read the same: reason, ground and detail.
    public static func == (a: Rejection, b: Rejection) -> Bool {
        a.reason == b.reason && a.ground == b.ground && a.detail == b.detail
    }

    /// The facts behind a detail, kept as values where formatting them would cost a text per rejected bid.
    enum Facts: Sendable {
        case text(String)
        /// The bid's price above the lot's ceiling.
        case aboveCeiling(price: Exact, ceiling: Exact)
        /// The supplier's registered capacity for a category below the lot's quantity of it.
        case overCapacity(capacity: Exact, category: String, quantity: Exact)
        /// The bidder is not a registered supplier.
        case unregistered(bidder: String)
        /// No product offered (nor registered) for a category.
        case noProduct(category: String)

        var text: String {
            switch self {
            case .text(let text): return text
            case .aboveCeiling(let price, let ceiling):
                return "price \(price.formatted(places: 2)) above the ceiling \(ceiling.formatted(places: 2))"
            case .overCapacity(let capacity, let category, let quantity):
                return "capacity \(capacity) for \(category) below the lot's \(quantity)"
            case .unregistered(let bidder): return "bidder '\(bidder)' is not a registered supplier"
            case .noProduct(let category): return "no product offered for \(category)"
            }
        }
    }

    public var description: String { "\(reason.rawValue) [\(ground)]: \(detail)" }
}

extension Rejection.Reason {
    public var label: Label {
        switch self {
        case .noBond: return Label("未交投标保证金", "no bid bond")
        case .notSigned: return Label("未签署盖章", "not signed")
        case .notLicensed: return Label("资格不符", "not licensed")
        case .debarred: return Label("禁止参加采购", "debarred")
        case .negativeList: return Label("列入负面清单", "negative list")
        case .overCapacity: return Label("供货能力不足", "over capacity")
        case .notSME: return Label("非中小企业（预留包）", "not an SME (reserved lot)")
        case .noProduct: return Label("未提供产品", "no product")
        case .greenClause: return Label("不满足绿色建材要求", "green clause")
        case .aboveCeiling: return Label("超过最高限价", "above ceiling")
        case .sameBrand: return Label("同品牌", "same brand")
        case .abnormallyLow: return Label("报价明显低于其他报价", "abnormally low")
        case .collusion: return Label("串通投标", "collusion")
        case .conditions: return Label("附加采购人不能接受的条件", "unacceptable conditions")
        }
    }
}
