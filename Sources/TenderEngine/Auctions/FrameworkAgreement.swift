import ExactNumbers
import TenderModel

/// A closed framework agreement (封闭式框架协议, 财政部令第110号) on one lot.
///
/// **Stage 1** (入围): every supplier offers a price for the whole lot; the maximum price (最高限制单价) is the
/// lot's ceiling, i.e. the demand lines' ceiling unit prices. Offers are reviewed (qualification without the
/// lot-capacity check, since orders are smaller; conformity with the green clauses and the ceiling) and
/// ranked by evaluated price (price priority) or by quality points, then evaluated price (quality priority).
/// Of n valid offers max(1, ⌈n × elimination⌉) are eliminated; fewer than `minimum-suppliers` valid offers,
/// or nobody left, and the agreement fails. Each shortlisted supplier's agreement price for an order is its
/// stage-1 price scaled to the order: price × order ceiling / lot ceiling, half-up to the cent.
///
/// **Stage 2**: each project's demand lines in the lot become one order, placed in order of their earliest
/// delivery start (then project order). An order whose delivery starts after the term is not placed. The
/// order goes to a shortlisted supplier whose capacity is not yet used up by earlier orders of the lot:
/// direct selection takes the best-ranked; rotation takes the next in turn; second-round bidding holds an
/// e-mall round among them, each capped by its own agreement price, and the lowest evaluated bid wins
/// (see ``StageTwo/secondRound(_:among:)``).
enum FrameworkAgreement {
    static func evaluate(_ lot: Lot, context: EvaluationContext, streamReplication: Int) -> LotOutcome {
        let policy = context.policy.framework
        var audit: [String] = []
        let bids: [Bid]
        let generated: [GeneratedBid?]
        if !context.scenario.bids.isEmpty {
            // The last entry of each bidder is its offer.
            let entries = AuctionLot.explicitEntries(lot, context: context, defaultRound: 0)
            var last: [String: Int] = [:]
            for (index, entry) in entries.enumerated() { last[entry.bidder] = index }
            bids = entries.enumerated().filter { last[$0.element.bidder] == $0.offset }.map(\.element)
            generated = bids.map { _ in nil }
        } else {
            let entries = AuctionLot.generatedEntries(lot, context: context, streamReplication: streamReplication)
            bids = entries.map(\.bid)
            generated = entries
        }
        let entrants = AuctionLot.admit(
            bids,
            generated: generated,
            lot: lot,
            context: context,
            ignoring: [.overCapacity],
            audit: &audit
        )
        var evaluations = entrants.map { entrant -> BidEvaluation in
            var e = BidEvaluation(bid: entrant.bid)
            e.rejections = entrant.rejections
            e.deduction = entrant.deduction
            e.evaluatedPrice = entrant.bid.price * (.one - entrant.deduction)
            return e
        }
        let order = stageOneOrder(&evaluations, lot: lot, context: context)
        for (rank, index) in order.enumerated() { evaluations[index].rank = rank + 1 }

        let valid = order.count
        var eliminatedCount = 0
        while eliminatedCount < valid && Exact(eliminatedCount) < Exact(valid) * policy.elimination {
            eliminatedCount += 1
        }
        eliminatedCount = max(1, eliminatedCount)
        let shortlisted = Array(order.prefix(max(0, valid - eliminatedCount)))
        let eliminated = Array(order.dropFirst(shortlisted.count))
        let eliminationText = "eliminating \(policy.elimination.percentText) and at least one (财政部令第110号)"
        for index in eliminated {
            evaluations[index].flags.append(
                BidNote(
                    .eliminatedAtStageOne,
                    "eliminated at stage 1: rank \(evaluations[index].rank ?? 0) of \(valid), \(eliminationText)"
                )
            )
        }

        var stageOne = AuctionRound(number: 0, label: "stage 1")
        for (offset, e) in evaluations.enumerated() {
            var rejection: String?
            if !e.isValid {
                rejection = AuctionLot.reasons(e.rejections)
            } else if eliminated.contains(offset) {
                rejection = "eliminated (rank \(e.rank ?? 0) of \(valid))"
            }
            stageOne.moves.append(
                AuctionMove(
                    sequence: offset + 1,
                    round: 0,
                    bidder: e.bid.bidder,
                    price: e.bid.price,
                    evaluatedPrice: e.evaluatedPrice,
                    submittedAt: e.bid.submittedAt,
                    rejection: rejection
                )
            )
        }
        var record = AuctionRecord(format: .frameworkAgreement, ceiling: lot.ceiling, rounds: [stageOne])

        func failed(_ failure: LotFailure) -> LotOutcome {
            Award.failed(lot, evaluations: evaluations, failure: failure, audit: audit, auction: record)
        }
        func failed(_ reason: FailureReason, _ detail: String) -> LotOutcome { failed(LotFailure(reason, detail)) }
        if valid < policy.minimumSuppliers {
            return failed(
                Award.tooFewValidBids(
                    valid,
                    minimum: policy.minimumSuppliers,
                    noun: "valid offer",
                    when: "at stage 1",
                    ground: "财政部令第110号"
                )
            )
        }
        if shortlisted.isEmpty {
            return failed(.emptyShortlist, "no supplier left on the shortlist after \(eliminationText)")
        }

        let termEnd = Self.adding(months: policy.termMonths, to: context.scenario.meta.bidDate)
        let agreementPrices = Dictionary(
            shortlisted.map { (evaluations[$0].bid.bidder, evaluations[$0].bid.price) },
            uniquingKeysWith: { first, _ in first }
        )
        var stage = StageTwo(
            lot: lot,
            context: context,
            shortlist: shortlisted.map { evaluations[$0] },
            generated: Dictionary(
                entrants.compactMap { e in e.generated.map { (e.bid.bidder, $0) } },
                uniquingKeysWith: { first, _ in first }
            )
        )
        var orders: [FrameworkOrder] = []
        for var order in Self.orders(of: lot) {
            if order.deliveryFrom > termEnd {
                order.note = "not placed: delivery starts \(order.deliveryFrom), after the term ends \(termEnd)"
            } else {
                stage.place(&order, mode: policy.orders)
            }
            orders.append(order)
        }
        let framework = FrameworkRecord(
            priority: policy.priority,
            orderMode: policy.orders,
            validOffers: valid,
            shortlist: shortlisted.map { evaluations[$0].bid.bidder },
            eliminated: eliminated.map { evaluations[$0].bid.bidder },
            agreementPrices: agreementPrices,
            termMonths: policy.termMonths,
            termEnd: termEnd,
            orders: orders
        )
        record.framework = framework
        let totals = framework.totalBySupplier
        guard !totals.isEmpty else { return failed(.noOrderPlaced, "no order could be placed under the agreement") }
        // The largest supplier stands for the lot in single-winner views; equal totals: the better rank.
        let rankOf = Dictionary(
            framework.shortlist.enumerated().map { ($0.element, $0.offset) },
            uniquingKeysWith: { first, _ in first }
        )
        let winner = totals.max { a, b in
            a.value != b.value ? a.value < b.value : (rankOf[a.key] ?? 0) > (rankOf[b.key] ?? 0)
        }?.key
        return LotOutcome(
            lot: lot,
            evaluations: evaluations,
            candidates: framework.shortlist,
            winner: winner,
            contractPrice: framework.total,
            failure: nil,
            audit: audit,
            auction: record
        )
    }

