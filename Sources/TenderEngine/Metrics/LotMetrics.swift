import ExactNumbers
import TenderModel

/// What users read off one lot (Docs/rules.md §9).
public struct LotMetrics: Sendable, Equatable {
    public var lot: String
    public var ceiling: Exact
    public var contract: Exact?
    public var bids: Int
    public var validBids: Int
    public var failed: Bool
    /// Rejection reason → number of bids rejected for it (a bid may carry several).
    public var rejections: RejectionCounts
    /// Certificate star (0 = none) → contract amount, split by the categories' shares of the lot ceiling.
    public var amountByStar: InlineMap<Int, Exact>
    /// Σ quantity × conventional reference price, for categories that have one.
    public var referenceCost: Exact?
    /// The contract amount of the categories with a reference price.
    public var referencedContract: Exact?
    public var winnerIsSME: Bool
    public var winnerIsSmallMicro: Bool
    public var redFlags: [RedFlag]
    /// The contract amount per supplier: the winner's contract, or a framework agreement's orders.
    public var contractBySupplier = InlineMap<String, Exact>()
    /// The part of the contract amount won by SMEs, and by small and micro firms.
    public var smeContract: Exact = .zero
    public var smallMicroContract: Exact = .zero
    /// Entry and markups on the lot (``BidderResponse``), when the context measures them.
    public var response: BidderResponse? = nil

    /// 节约资金, in yuan: ceiling − contract, when awarded.
    public var savings: Exact? { contract.map { ceiling - $0 } }

    /// (ceiling − contract) / ceiling.
    public var savingsRate: Exact? {
        guard let contract, !ceiling.isZero else { return nil }
        return try? (ceiling - contract) / ceiling
    }

    /// Whether two bids have the same price (compared pairwise: a lot has few bids).
    static func hasIdenticalPrices(_ evaluations: [BidEvaluation]) -> Bool {
        for i in evaluations.indices {
            for j in evaluations.indices[(i + 1)...] where evaluations[i].bid.price == evaluations[j].bid.price {
                return true
            }
        }
        return false
    }

