import ExactNumbers
import TenderModel

/// A bid as written: its price may be a total or unit-price lines resolved against the demand lines.
struct BidEntry {
    var bid: Bid
    /// `(demand reference, unit price, cursor)` lines to total once the projects are known.
    var unitPrices: [(String, Exact, Cursor)]
    var cursor: Cursor
}

enum BidsSection {
    static let keys = [
        "lot", "bidder", "price", "unit-prices", "offer", "declaration", "bond-paid", "signed", "submitted-at",
        "delivery-days", "marks", "explanation-accepted", "round", "conditions", "conditions-accepted", "evidence",
        "final-price",
    ]
    /// The collusion situations of Order 87 Art 37 an entered bid may record (`evidence`).
    static let evidenceKeys = CollusionSituation.allCases.map(\.rawValue)

    static func read(_ cursor: Cursor) -> [BidEntry] {
        (cursor.items(of: "bids") ?? []).compactMap(bid)
    }

    /// A price a bid may quote: more than 0 (a price of 0 would give every other bid a price score of 0 under
    /// low-price-first, base / price, and is no offer).
    static func positivePrice(_ cursor: Cursor) -> Exact? {
        guard let value = cursor.exact(atLeast: .zero, what: "a price") else { return nil }
        if value == .zero {
            cursor.error("expected a price > 0, found 0; a bid must quote a positive price")
            return nil
        }
        return value
    }

    static func bid(_ item: Cursor) -> BidEntry? {
        guard let map = item.mapping("a bid", keys: keys) else { return nil }
        let lot = map.required("lot", "the lot's id")?.identifier()
        let bidder = map.required("bidder", "the bidding supplier's id")?.identifier()
        let price = map.optional("price").flatMap(positivePrice)
        var lines: [(String, Exact, Cursor)] = []
        if let items = map.optional("unit-prices")?.items(of: "unit-price lines") {
            for line in items {
                guard let l = line.mapping("a unit-price line", keys: ["demand", "unit-price"]) else { continue }
                if let demand = l.required("demand", "the demand line, e.g. P01/D1")?.string(),
                    let unitPrice = l.required("unit-price", "the unit price").flatMap(positivePrice)
                {
                    lines.append((demand, unitPrice, line))
                }
            }
        }
        if map.has("price") == map.has("unit-prices") {
            map.cursor.error("expected exactly one of 'price' (the total) or 'unit-prices'")
        }
        var products: [String: Product] = [:]
        for (category, offer) in map.optional("offer")?.dictionary(of: "offered products by category id") ?? [] {
            if let m = offer.mapping("an offered product", keys: ProductReader.keys), let p = ProductReader.read(m) {
                products[category] = p
            }
        }
        let declaration = map.optional("declaration").flatMap(declaration) ?? SMEDeclaration.none
        var marks: [String: [Exact]] = [:]
        for (criterion, list) in map.optional("marks")?.dictionary(of: "expert marks by criterion id") ?? [] {
            guard let items = list.items(of: "marks, one per expert") else { continue }
            let values = items.compactMap { $0.exact(atLeast: .zero, what: "a mark") }
            if items.isEmpty { list.error("expected at least one expert's mark") }
            if values.count == items.count, !values.isEmpty { marks[criterion] = values }
        }
        var evidence: [CollusionSituation: String] = [:]
        if let e = map.optional("evidence")?.mapping("evidence of collusion (Order 87 Art 37)", keys: evidenceKeys) {
            for situation in CollusionSituation.allCases {
                if let value = e.optional(situation.rawValue)?.string() { evidence[situation] = value }
            }
        }
        let conditions = map.optional("conditions")?.string()
        let conditionsAccepted = map.optional("conditions-accepted")?.bool()
        if conditionsAccepted != nil && conditions == nil {
            map.cursor.error("'conditions-accepted' without 'conditions': expected the conditions attached to the bid")
        }
        guard let lot, let bidder else { return nil }
        var bid = Bid(
            lot: lot,
            bidder: bidder,
            price: price ?? .zero,
            products: products,
            declaration: declaration,
            bondPaid: map.optional("bond-paid")?.bool() ?? true,
            signed: map.optional("signed")?.bool() ?? true,
            submittedAt: map.optional("submitted-at")?.string() ?? "",
            deliveryDays: map.optional("delivery-days")?.integer(0...3650),
            marks: marks,
            explanationAccepted: map.optional("explanation-accepted")?.bool(),
            round: map.optional("round")?.integer(0...1000),
            finalPrice: map.optional("final-price").flatMap(positivePrice)
        )
        bid.conditions = conditions
        bid.conditionsAccepted = conditionsAccepted ?? false
        bid.evidence = evidence
        return BidEntry(bid: bid, unitPrices: lines, cursor: map.cursor)
    }

    static func declaration(_ cursor: Cursor) -> SMEDeclaration? {
        if case .scalar = cursor.node {
            guard let text = cursor.scalarText(expected: "none, small-micro or {consortium: share}") else { return nil }
            switch text {
            case "none": return SMEDeclaration.none
            case "small-micro": return .smallMicro
            default:
                cursor.error(
                    "expected none, small-micro or {consortium: share}, found '\(text)'"
                        + Suggestion.hint(for: text, in: ["none", "small-micro", "consortium"])
                )
                return nil
            }
        }
        guard let map = cursor.mapping("a consortium declaration", keys: ["consortium"]),
            let share = map.required("consortium", "the small/micro share of the contract, e.g. 35%")?.exact(
                atLeast: .zero,
                atMost: .one,
                what: "a share"
            )
        else { return nil }
        return .consortium(share: share)
    }
}
