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
    public var rejections: [Rejection.Reason: Int]
    /// Certificate star (0 = none) → contract amount, split by the categories' shares of the lot ceiling.
    public var amountByStar: [Int: Exact]
    /// Σ quantity × conventional reference price, for categories that have one.
    public var referenceCost: Exact?
    /// The contract amount of the categories with a reference price.
    public var referencedContract: Exact?
    public var winnerIsSME: Bool
    public var winnerIsSmallMicro: Bool
    public var redFlags: [RedFlag]
    /// The contract amount per supplier: the winner's contract, or a framework agreement's orders.
    public var contractBySupplier: [String: Exact] = [:]
    /// The part of the contract amount won by SMEs, and by small and micro firms.
    public var smeContract: Exact = .zero
    public var smallMicroContract: Exact = .zero

    /// 节约资金, in yuan: ceiling − contract, when awarded.
    public var savings: Exact? { contract.map { ceiling - $0 } }

    /// (ceiling − contract) / ceiling.
    public var savingsRate: Exact? {
        guard let contract, !ceiling.isZero else { return nil }
        return try? (ceiling - contract) / ceiling
    }

    static func measure(_ outcome: LotOutcome, context: EvaluationContext) -> LotMetrics {
        let lot = outcome.lot
        let ceiling = lot.ceiling
        var rejections: [Rejection.Reason: Int] = [:]
        for evaluation in outcome.evaluations {
            for reason in Set(evaluation.rejections.map(\.reason)) { rejections[reason, default: 0] += 1 }
        }
        var flags: [RedFlag] = []
        if outcome.validCount == 1 { flags.append(.singleValidBid) }
        if let lowest = outcome.evaluations.min(by: { $0.bid.price < $1.bid.price }), !lowest.isValid {
            flags.append(.lowestBidRejected)
        }
        if outcome.evaluations.contains(where: { e in
            e.rejections.contains { $0.reason == .abnormallyLow }
                || e.flags.contains { $0.kind == .abnormallyLowExplained }
        }) {
            flags.append(.abnormallyLow)
        }
        let prices = outcome.evaluations.map(\.bid.price)
        if Set(prices).count < prices.count { flags.append(.identicalPrices) }

        var amountByStar: [Int: Exact] = [:]
        var referenceCost: Exact?
        var referencedContract: Exact?
        var winnerIsSME = false
        var winnerIsSmallMicro = false
        var contractBySupplier: [String: Exact] = [:]
        var smeContract = Exact.zero
        var smallMicroContract = Exact.zero
        func isSME(_ supplier: Supplier?) -> Bool { supplier.map { $0.size.isSME || $0.specialStatus != nil } ?? false }
        if let winnerID = outcome.winner, let contract = outcome.contractPrice {
            let supplier = context.suppliers[winnerID]
            winnerIsSME = isSME(supplier)
            winnerIsSmallMicro = supplier?.isSmallOrMicro ?? false
            // Who supplies which lines for how much: the winner all of them, or each framework order's supplier.
            var awards: [(supplier: String, amount: Exact, lines: [DemandLine], ceiling: Exact)] = []
            if let framework = outcome.auction?.framework {
                for order in framework.placed {
                    guard let who = order.supplier, let price = order.price else { continue }
                    awards.append((who, price, lot.lines.filter { order.lines.contains($0.reference) }, order.ceiling))
                }
            } else {
                awards = [(winnerID, contract, lot.lines, ceiling)]
            }
            for award in awards {
                guard let bid = outcome.evaluations.first(where: { $0.bid.bidder == award.supplier })?.bid else {
                    continue
                }
                contractBySupplier[award.supplier, default: .zero] += award.amount
                if isSME(context.suppliers[award.supplier]) { smeContract += award.amount }
                if context.suppliers[award.supplier]?.isSmallOrMicro == true { smallMicroContract += award.amount }
                for category in lot.categories {
                    let lines = award.lines.filter { $0.category == category }
                    guard !lines.isEmpty else { continue }
                    let share = (try? lines.map(\.ceilingAmount).sum() / award.ceiling) ?? .zero
                    let amount = award.amount * share
                    let certificate = context.product(of: bid, category: category)?.certificate
                    let star = certificate.map { $0.isValid(on: context.scenario.meta.bidDate) ? $0.star : 0 } ?? 0
                    amountByStar[star, default: .zero] += amount
                    if let reference = context.categories[category]?.referencePrice {
                        referenceCost = (referenceCost ?? .zero) + lines.map(\.quantity).sum() * reference
                        referencedContract = (referencedContract ?? .zero) + amount
                    }
                }
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
            validBids: outcome.validCount,
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
