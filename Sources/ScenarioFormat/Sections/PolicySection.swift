import ExactNumbers
import TenderModel

enum PolicySection {
    static let keys = [
        "thresholds", "method-below-threshold", "lotting", "sme", "evaluation", "green-rule", "optional-coverage",
        "on-failure", "auction", "pricing", "framework", "final-quote", "single-source", "optional-kinds",
        "procurement-cost", "equilibrium",
    ]

    static func read(_ cursor: Cursor) -> Policy {
        var policy = Policy()
        guard let map = cursor.mapping("the policy", keys: keys) else { return policy }
        if let t = map.optional("thresholds")?.mapping("thresholds", keys: thresholdKeys) {
            amount(t, "decentralised-goods", &policy.thresholds.decentralisedGoods)
            amount(t, "decentralised-works", &policy.thresholds.decentralisedWorks)
            amount(t, "open-tender-goods", &policy.thresholds.openTenderGoods)
            amount(t, "open-tender-works", &policy.thresholds.openTenderWorks)
        }
        if let m = map.optional("method-below-threshold")?.choice(ProcurementMethod.self) {
            policy.methodBelowThreshold = m
        }
        if let l = map.optional("lotting")?.mapping("the lotting rules", keys: lottingKeys) {
            if let s = l.optional("strategy")?.choice(LotStrategy.self) { policy.lotting.strategy = s }
            policy.lotting.valueCap = l.optional("value-cap")?.exact(atLeast: .one, what: "a lot value cap")
            policy.lotting.bundleBelow = l.optional("bundle-below")?.exact(atLeast: .zero, what: "an amount")
            if let r = l.optional("sme-reserve")?.bool() { policy.lotting.smeReserve = r }
        }
        if let s = map.optional("sme")?.mapping("the SME rules", keys: smeKeys) {
            readSME(s, &policy.sme)
        }
        if let e = map.optional("evaluation") {
            EvaluationSection.read(e, into: &policy.evaluation)
        }
        if let g = map.optional("green-rule")?.choice(GreenRule.self) { policy.greenRule = g }
        if let c = map.optional("optional-coverage")?.exact(atLeast: .zero, atMost: .one, what: "a share") {
            policy.optionalCoverage = c
        }
        if let k = map.optional("optional-kinds").flatMap(OptionalKindsKey.read) { policy.optionalKinds = k }
        if let f = map.optional("on-failure")?.choice(FailurePolicy.self) { policy.onFailure = f }
        if let a = map.optional("auction") { AuctionSection.readAuction(a, into: &policy.auction) }
        if let p = map.optional("pricing").flatMap(AuctionSection.readPricing) { policy.pricing = p }
        if let f = map.optional("framework") { AuctionSection.readFramework(f, into: &policy.framework) }
        if let f = map.optional("final-quote") { readFinalQuote(f, into: &policy.finalQuote) }
        amount(map, "procurement-cost", &policy.procurementCost)
        if let s = map.optional("single-source") { readSingleSource(s, into: &policy.singleSource) }
        if let e = map.optional("equilibrium") { readEquilibrium(e, into: &policy.equilibrium) }
        return policy
    }

    static let equilibriumKeys = ["method", "bidders", "grid", "tolerance", "preparation-cost"]

    /// `equilibrium: {method: solved, bidders: all, grid: 61, tolerance: 2%, preparation-cost: 20000}`: how
    /// suppliers of `behaviour: equilibrium` (with `bidders: all`, every eligible supplier) bid
    /// (Docs/behaviour.md).
    static func readEquilibrium(_ cursor: Cursor, into equilibrium: inout EquilibriumPolicy) {
        guard let map = cursor.mapping("the equilibrium settings", keys: equilibriumKeys) else { return }
        if let m = map.optional("method")?.choice(EquilibriumPolicy.Method.self) { equilibrium.method = m }
        if let b = map.optional("bidders")?.choice(EquilibriumPolicy.Bidders.self) { equilibrium.bidders = b }
        if let g = map.optional("grid")?.integer(41...401) { equilibrium.grid = g }
        if let t = map.optional("tolerance") {
            if let v = t.exact(atLeast: .zero, atMost: .one, what: "a share of expected profit") {
                if v.isZero || v == .one {
                    t.error("expected a share of expected profit above 0% and below 100%, found \(v.asPercent)")
                } else {
                    equilibrium.tolerance = v
                }
            }
        }
        amount(map, "preparation-cost", &equilibrium.preparationCost)
    }

    static let finalQuoteKeys = ["concession"]
    static let singleSourceKeys = ["suppliers", "purchaser-share"]

