import ExactNumbers
import TenderModel

/// A supplier's response to a lot bought by auction or framework agreement: the bid it entered with, what
/// the reviews found, and its SME deduction.
struct Entrant {
    /// The entry (its products, declaration, bond, signature); for a generated bid, its sealed price.
    var bid: Bid
    var generated: GeneratedBid?
    var rejections: [Rejection]
    var deduction: Exact

    var admitted: Bool { rejections.isEmpty }
}

/// Runs a reverse-auction lot: admission (the reviews), the auction, the ranking and the award.
enum AuctionLot {
    /// The lot's explicit entries (rehearsal) in submission order: round (absent: `defaultRound`), then
    /// `submitted-at`, then file order.
    static func explicitEntries(_ lot: Lot, context: EvaluationContext, defaultRound: Int) -> [Bid] {
        context.scenario.bids.enumerated().filter { $0.element.lot == lot.id }.sorted {
            ($0.element.round ?? defaultRound, $0.element.submittedAt, $0.offset)
                < ($1.element.round ?? defaultRound, $1.element.submittedAt, $1.offset)
        }.map(\.element)
    }

    /// The admission of each bidder, in entry order: the qualification review and the conformity review
    /// (green clauses) of its first entry, reasons in `ignoring` left out, and its deduction.
    static func admit(
        _ bids: [Bid],
        generated: [GeneratedBid?],
        lot: Lot,
        context: EvaluationContext,
        ignoring: Set<Rejection.Reason>,
        audit: inout [String]
    ) -> [Entrant] {
        var seen = Set<String>()
        var entrants: [Entrant] = []
        for (bid, generatedBid) in zip(bids, generated) where seen.insert(bid.bidder).inserted {
            let rejections =
                (QualificationReview.review(bid, lot: lot, context: context)
                + ConformityReview.review(bid, lot: lot, ceiling: lot.ceiling, context: context))
                .filter { !ignoring.contains($0.reason) }
            let (deduction, note) = Deduction.rate(for: bid, lot: lot, context: context)
            if let note { audit.append(note) }
            entrants.append(Entrant(bid: bid, generated: generatedBid, rejections: rejections, deduction: deduction))
        }
        return entrants
    }

    /// The generated entries of a lot in entry order (submission time, then scenario order).
    static func generatedEntries(_ lot: Lot, context: EvaluationContext, streamReplication: Int) -> [GeneratedBid] {
        BidGenerator.bids(for: lot, context: context, replication: streamReplication).enumerated().sorted {
            ($0.element.bid.submittedAt, $0.offset) < ($1.element.bid.submittedAt, $1.offset)
        }.map(\.element)
    }

    static func evaluate(_ lot: Lot, context: EvaluationContext, streamReplication: Int) -> LotOutcome {
        let policy = context.policy.auction
        let settings = AuctionSettings(ceiling: lot.ceiling, step: policy.minimumStep, rounds: policy.roundLimit)
        var audit: [String] = []
        let record: AuctionRecord
        let entrants: [Entrant]
        if !context.scenario.bids.isEmpty {
            let defaultRound = policy.format == .eMall ? 1 : 0
            let entries = explicitEntries(lot, context: context, defaultRound: defaultRound)
            entrants = admit(
                entries,
                generated: entries.map { _ in nil },
                lot: lot,
                context: context,
                ignoring: [.aboveCeiling],
                audit: &audit
            )
            let refused = Dictionary(
                entrants.filter { !$0.admitted }.map { ($0.bid.bidder, Self.reasons($0.rejections)) },
                uniquingKeysWith: { first, _ in first }
            )
            let deductions = Dictionary(
                entrants.map { ($0.bid.bidder, $0.deduction) },
                uniquingKeysWith: { first, _ in first }
            )
            let moves = entries.map {
                ScheduledMove(
                    bidder: $0.bidder,
                    price: $0.price,
                    round: $0.round ?? defaultRound,
                    submittedAt: $0.submittedAt
                )
            }
            switch policy.format {
            case .eMall:
                record = ReverseAuction.replay(moves, deductions: deductions, refused: refused, settings: settings)
            case .prozorro:
                record = ProZorroAuction.replay(moves, deductions: deductions, refused: refused, settings: settings)
            }
        } else {
            let generated = generatedEntries(lot, context: context, streamReplication: streamReplication)
            entrants = admit(
                generated.map(\.bid),
                generated: generated,
                lot: lot,
                context: context,
                ignoring: [.aboveCeiling],
                audit: &audit
            )
            let bidders = entrants.filter(\.admitted).map { entrant in
                AuctionBidder(
                    id: entrant.bid.bidder,
                    deduction: entrant.deduction,
                    floor: entrant.generated?.cost ?? entrant.bid.price,
                    sealedPrice: entrant.bid.price,
                    strategy: context.suppliers[entrant.bid.bidder]?.auctionStrategy ?? policy.strategy
                )
            }
            switch policy.format {
            case .eMall: record = ReverseAuction.simulate(bidders, settings: settings)
            case .prozorro: record = ProZorroAuction.simulate(bidders, settings: settings)
            }
        }
        return outcome(lot, entrants: entrants, record: record, context: context, audit: audit)
    }