    /// Valid offers, best first. Quality priority records each offer's quality points as its total.
    static func stageOneOrder(_ evaluations: inout [BidEvaluation], lot: Lot, context: EvaluationContext) -> [Int] {
        let valid = evaluations.indices.filter { evaluations[$0].isValid }
        switch context.policy.framework.priority {
        case .price:
            return valid.sorted {
                (evaluations[$0].evaluatedPrice, evaluations[$0].bid.submittedAt, $0)
                    < (evaluations[$1].evaluatedPrice, evaluations[$1].bid.submittedAt, $1)
            }
        case .quality:
            let evaluation = context.policy.evaluation
            var quality: [Int: Exact] = [:]
            for index in valid {
                let points = evaluation.criteria.map { criterion in
                    PriceScoring.criterionPoints(criterion, bid: evaluations[index].bid, lot: lot, context: context)
                }
                let scores = CriterionScores(ids: evaluation.criteria.map(\.id), points: points[...])
                let total = scores.total
                evaluations[index].criterionScores = scores
                evaluations[index].total = total
                evaluations[index].recordedTotal = total.rounded(
                    places: evaluation.rounding.places,
                    mode: evaluation.rounding.mode
                )
                quality[index] = evaluations[index].recordedTotal ?? total
            }
            return valid.sorted { a, b in
                let (qa, qb) = (quality[a] ?? .zero, quality[b] ?? .zero)
                if qa != qb { return qa > qb }
                return (evaluations[a].evaluatedPrice, evaluations[a].bid.submittedAt, a)
                    < (evaluations[b].evaluatedPrice, evaluations[b].bid.submittedAt, b)
            }
        }
    }

    /// One order per project: its lines in the lot, by earliest delivery start, then project order.
    static func orders(of lot: Lot) -> [FrameworkOrder] {
        var projects: [String] = []
        var lines: [String: [DemandLine]] = [:]
        for line in lot.lines {
            if lines[line.projectID] == nil { projects.append(line.projectID) }
            lines[line.projectID, default: []].append(line)
        }
        let orders = projects.map { project -> FrameworkOrder in
            let own = lines[project] ?? []
            var quantities: [String: Exact] = [:]
            for line in own { quantities[line.category, default: .zero] += line.quantity }
            return FrameworkOrder(
                id: project,
                lines: own.map(\.reference),
                ceiling: own.map(\.ceilingAmount).sum(),
                deliveryFrom: own.map(\.deliveryFrom).min() ?? own[0].deliveryFrom,
                quantities: quantities
            )
        }
        return orders.enumerated().sorted {
            ($0.element.deliveryFrom, $0.offset) < ($1.element.deliveryFrom, $1.offset)
        }
        .map(\.element)
    }

