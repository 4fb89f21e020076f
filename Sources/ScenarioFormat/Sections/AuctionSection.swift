import ExactNumbers
import TenderModel

/// `policy.auction`, `policy.pricing`, `policy.framework` and a supplier's `auction-strategy`
/// (Docs/auctions.md).
enum AuctionSection {
    static let auctionKeys = ["format", "min-step", "rounds", "strategy"]
    static let frameworkKeys = ["priority", "elimination", "term-months", "orders", "minimum-suppliers"]
    static let stepForms = ["share", "amount"]
    static let strategyScalars = ["drop-out-at-cost", "last-moment", "sealed"]

    static func readAuction(_ cursor: Cursor, into auction: inout AuctionPolicy) {
        guard let map = cursor.mapping("the reverse-auction rules", keys: auctionKeys) else { return }
        if let f = map.optional("format")?.choice(AuctionFormat.self) { auction.format = f }
        if let s = map.optional("min-step").flatMap(step) { auction.minimumStep = s }
        if let r = map.optional("rounds")?.integer(1...1000) { auction.rounds = r }
        if let s = map.optional("strategy").flatMap(strategy) { auction.strategy = s }
    }

    /// `{share: 0.5%}` (of the reference price) or `{amount: 100}` (yuan). A bare number is refused because
    /// `0.5%` and `0.005` are the same value: the form says which is meant.
    static func step(_ cursor: Cursor) -> AuctionStep? {
        if case .scalar = cursor.node {
            let shown = cursor.shown
            cursor.error(
                "expected {share: N} (a share of the reference price, e.g. 0.5%) or {amount: N} (yuan), "
                    + "found \(shown)"
            )
            return nil
        }
        guard let map = cursor.mapping("a minimal step", keys: stepForms) else { return nil }
        guard map.entries.count == 1, let form = map.entries.first?.key, let value = map.optional(form) else {
            map.cursor.error("expected exactly one of {share: N} or {amount: N}")
            return nil
        }
        if form == "share" {
            return value.exact(atLeast: .zero, atMost: .one, what: "a share").map(AuctionStep.share)
        }
        return value.exact(atLeast: .zero, what: "an amount in yuan").map(AuctionStep.amount)
    }

    /// `drop-out-at-cost`, `last-moment`, `sealed`, or `{jump: 2%}`.
    static func strategy(_ cursor: Cursor) -> AuctionStrategy? {
        if case .scalar = cursor.node {
            let expected = "drop-out-at-cost, last-moment, sealed or {jump: share}"
            guard let text = cursor.scalarText(expected: expected) else { return nil }
            switch text {
            case "drop-out-at-cost": return .dropOutAtCost
            case "last-moment": return .lastMoment
            case "sealed": return .sealed
            default:
                cursor.error(
                    "expected \(expected), found '\(text)'" + Suggestion.hint(for: text, in: strategyScalars + ["jump"])
                )
                return nil
            }
        }
        guard let map = cursor.mapping("an auction strategy", keys: ["jump"]),
            let share = map.required("jump", "the share of the best price to undercut by, e.g. 2%")?.exact(
                atLeast: .zero,
                atMost: .one,
                what: "a share"
            )
        else { return nil }
        return .jump(share)
    }

    static func readPricing(_ cursor: Cursor) -> PricingRule? {
        cursor.choice(PricingRule.self)
    }

    static func readFramework(_ cursor: Cursor, into framework: inout FrameworkPolicy) {
        guard let map = cursor.mapping("the framework-agreement rules", keys: frameworkKeys) else { return }
        if let p = map.optional("priority")?.choice(FrameworkPriority.self) { framework.priority = p }
        if let c = map.optional("elimination"), let e = c.exact(atLeast: .zero, atMost: .one, what: "a share") {
            framework.elimination = e
            if e < .percent(20) {
                c.warning(
                    "\(e.asPercent) is below the 20% elimination of 财政部令第110号 (closed framework agreements); "
                        + "accepted for study"
                )
            } else if e >= .one {
                c.warning("eliminating \(e.asPercent) of the offers leaves no shortlist; accepted for study")
            }
        }
        if let c = map.optional("term-months"), let m = c.integer(1...120) {
            framework.termMonths = m
            if m > 12 {
                c.warning(
                    "a goods framework agreement runs at most 1 year (财政部令第110号); found \(m) months, "
                        + "accepted for study"
                )
            }
        }
        if let o = map.optional("orders")?.choice(FrameworkOrderMode.self) { framework.orders = o }
        if let c = map.optional("minimum-suppliers"), let n = c.integer(1...100) {
            framework.minimumSuppliers = n
            if n < 2 {
                c.warning(
                    "财政部令第110号 needs at least 2 qualified suppliers at stage 1; found \(n), accepted for study"
                )
            }
        }
    }
}
