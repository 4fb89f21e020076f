import ExactNumbers
import TenderEngine
import TenderModel

/// Checks that need the lot plan: what each lot's procurement method allows (Docs/rules.md, "Procedures").
extension ScenarioChecks {
    /// - A `final-price` only on a lot whose method takes final quotes (competitive negotiation and
    ///   consultation).
    /// - A single-source lot: one bidder when bids are entered; otherwise one named, known supplier for all
    ///   its categories.
    /// - Competitive consultation of goods: the price weight at most 60 % (财库〔2014〕214号 Art 24: 30 %–60 %;
    ///   below 30 % the general goods rule already warns); above it, a warning (accepted for study).
    func checkProcedures(_ plan: LotPlan, bids: [Bid]) {
        let lots = Dictionary(plan.lots.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var singleSourceBidder: [String: (bidder: String, index: Int)] = [:]
        for (index, bid) in bids.enumerated() {
            guard let lot = lots[bid.lot] else { continue }
            if bid.finalPrice != nil, !Procedure(lot.method).finalQuotes {
                error(
                    "bids[\(index)].final-price",
                    "lot '\(lot.id)' is bought by \(lot.method.label.en) (\(lot.method.rawValue)), which takes no "
                        + "final quote: \(Self.whyNoFinalQuote(lot.method)); expected no final-price"
                )
            }
            if lot.method == .singleSource {
                if let first = singleSourceBidder[lot.id], first.bidder != bid.bidder {
                    error(
                        "bids[\(index)].bidder",
                        "lot '\(lot.id)' is bought by single source: one supplier negotiates (财政部令第74号 ch. 4); "
                            + "'\(first.bidder)' already bid in bids[\(first.index)], found '\(bid.bidder)'"
                    )
                } else if singleSourceBidder[lot.id] == nil {
                    singleSourceBidder[lot.id] = (bid.bidder, index)
                }
            }
        }
        if bids.isEmpty { checkSingleSourceSuppliers(plan) }
        checkConsultationWeight(plan)
    }

    static func whyNoFinalQuote(_ method: ProcurementMethod) -> String {
        switch method {
        case .inquiry: return "an inquiry takes one price that cannot be changed (财政部令第74号 Art 45)"
        case .openTender: return "an open tender evaluates the sealed prices as opened, without negotiation"
        case .singleSource: return "a single-source price is the negotiated one; enter it as the price"
        case .reverseAuction, .frameworkAgreement: return "its own format takes moves, entered with a round"
        case .competitiveNegotiation, .competitiveConsultation: return "final quotes are taken"
        }
    }

    /// Generated single-source lots need their supplier: named in `policy.single-source.suppliers` for the
    /// lot's categories, the same for all of them, and a supplier of the scenario.
    func checkSingleSourceSuppliers(_ plan: LotPlan) {
        let known = Set(suppliers.map(\.id))
        for lot in plan.lots where lot.method == .singleSource {
            let named = Set(lot.categories.compactMap { policy.singleSource.suppliers[$0] })
            if named.isEmpty {
                error(
                    "policy.method-below-threshold",
                    "lot '\(lot.id)' (\(lot.categories.joined(separator: ", "))) is bought by single source; expected "
                        + "its supplier in policy.single-source.suppliers, e.g. {\(lot.categories[0]): S01}"
                )
            } else if named.count > 1 {
                error(
                    "policy.single-source.suppliers",
                    "lot '\(lot.id)' bundles categories named for different suppliers (\(named.sorted().joined(separator: ", "))); "
                        + "expected one supplier for a single-source lot"
                )
            }
        }
        for (category, id) in policy.singleSource.suppliers.sorted(by: { $0.key < $1.key }) where !known.contains(id) {
            error(
                "policy.single-source.suppliers.\(category)",
                "unknown supplier '\(id)'" + Suggestion.hint(for: id, in: suppliers.map(\.id))
            )
        }
    }

    /// 财库〔2014〕214号 Art 24: in a competitive consultation of goods the price weight is 30 %–60 % of the
    /// total points (services 10 %–30 %; the engine buys goods, and works lots are the scenario's choice).
    func checkConsultationWeight(_ plan: LotPlan) {
        let consulted =
            plan.lots.contains { $0.method == .competitiveConsultation && !$0.isWorks }
            || (policy.onFailure == .switchMethod && plan.lots.contains { !$0.isWorks })
        guard consulted else { return }
        let price = policy.evaluation.pricePoints
        let total = policy.evaluation.criteria.reduce(price) { $0 + $1.points }
        guard total > .zero, let weight = try? price / total else { return }
        // Below 30 % the Order 87 Art 55 warning on the price points already speaks for goods.
        if weight > .percent(60) {
            warning(
                "policy.evaluation.price-points",
                "competitive consultation of goods weighs price at 30%–60% of the points (财库〔2014〕214号 Art 24); "
                    + "found \(price) of \(total) (\(weight.asPercent)); accepted for study"
            )
        }
    }
}