    /// The same day `months` later, clamped to the end of that month.
    static func adding(months: Int, to day: Day) -> Day {
        let total = day.year * 12 + (day.month - 1) + months
        let (year, month) = (total / 12, total % 12 + 1)
        var d = day.day
        while d > 28, Day(year: year, month: month, day: d) == nil { d -= 1 }
        return Day(year: year, month: month, day: d) ?? day
    }
}

/// Stage 2: places the orders one by one, keeping track of capacity and of the rotation.
struct StageTwo {
    let lot: Lot
    let context: EvaluationContext
    /// Shortlisted offers, best first.
    let shortlist: [BidEvaluation]
    let generated: [String: GeneratedBid]
    var committed: [String: [String: Exact]] = [:]
    var turn = 0

    init(lot: Lot, context: EvaluationContext, shortlist: [BidEvaluation], generated: [String: GeneratedBid]) {
        self.lot = lot
        self.context = context
        self.shortlist = shortlist
        self.generated = generated
    }

    /// The supplier's agreement price for an order: its stage-1 price × order ceiling / lot ceiling.
    func agreementPrice(_ offer: BidEvaluation, _ order: FrameworkOrder) -> Exact {
        guard let share = try? order.ceiling / lot.ceiling else { return offer.bid.price }
        return (offer.bid.price * share).rounded(places: 2, mode: .halfUp)
    }

    func fits(_ supplier: String, _ order: FrameworkOrder) -> Bool {
        let capacity = context.suppliers[supplier]?.capacity ?? [:]
        return order.quantities.allSatisfy { category, quantity in
            guard let limit = capacity[category] else { return true }
            return (committed[supplier]?[category] ?? .zero) + quantity <= limit
        }
    }

    /// Places `order` by `mode`.
    mutating func place(_ order: inout FrameworkOrder, mode: FrameworkOrderMode) {
        let able = shortlist.indices.filter { fits(shortlist[$0].bid.bidder, order) }
        guard !able.isEmpty else {
            order.note = "not placed: no shortlisted supplier has capacity left"
            return
        }
        let chosen: Int
        let price: Exact
        switch mode {
        case .directSelection:
            chosen = able[0]
            price = agreementPrice(shortlist[chosen], order)
            order.note = "direct selection: the best-ranked shortlisted supplier with capacity"
        case .rotation:
            let k = shortlist.count
            chosen = (0..<k).map { (turn + $0) % k }.first { able.contains($0) } ?? able[0]
            turn = (chosen + 1) % k
            price = agreementPrice(shortlist[chosen], order)
            order.note = "rotation: \(shortlist[chosen].bid.bidder)'s turn"
        case .secondRound:
            order.rounds = secondRound(order, among: able)
            guard let best = AuctionRecord.standings(of: order.rounds).first,
                let index = able.first(where: { shortlist[$0].bid.bidder == best.bidder })
            else {
                order.note = "not placed: no acceptable second-round bid"
                return
            }
            chosen = index
            price = best.price
            order.note = "second-round bidding among \(able.count): lowest evaluated bid"
        }
        let supplier = shortlist[chosen].bid.bidder
        order.supplier = supplier
        order.price = price
        order.agreementPrice = agreementPrice(shortlist[chosen], order)
        for (category, quantity) in order.quantities {
            committed[supplier, default: [:]][category, default: .zero] += quantity
        }
    }

    /// Second-round bidding (二次竞价), held as an e-mall round among the shortlisted suppliers with capacity
    /// (in stage-1 rank order): each bidder's ceiling is its own agreement price, moves follow the auction rules
    /// (minimal step of `policy.auction`, deadline `policy.auction.rounds` or 50) and the bidders' auction
    /// strategies; a bidder's floor is its stage-1 unit costs × the order's quantities. In a rehearsal (no
    /// drawn costs) every bidder's floor is its agreement price, so the round ranks the agreement prices.
    func secondRound(_ order: FrameworkOrder, among able: [Int]) -> [AuctionRound] {
        let policy = context.policy.auction
        let bidders = able.map { index -> AuctionBidder in
            let offer = shortlist[index]
            let agreement = agreementPrice(offer, order)
            var floor = agreement
            if let costs = generated[offer.bid.bidder]?.unitCosts,
                order.quantities.keys.allSatisfy({ costs[$0] != nil })
            {
                floor = min(agreement, order.quantities.map { $0.value * (costs[$0.key] ?? .zero) }.sum())
            }
            return AuctionBidder(
                id: offer.bid.bidder,
                deduction: offer.deduction,
                floor: floor,
                sealedPrice: agreement,
                strategy: context.suppliers[offer.bid.bidder]?.auctionStrategy ?? policy.strategy,
                cap: agreement
            )
        }
        let settings = AuctionSettings(
            ceiling: bidders.map(\.sealedPrice).max() ?? order.ceiling,
            step: policy.minimumStep,
            rounds: policy.rounds ?? AuctionFormat.eMall.defaultRounds
        )
        return ReverseAuction.simulate(bidders, settings: settings).rounds
    }
}
