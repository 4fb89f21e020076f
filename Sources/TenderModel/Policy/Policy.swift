import ExactNumbers

/// Every rule parameter of the rule book, with its default (Docs/rules.md). A scenario may change any of them.
public struct Policy: Sendable, Equatable {
    public var thresholds = Thresholds()
    /// Method for lots below the open-tender threshold.
    public var methodBelowThreshold: ProcurementMethod = .competitiveConsultation
    public var lotting = Lotting()
    public var sme = SMEPolicy()
    public var evaluation = Evaluation()
    public var greenRule: GreenRule = .rule2025
    /// 2025 rule: optional categories must cover at least this share of the kinds of material.
    public var optionalCoverage: Exact = .percent(40)
    /// 2025 rule: how a project meets the optional share, unless the project says otherwise.
    public var optionalKinds: OptionalKinds = .cheapest
    public var onFailure: FailurePolicy = .retender
    /// Reverse-auction lots: format, minimal step, rounds, bidder strategy (Docs/auctions.md).
    public var auction = AuctionPolicy()
    /// What the winner of a sealed evaluation is paid.
    public var pricing: PricingRule = .firstPrice
    /// Framework-agreement lots (财政部令第110号).
    public var framework = FrameworkPolicy()
    /// The administrative cost of one procurement held (a lot tendered, a re-tender, a project's own
    /// purchase), in yuan: what pooling saves in work (Docs/planning.md).
    public var procurementCost: Exact = .zero
    /// Final quotes (最后报价) of competitive negotiation and consultation lots (Docs/rules.md, "Procedures").
    public var finalQuote = FinalQuotePolicy()
    /// Single-source lots (单一来源, 财政部令第74号 chapter 4): the supplier per category, the negotiation.
    public var singleSource = SingleSourcePolicy()
    /// How equilibrium bidders bid: the symmetric formula or the solved equilibrium (Docs/behaviour.md).
    public var equilibrium = EquilibriumPolicy()

    public init() {}
}

/// Decentralised purchasing limits and open-tender thresholds (公开招标数额标准), in yuan.
public struct Thresholds: Sendable, Equatable {
    public var decentralisedGoods: Exact = 1_000_000
    public var decentralisedWorks: Exact = 1_200_000
    /// Local default 4,000,000 (central: 2,000,000).
    public var openTenderGoods: Exact = 4_000_000
    /// Tendering Law, important materials for works: 2,000,000.
    public var openTenderWorks: Exact = 2_000_000

    public init() {}
}

/// The procurement methods of the law.
public enum ProcurementMethod: String, Sendable, CaseIterable {
    case openTender = "open-tender"
    case competitiveConsultation = "competitive-consultation"
    case competitiveNegotiation = "competitive-negotiation"
    case inquiry
    case singleSource = "single-source"
    case reverseAuction = "reverse-auction"
    case frameworkAgreement = "framework-agreement"
}

/// How the pooled demand is cut into lots.
public struct Lotting: Sendable, Equatable {
    public var strategy: LotStrategy = .perCategory
    /// Split a lot whose ceiling value exceeds this into equal-sized smaller lots.
    public var valueCap: Exact?
    /// Bundle categories whose lot value is below this into one lot.
    public var bundleBelow: Exact?
    /// Apply the SME reserve (预留份额) to lots.
    public var smeReserve: Bool = false

    public init() {}
}

/// Lot strategies a planner compares.
public enum LotStrategy: String, Sendable, CaseIterable {
    case perCategory = "per-category"
    case categoryRegion = "category-region"
    case categoryPeriod = "category-period"
    /// Every demand line a purchase of its own, as if each project bought alone (Docs/planning.md): no value
    /// cap, no bundling.
    case perLine = "per-line"
}

/// SME reserve and price deduction (财库〔2020〕46号, 〔2022〕19号).
public struct SMEPolicy: Sendable, Equatable {
    /// A project at or below this is reserved wholly for SMEs (goods/services; works: `wholeReserveWorks`).
    public var wholeReserveGoods: Exact = 2_000_000
    public var wholeReserveWorks: Exact = 4_000_000
    public var reserveShareGoods: Exact = .percent(30)
    public var reserveShareWorks: Exact = .percent(40)
    public var smallMicroShareOfReserve: Exact = .percent(60)
    /// Which lots the reserve sets aside beyond the whole-reserve ones (财库〔2020〕46号 Art 5, 8).
    public var reserveRule: ReserveRule = .smeSupply
    /// Small/micro deduction, goods and services: 10%–20%.
    public var deduction: Exact = .percent(10)
    /// Consortium or subcontract with at least `consortiumMinimumShare` small/micro: 4%–6%.
    public var consortiumDeduction: Exact = .percent(4)
    public var consortiumMinimumShare: Exact = .percent(30)
    /// Works: 3%–5%; consortium 1%–2%.
    public var worksDeduction: Exact = .percent(3)
    public var worksConsortiumDeduction: Exact = .percent(1)

    public init() {}
}

/// Which green rule applies.
public enum GreenRule: String, Sendable, CaseIterable {
    /// Every covered material must comply.
    case rule2022 = "2022"
    /// Mandatory categories all comply; optional ones cover ≥ 40% of material kinds.
    case rule2025 = "2025"
}

/// What happens to a failed lot (废标).
public enum FailurePolicy: String, Sendable, CaseIterable {
    /// Tender again once, same rules, fresh bids (generated bidding only).
    case retender = "re-tender"
    /// Switch to competitive consultation, where 2 valid bids suffice.
    case switchMethod = "switch-method"
    /// Leave the lot failed.
    case none
}

extension ProcurementMethod: Code {
    public var label: Label {
        switch self {
        case .openTender: return Label("公开招标", "open tender")
        case .competitiveConsultation: return Label("竞争性磋商", "competitive consultation")
        case .competitiveNegotiation: return Label("竞争性谈判", "competitive negotiation")
        case .inquiry: return Label("询价", "inquiry")
        case .singleSource: return Label("单一来源", "single source")
        case .reverseAuction: return Label("反向竞价", "reverse auction")
        case .frameworkAgreement: return Label("框架协议", "framework agreement")
        }
    }
}
