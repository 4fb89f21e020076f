import ExactNumbers
import TenderModel

/// What every bidder on one lot in one replication shares: quantities, ceiling unit prices, the streams.
struct LotContext {
    let lot: Lot
    let seed: UInt64
    let replication: Int
    let bidDate: Day
    let sme: SMEPolicy
    /// n, the number of potential (eligible) bidders.
    let bidders: Int
    /// Total quantity per category of the lot.
    let quantities: [String: Exact]
    /// Quantity-weighted ceiling unit price per category: Σ quantity × ceiling unit price / Σ quantity.
    let ceilingUnitPrices: [String: Exact]

    init(lot: Lot, scenario: Scenario, replication: Int, bidders: Int) {
        self.lot = lot
        self.seed = scenario.meta.seed
        self.replication = replication
        self.bidDate = scenario.meta.bidDate
        self.sme = scenario.policy.sme
        self.bidders = bidders
        var quantities: [String: Exact] = [:]
        var amounts: [String: Exact] = [:]
        for line in lot.lines {
            quantities[line.category, default: .zero] += line.quantity
            amounts[line.category, default: .zero] += line.ceilingAmount
        }
        self.quantities = quantities
        var unitPrices: [String: Exact] = [:]
        for (category, quantity) in quantities {
            if let amount = amounts[category], let unit = try? amount / quantity { unitPrices[category] = unit }
        }
        self.ceilingUnitPrices = unitPrices
    }

    func stream(_ label: String) -> RandomStream {
        RandomStream(seed: seed, replication: replication, label: label)
    }

    /// Whether `supplier` bids: a draw below its participation probability (0 never, 1 always).
    func participates(_ supplier: Supplier) -> Bool {
        if supplier.participation <= .zero { return false }
        if supplier.participation >= .one { return true }
        var s = stream("participation/\(lot.id)/\(supplier.id)")
        return s.unit() < DoubleMath.double(supplier.participation)
    }

    /// The drawn unit costs of the lot's categories that have a cost model, and the total cost when all do.
    func costs(of supplier: Supplier) -> (unit: [String: Exact], total: Exact?) {
        var unit: [String: Exact] = [:]
        var total: Exact? = .zero
        for category in lot.categories {
            guard let model = supplier.costs[category] else {
                total = nil
                continue
            }
            var s = stream("cost/\(lot.id)/\(supplier.id)/\(category)")
            let cost = BidGenerator.drawUnitCost(model, stream: &s)
            unit[category] = cost
            total = total.map { $0 + quantity(category) * cost }
        }
        return (unit, total)
    }

    func quantity(_ category: String) -> Exact { quantities[category] ?? .zero }

    /// The bid of a supplier that is not a ring's cover bidder; nil when it cannot price the lot.
    func bid(of supplier: Supplier) -> GeneratedBid? {
        let (unitCosts, cost) = costs(of: supplier)
        func generated(_ price: Exact, unitPrices: [String: Exact] = [:], markup: Exact? = nil) -> GeneratedBid {
            GeneratedBid(
                bid: makeBid(supplier, price: price.rounded(places: 2, mode: .halfUp)),
                unitCosts: unitCosts,
                cost: cost,
                unitPrices: unitPrices,
                markup: markup,
                behaviour: supplier.behaviour
            )
        }
        switch supplier.behaviour {
        case .truthful:
            return cost.map { generated($0) }
        case .markup(let low, let high):
            guard let cost else { return nil }
            var s = stream("markup/\(lot.id)/\(supplier.id)")
            let drawn = DoubleMath.double(low) + s.unit() * DoubleMath.double(high - low)
            let m = min(max(DoubleMath.fourPlaces(drawn), low), high)
            return generated(cost * (.one + m), markup: m)
        case .equilibrium:
            var unitPrices: [String: Exact] = [:]
            for category in lot.categories {
                guard let model = supplier.costs[category], let unitCost = unitCosts[category] else { return nil }
                unitPrices[category] = BidGenerator.equilibriumUnitBid(
                    cost: unitCost,
                    model: model,
                    bidders: bidders,
                    reserve: ceilingUnitPrices[category] ?? unitCost
                )
            }
            return generated(total(of: unitPrices), unitPrices: unitPrices)
        case .fixedPrices(let listed):
            var unitPrices: [String: Exact] = [:]
            for category in lot.categories {
                guard let unit = listed[category] ?? unitCosts[category] else { return nil }
                unitPrices[category] = unit
            }
            return generated(total(of: unitPrices), unitPrices: unitPrices)
        case .ring(_, _, let markup, _):
            return cost.map { generated($0 * (.one + markup), markup: markup) }
        }
    }

    /// A ring member's complementary bid: `winnerPrice` × (1 + cover), or, with no designated winner bidding,
    /// its own cost × (1 + markup).
    func coverBid(of supplier: Supplier, winnerPrice: Exact?, markup: Exact, cover: Exact) -> GeneratedBid? {
        let (unitCosts, cost) = costs(of: supplier)
        let price: Exact
        var applied: Exact?
        if let winnerPrice {
            price = winnerPrice * (.one + cover)
        } else if let cost {
            price = cost * (.one + markup)
            applied = markup
        } else {
            return nil
        }
        return GeneratedBid(
            bid: makeBid(supplier, price: price.rounded(places: 2, mode: .halfUp)),
            unitCosts: unitCosts,
            cost: cost,
            markup: applied,
            behaviour: supplier.behaviour
        )
    }

    func total(of unitPrices: [String: Exact]) -> Exact {
        lot.categories.map { quantity($0) * (unitPrices[$0] ?? .zero) }.sum()
    }

    /// The sealed bid: SME declaration, bond, signature, submission label. It offers the supplier's registered
    /// products (a bid without products of its own is evaluated on those), so it carries no copy of them.
    func makeBid(_ supplier: Supplier, price: Exact) -> Bid {
        let declaration: SMEDeclaration
        let allSmallMade =
            !lot.categories.isEmpty
            && lot.categories.allSatisfy { supplier.products[$0]?.madeBySmallOrMicro == true }
        if supplier.isSmallOrMicro && allSmallMade {
            declaration = .smallMicro
        } else if let consortium = supplier.consortium, consortium.smallMicroShare >= sme.consortiumMinimumShare {
            declaration = .consortium(share: consortium.smallMicroShare)
        } else {
            declaration = .none
        }
        return Bid(
            lot: lot.id,
            bidder: supplier.id,
            price: price,
            declaration: declaration,
            bondPaid: true,
            signed: true,
            submittedAt: submissionTime(supplier)
        )
    }

    /// `<bid date>T08:MM:SS`, the second drawn uniformly in the hour before a 09:00 opening.
    func submissionTime(_ supplier: Supplier) -> String {
        var s = stream("submission/\(lot.id)/\(supplier.id)")
        let second = min(Int(s.unit() * 3600), 3599)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(bidDate)T08:\(two(second / 60)):\(two(second % 60))"
    }
}