    /// `final-quote: {concession: 5%}` or `{concession: {low: 0%, high: 10%}}`: the share of its margin over
    /// cost a generated bidder gives up in its final quote.
    static func readFinalQuote(_ cursor: Cursor, into finalQuote: inout FinalQuotePolicy) {
        guard let map = cursor.mapping("the final-quote rules", keys: finalQuoteKeys),
            let c = map.optional("concession")
        else { return }
        if case .scalar = c.node {
            guard let v = c.exact(atLeast: .zero, atMost: .one, what: "a share of the margin") else { return }
            finalQuote.concessionLow = v
            finalQuote.concessionHigh = v
            return
        }
        guard let range = c.mapping("a concession range", keys: ["low", "high"]),
            let low = range.required("low", "the smallest concession, e.g. 0%")?.exact(
                atLeast: .zero,
                atMost: .one,
                what: "a share of the margin"
            ),
            let high = range.required("high", "the largest concession, e.g. 10%")?.exact(
                atLeast: .zero,
                atMost: .one,
                what: "a share of the margin"
            )
        else { return }
        if low > high {
            c.error("expected low ≤ high, found \(low.asPercent) > \(high.asPercent)")
            return
        }
        finalQuote.concessionLow = low
        finalQuote.concessionHigh = high
    }

    /// `single-source: {suppliers: {concrete: S01}, purchaser-share: 50%}`.
    static func readSingleSource(_ cursor: Cursor, into singleSource: inout SingleSourcePolicy) {
        guard let map = cursor.mapping("the single-source rules", keys: singleSourceKeys) else { return }
        for (category, value) in map.optional("suppliers")?.dictionary(of: "the supplier id per category id") ?? [] {
            if let id = value.identifier() { singleSource.suppliers[category] = id }
        }
        if let c = map.optional("purchaser-share"),
            let v = c.exact(atLeast: .zero, atMost: .one, what: "the purchaser's share of the surplus")
        {
            singleSource.purchaserShare = v
        }
    }

    static let thresholdKeys = ["decentralised-goods", "decentralised-works", "open-tender-goods", "open-tender-works"]
    static let lottingKeys = ["strategy", "value-cap", "bundle-below", "sme-reserve"]
    static let smeKeys = [
        "deduction", "consortium-deduction", "consortium-minimum-share", "works-deduction",
        "works-consortium-deduction", "whole-reserve-goods", "whole-reserve-works", "reserve-share-goods",
        "reserve-share-works", "small-micro-share-of-reserve", "reserve-rule",
    ]

    static func amount(_ map: MappingCursor, _ key: String, _ target: inout Exact) {
        if let v = map.optional(key)?.exact(atLeast: .zero, what: "an amount in yuan") { target = v }
    }

    /// A rate in [0, 1]; outside `legal` it is accepted with a warning, so researchers can study it.
    static func rate(
        _ map: MappingCursor,
        _ key: String,
        _ target: inout Exact,
        legal: ClosedRange<Int>? = nil,
        source: String = ""
    ) {
        guard let c = map.optional(key), let v = c.exact(atLeast: .zero, atMost: .one, what: "a rate") else { return }
        target = v
        if let legal, v < .percent(legal.lowerBound) || v > .percent(legal.upperBound) {
            c.warning(
                "\(v.asPercent) is outside the legal range \(legal.lowerBound)%–\(legal.upperBound)% (\(source)); "
                    + "accepted for study"
            )
        }
    }

    static func readSME(_ s: MappingCursor, _ sme: inout SMEPolicy) {
        rate(s, "deduction", &sme.deduction, legal: 10...20, source: "财库〔2022〕19号")
        rate(s, "consortium-deduction", &sme.consortiumDeduction, legal: 4...6, source: "财库〔2022〕19号")
        rate(s, "consortium-minimum-share", &sme.consortiumMinimumShare)
        rate(s, "works-deduction", &sme.worksDeduction, legal: 3...5, source: "财库〔2022〕19号")
        rate(s, "works-consortium-deduction", &sme.worksConsortiumDeduction, legal: 1...2, source: "财库〔2022〕19号")
        amount(s, "whole-reserve-goods", &sme.wholeReserveGoods)
        amount(s, "whole-reserve-works", &sme.wholeReserveWorks)
        rate(s, "reserve-share-goods", &sme.reserveShareGoods, legal: 30...100, source: "财库〔2022〕19号")
        rate(s, "reserve-share-works", &sme.reserveShareWorks, legal: 40...100, source: "财库〔2022〕19号")
        rate(s, "small-micro-share-of-reserve", &sme.smallMicroShareOfReserve, legal: 60...100, source: "财库〔2020〕46号")
        if let r = s.optional("reserve-rule")?.choice(ReserveRule.self) { sme.reserveRule = r }
    }
}

extension Exact {
    /// `0.125` → `12.5%`.
    var asPercent: String { (self * .hundred).description + "%" }
}
