import ExactNumbers

/// The settings of lots bought by reverse auction (反向竞价): the e-mall format or its ProZorro-style variant
/// (Docs/auctions.md).
public struct AuctionPolicy: Sendable, Equatable {
    public var format: AuctionFormat = .eMall
    /// The least a new bid must undercut by: the current best (e-mall) or the bidder's own bid (ProZorro).
    public var minimumStep: AuctionStep = .share(AuctionStep.defaultShare)
    /// The e-mall deadline in rounds, or the number of ProZorro open rounds; nil: the format's default.
    public var rounds: Int?
    /// How bidders without an `auction-strategy` of their own move.
    public var strategy: AuctionStrategy = .dropOutAtCost

    public init() {}

    /// `rounds`, or the format's default (e-mall 50, ProZorro 3).
    public var roundLimit: Int { rounds ?? format.defaultRounds }
}

/// The auction formats.
public enum AuctionFormat: String, Sendable, CaseIterable {
    /// The e-mall reverse auction: open bids repeated until the deadline, each undercutting the best.
    case eMall = "e-mall"
    /// A sealed first round, then open rounds in which bidders move worst-first.
    case prozorro

    public var defaultRounds: Int {
        switch self {
        case .eMall: return 50
        case .prozorro: return 3
        }
    }
}

/// The minimal decrement (最小降价幅度) of a reverse auction.
public enum AuctionStep: Sendable, Equatable {
    /// A share of the reference price (the current best, or the bidder's own bid under ProZorro).
    case share(Exact)
    /// A fixed amount in yuan.
    case amount(Exact)

    /// 0.5%, the default step.
    public static let defaultShare: Exact = (try? Exact(numerator: 1, denominator: 200)) ?? .zero

    /// The exact undercut required below `reference` (never rounded: prices are whole cents, so the
    /// effective step is the least whole-cent undercut at or above it).
    public func required(below reference: Exact) -> Exact {
        switch self {
        case .share(let share): return reference * share
        case .amount(let amount): return amount
        }
    }
}

/// How a bidder moves in a reverse auction. Its floor is its drawn cost (or, without a cost model, its
/// sealed price); a rehearsal's moves are the bids as entered.
public enum AuctionStrategy: Sendable, Equatable {
    /// Undercuts the best by exactly the minimal step whenever it is not the best, until that would take it
    /// below its floor; then it stops (the English reverse auction).
    case dropOutAtCost
    /// Undercuts the best by this share at once (never below its floor, never less than the minimal step).
    case jump(Exact)
    /// Silent until the last round, then undercuts the best by the minimal step if its floor allows.
    case lastMoment
    /// Bids its sealed price once, in the first round, and never again.
    case sealed
}

/// What the winner of a sealed evaluation is paid.
public enum PricingRule: String, Sendable, CaseIterable {
    /// Its own quoted price.
    case firstPrice = "first-price"
    /// The price at which it would just still have won: the second-lowest valid evaluated price (research).
    case secondPrice = "second-price"
}

/// Framework agreements (框架协议, 财政部令第110号), closed form: a shortlist, then orders.
public struct FrameworkPolicy: Sendable, Equatable {
    /// How stage 1 ranks the offers under the maximum unit price.
    public var priority: FrameworkPriority = .price
    /// The least share of valid offers eliminated at stage 1 (at least one is always eliminated).
    public var elimination: Exact = .percent(20)
    /// The agreement's term in months from the bid date (goods: at most 12).
    public var termMonths = 12
    /// How stage 2 places each order.
    public var orders: FrameworkOrderMode = .directSelection
    /// Fewer valid stage-1 offers than this and the agreement fails.
    public var minimumSuppliers = 2

    public init() {}
}

/// Stage 1 of a framework agreement: 价格优先法 or 质量优先法.
public enum FrameworkPriority: String, Sendable, CaseIterable {
    /// Evaluated price ascending.
    case price
    /// Quality points (the evaluation criteria) descending, then evaluated price.
    case quality
}

/// Stage 2 of a framework agreement: how an order finds its supplier.
public enum FrameworkOrderMode: String, Sendable, CaseIterable {
    /// 直接选定: the best-ranked shortlisted supplier with capacity left, at its agreement price.
    case directSelection = "direct"
    /// 二次竞价: the shortlisted suppliers quote again, the agreement price as their ceiling; lowest wins.
    case secondRound = "second-round"
    /// 顺序轮候: orders go to the shortlisted suppliers in turn, at their agreement prices.
    case rotation
}

extension AuctionFormat: Code {
    public var label: Label {
        switch self {
        case .eMall: return Label("电子卖场反向竞价", "e-mall reverse auction")
        case .prozorro: return Label("ProZorro 式竞价", "ProZorro-style auction")
        }
    }
}