    static func reasons(_ rejections: [Rejection]) -> String {
        rejections.map { "\($0.reason.rawValue) (\($0.detail))" }.joined(separator: "; ")
    }

    /// Each admitted bidder's last accepted bid, ranked by evaluated price (then the earlier move); the
    /// refused entrants as rejected bids; fewer valid bidders than `minimum-valid-bids` (one brand counted
    /// once) and the lot fails.
    static func outcome(
        _ lot: Lot,
        entrants: [Entrant],
        record: AuctionRecord,
        context: EvaluationContext,
        audit: [String]
    ) -> LotOutcome {
        let evaluation = context.policy.evaluation
        var audit = audit
        var record = record
        let standings = record.standings
        let standingOf = Dictionary(standings.map { ($0.bidder, $0) }, uniquingKeysWith: { first, _ in first })
        var evaluations: [BidEvaluation] = []
        var silent: [String] = []
        for entrant in entrants {
            if !entrant.admitted {
                var e = BidEvaluation(bid: entrant.bid)
                e.rejections = entrant.rejections
                e.deduction = entrant.deduction
                e.evaluatedPrice = entrant.bid.price * (.one - entrant.deduction)
                evaluations.append(e)
            } else if let move = standingOf[entrant.bid.bidder] {
                var bid = entrant.bid
                bid.price = move.price
                bid.submittedAt = move.submittedAt
                bid.round = move.round
                var e = BidEvaluation(bid: bid)
                e.deduction = entrant.deduction
                e.evaluatedPrice = move.evaluatedPrice
                evaluations.append(e)
            } else {
                silent.append(entrant.bid.bidder)
            }
        }
        if !silent.isEmpty {
            record.notes.append("admitted without an accepted bid: " + silent.joined(separator: ", "))
        }
        let index = Dictionary(
            evaluations.enumerated().map { ($0.element.bid.bidder, $0.offset) },
            uniquingKeysWith: { first, _ in first }
        )
        let order = standings.compactMap { move in index[move.bidder].flatMap { evaluations[$0].isValid ? $0 : nil } }
        for (rank, i) in order.enumerated() { evaluations[i].rank = rank + 1 }
        // Brand groups numbered in rank order (the auction's bids carry no brand facts of their own).
        var groupOf: [String: Int] = [:]
        var groups = [Int](repeating: 0, count: evaluations.count)
        for i in order {
            let key = SameBrand.key(
                evaluations[i].bid,
                lot: lot,
                context: context,
                sameBrandRule: evaluation.sameBrandRule,
                index: i
            )
            groups[i] = groupOf[key] ?? groupOf.count
            groupOf[key] = groups[i]
        }
        let recommended = Award.recommended(
            order,
            evaluations: &evaluations,
            group: { groups[$0] },
            groupCount: groupOf.count,
            audit: &audit
        )
        if recommended.count < evaluation.minimumValidBids {
            return Award.failed(
                lot,
                evaluations: evaluations,
                failure: Award.tooFewValidBids(
                    recommended.count,
                    minimum: evaluation.minimumValidBids,
                    noun: "valid bidder",
                    when: "after the auction",
                    ground: "反向竞价 rules; GPL Art 36"
                ),
                audit: audit,
                auction: record
            )
        }
        return Award.outcome(
            lot,
            evaluations: evaluations,
            recommended: recommended,
            candidates: evaluation.candidates,
            audit: audit,
            auction: record
        )
    }
}