    static func measure(_ outcome: LotOutcome, context: EvaluationContext) -> LotMetrics {
        let lot = outcome.lot
        let ceiling = lot.ceiling
        // The evaluations are read in place, by index: iterating them would copy each (its bid, its
        // rejections, its scores), retaining and releasing every field, on every lot of every replication.
        let evaluations = outcome.evaluations
        var rejections = RejectionCounts()
        var validCount = 0
        var abnormallyLow = false
        for i in evaluations.indices {
            let bidRejections = evaluations[i].rejections
            if bidRejections.isEmpty { validCount += 1 }
            // Each reason once per bid, however many of its rejections give it.
            for (k, rejection) in bidRejections.enumerated()
            where !bidRejections[..<k].contains(where: { $0.reason == rejection.reason }) {
                rejections[rejection.reason] += 1
            }
            if !abnormallyLow {
                abnormallyLow =
                    bidRejections.contains { $0.reason == .abnormallyLow }
                    || evaluations[i].flags.contains { $0.kind == .abnormallyLowExplained }
            }
        }
        var flags: [RedFlag] = []
        if validCount == 1 { flags.append(.singleValidBid) }
        // The first of the lowest prices, found in place (copying evaluations costs more than comparing them).
        var lowest: Int?
        for i in outcome.evaluations.indices
        where lowest.map({ outcome.evaluations[i].bid.price < outcome.evaluations[$0].bid.price }) ?? true {
            lowest = i
        }
        if let lowest, !outcome.evaluations[lowest].isValid {
            flags.append(.lowestBidRejected)
        }
        if abnormallyLow { flags.append(.abnormallyLow) }
        if hasIdenticalPrices(outcome.evaluations) { flags.append(.identicalPrices) }

        var amountByStar = InlineMap<Int, Exact>()
        var referenceCost: Exact?
        var referencedContract: Exact?
        var winnerIsSME = false
        var winnerIsSmallMicro = false
        var contractBySupplier = InlineMap<String, Exact>()
        var smeContract = Exact.zero
        var smallMicroContract = Exact.zero
        if let winnerID = outcome.winner, let contract = outcome.contractPrice {
            (winnerIsSME, winnerIsSmallMicro) = context.smeStanding(of: winnerID)
            // Who supplies which lines for how much: the winner all of them, or each framework order's supplier
            // (credited one by one: no list of awards is built).
            func credit(_ supplier: String, _ amount: Exact, shares: CategoryShares) {
                var found: Int?
                for i in evaluations.indices where evaluations[i].bid.bidder == supplier {
                    found = i
                    break
                }
                guard let found else { return }
                contractBySupplier[supplier, default: .zero] += amount
                let standing = context.smeStanding(of: supplier)
                if standing.sme { smeContract += amount }
                if standing.smallMicro { smallMicroContract += amount }
                for entry in shares.entries {
                    let part = amount * entry.share
                    let certificate = context.product(of: evaluations[found].bid, category: entry.category)?.certificate
                    let star = certificate.map { $0.isValid(on: context.scenario.meta.bidDate) ? $0.star : 0 } ?? 0
                    amountByStar[star, default: .zero] += part
                    if let reference = entry.referencePrice {
                        referenceCost = (referenceCost ?? .zero) + entry.quantity * reference
                        referencedContract = (referencedContract ?? .zero) + part
                    }
                }
            }
            if let framework = outcome.auction?.framework {
                for order in framework.placed {
                    guard let who = order.supplier, let price = order.price else { continue }
                    let lines = lot.lines.filter { order.lines.contains($0.reference) }
                    credit(
                        who,
                        price,
                        shares: CategoryShares(lines: lines, ceiling: order.ceiling, lot: lot, context: context)
                    )
                }
            } else {
                // The usual case, the winner supplying the whole lot: the categories' shares of the lot's
                // ceiling, their quantities and reference prices do not depend on the draws (prepared once).
                credit(winnerID, contract, shares: context.metricShares(for: lot))
            }
        }
        if outcome.auction?.framework?.orders.contains(where: { $0.supplier == nil }) == true {
            flags.append(.unplacedOrders)
        }
        return LotMetrics(
            lot: lot.id,
            ceiling: ceiling,
            contract: outcome.contractPrice,
            bids: outcome.evaluations.count,
            validBids: validCount,
            failed: outcome.failure != nil,
            rejections: rejections,
            amountByStar: amountByStar,
            referenceCost: referenceCost,
            referencedContract: referencedContract,
            winnerIsSME: winnerIsSME,
            winnerIsSmallMicro: winnerIsSmallMicro,
            redFlags: flags,
            contractBySupplier: contractBySupplier,
            smeContract: smeContract,
            smallMicroContract: smallMicroContract
        )
    }
}

/// Per category of a lot with lines in an award: its share of the award's ceiling, its quantity and its
/// conventional reference price (nil without one), in lot order. For an award of the whole lot it does not
/// depend on the draws: the ``EvaluationContext`` prepares it once per lot, with the lot's facts (``LotFacts``).
struct CategoryShares: Sendable {
    struct Entry: Sendable {
        let category: String
        let share: Exact
        let quantity: Exact
        let referencePrice: Exact?
    }

    let entries: [Entry]

    init(lines: [DemandLine], ceiling: Exact, lot: Lot, context: EvaluationContext) {
        self.init(lines: lines, ceiling: ceiling, lot: lot, categories: context.categories)
    }

    init(lines: [DemandLine], ceiling: Exact, lot: Lot, categories: [String: Category]) {
        var entries: [Entry] = []
        for category in lot.categories {
            let chosen = lines.filter { $0.category == category }
            guard !chosen.isEmpty else { continue }
            entries.append(
                Entry(
                    category: category,
                    share: (try? chosen.map(\.ceilingAmount).sum() / ceiling) ?? .zero,
                    quantity: chosen.map(\.quantity).sum(),
                    referencePrice: categories[category]?.referencePrice
                )
            )
        }
        self.entries = entries
    }
}
