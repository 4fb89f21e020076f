import ExactNumbers
import TenderModel

/// The log of an auction, a second-price payment or a framework agreement: every round, every move with
/// its fate, and the notes a reader needs (Docs/auctions.md).
public struct AuctionRecord: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable {
        case eMall = "e-mall"
        case prozorro
        case secondPrice = "second-price"
        case frameworkAgreement = "framework-agreement"
    }

    public var format: Format
    /// The start price: the lot's ceiling (none above it).
    public var ceiling: Exact
    /// The minimal step (auctions only).
    public var step: AuctionStep?
    /// The deadline in rounds (e-mall) or the number of open rounds (ProZorro); nil otherwise.
    public var roundLimit: Int?
    /// The rounds in which something happened, in order.
    public var rounds: [AuctionRound]
    /// What the payment rule decided, the drop-outs' reasons, and the like.
    public var notes: [String]
    /// Stage 1 and the orders of a framework agreement.
    public var framework: FrameworkRecord?

    public init(
        format: Format,
        ceiling: Exact,
        step: AuctionStep? = nil,
        roundLimit: Int? = nil,
        rounds: [AuctionRound] = [],
        notes: [String] = [],
        framework: FrameworkRecord? = nil
    ) {
        self.format = format
        self.ceiling = ceiling
        self.step = step
        self.roundLimit = roundLimit
        self.rounds = rounds
        self.notes = notes
        self.framework = framework
    }

    /// Every move, in submission order.
    public var moves: [AuctionMove] { rounds.flatMap(\.moves) }

    /// Each bidder's last accepted move ("the last counts"), best first: evaluated price ascending, then the
    /// earlier move.
    public var standings: [AuctionMove] { Self.standings(of: rounds) }

    /// Each bidder's last accepted move in `rounds`, best first.
    public static func standings(of rounds: [AuctionRound]) -> [AuctionMove] {
        var last: [String: AuctionMove] = [:]
        for move in rounds.flatMap(\.moves) where move.accepted { last[move.bidder] = move }
        return last.values.sorted { ($0.evaluatedPrice, $0.sequence) < ($1.evaluatedPrice, $1.sequence) }
    }
}

/// One round of an auction (or the sealed round, or stage 1, or an order's second round).
public struct AuctionRound: Sendable, Equatable {
    /// 0 for a sealed round, 1… for open rounds.
    public var number: Int
    /// `sealed`, `round 3`, `stage 1`, `order P01`.
    public var label: String
    public var moves: [AuctionMove]
    /// Bidders who stopped in this round because going on would take them below their floor.
    public var droppedOut: [String]

    public init(number: Int, label: String, moves: [AuctionMove] = [], droppedOut: [String] = []) {
        self.number = number
        self.label = label
        self.moves = moves
        self.droppedOut = droppedOut
    }
}

/// One bid placed in an auction, accepted or rejected with the reason.
public struct AuctionMove: Sendable, Equatable {
    /// The move's place in the submission order of the whole auction (1-based): earlier wins ties.
    public var sequence: Int
    public var round: Int
    public var bidder: String
    /// The quoted price.
    public var price: Exact
    /// price × (1 − the bidder's SME deduction): what the step and the ranking compare.
    public var evaluatedPrice: Exact
    /// The entry's submission time in a rehearsal; empty for generated moves.
    public var submittedAt: String
    /// Nil when accepted; else why the platform refused it.
    public var rejection: String?

    public init(
        sequence: Int,
        round: Int,
        bidder: String,
        price: Exact,
        evaluatedPrice: Exact,
        submittedAt: String = "",
        rejection: String? = nil
    ) {
        self.sequence = sequence
        self.round = round
        self.bidder = bidder
        self.price = price
        self.evaluatedPrice = evaluatedPrice
        self.submittedAt = submittedAt
        self.rejection = rejection
    }

    public var accepted: Bool { rejection == nil }
}

/// Stage 1 (the shortlist) and stage 2 (the orders) of a framework agreement.
public struct FrameworkRecord: Sendable, Equatable {
    public var priority: FrameworkPriority
    public var orderMode: FrameworkOrderMode
    /// Valid stage-1 offers.
    public var validOffers: Int
    /// Shortlisted suppliers (入围), best first.
    public var shortlist: [String]
    /// Valid offers eliminated at stage 1, best first.
    public var eliminated: [String]
    /// Each shortlisted supplier's stage-1 price for the whole lot; an order's agreement price is this share
    /// of the order's ceiling (price / lot ceiling × order ceiling, half-up to the cent).
    public var agreementPrices: [String: Exact]
    public var termMonths: Int
    /// The last day of the term.
    public var termEnd: Day
    public var orders: [FrameworkOrder]

    public init(
        priority: FrameworkPriority,
        orderMode: FrameworkOrderMode,
        validOffers: Int,
        shortlist: [String],
        eliminated: [String],
        agreementPrices: [String: Exact],
        termMonths: Int,
        termEnd: Day,
        orders: [FrameworkOrder]
    ) {
        self.priority = priority
        self.orderMode = orderMode
        self.validOffers = validOffers
        self.shortlist = shortlist
        self.eliminated = eliminated
        self.agreementPrices = agreementPrices
        self.termMonths = termMonths
        self.termEnd = termEnd
        self.orders = orders
    }

    /// Orders placed under the agreement.
    public var placed: [FrameworkOrder] { orders.filter { $0.supplier != nil } }
    /// Σ prices of the placed orders.
    public var total: Exact { placed.compactMap(\.price).sum() }
    /// Σ ceilings of the placed orders.
    public var placedCeiling: Exact { placed.map(\.ceiling).sum() }
    /// (placed ceiling − total) / placed ceiling.
    public var savingsRate: Exact? {
        placedCeiling.isZero ? nil : try? (placedCeiling - total) / placedCeiling
    }
    /// Order value per supplier.
    public var totalBySupplier: [String: Exact] {
        var result: [String: Exact] = [:]
        for order in placed {
            if let supplier = order.supplier, let price = order.price { result[supplier, default: .zero] += price }
        }
        return result
    }
    /// The largest supplier's share of the ordered value.
    public var largestShare: Exact? {
        guard let largest = totalBySupplier.values.max(), !total.isZero else { return nil }
        return try? largest / total
    }
}

/// One project's order under a framework agreement: its demand lines in the lot.
public struct FrameworkOrder: Sendable, Equatable {
    /// The project's id.
    public var id: String
    /// `P01/D3` references of the lines.
    public var lines: [String]
    /// Σ quantity × ceiling unit price of the lines.
    public var ceiling: Exact
    /// The earliest delivery start of the lines.
    public var deliveryFrom: Day
    /// Quantity per category.
    public var quantities: [String: Exact]
    /// Who supplies it; nil when the order could not be placed.
    public var supplier: String?
    /// The contract price of the order.
    public var price: Exact?
    /// The supplier's agreement price for this order (the ceiling of a second round).
    public var agreementPrice: Exact?
    /// Why the order was not placed, or how the supplier was chosen.
    public var note: String
    /// The second round's log (second-round bidding only).
    public var rounds: [AuctionRound]

    public init(
        id: String,
        lines: [String],
        ceiling: Exact,
        deliveryFrom: Day,
        quantities: [String: Exact],
        supplier: String? = nil,
        price: Exact? = nil,
        agreementPrice: Exact? = nil,
        note: String = "",
        rounds: [AuctionRound] = []
    ) {
        self.id = id
        self.lines = lines
        self.ceiling = ceiling
        self.deliveryFrom = deliveryFrom
        self.quantities = quantities
        self.supplier = supplier
        self.price = price
        self.agreementPrice = agreementPrice
        self.note = note
        self.rounds = rounds
    }

    /// (ceiling − price) / ceiling.
    public var savingsRate: Exact? {
        guard let price, !ceiling.isZero else { return nil }
        return try? (ceiling - price) / ceiling
    }
}
