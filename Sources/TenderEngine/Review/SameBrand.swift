import ExactNumbers
import TenderModel

/// Order 87 Art 31: bids offering the same brand count as one.
///
/// A bid's brand key is the brands of its products for the lot's categories, in lot order, joined by `+`
/// (`?<bidder>` for a category it offers no product for). Bids with equal keys form one group; when the rule
/// is off, every bid is a group of its own.
struct SameBrand {
    /// A brand key as the grouping compares it: the brand's number when the bid offers one registered
    /// brand's product, else the key's text.
    ///
    /// A brand has a number exactly when a registered product has it (``FactIndex/brands``, which finds a
    /// brand however its text is encoded), except a brand starting with `?`, kept as text so that it meets the
    /// `?<bidder>` keys as text (``ProductFacts/brandNumber``): two keys are equal exactly when their texts are.
    enum Key: Equatable {
        /// A registered brand's number, and the brand as this bid's product spells it (for the record).
        case number(Int, spelling: String)
        case text(String)

        /// The key's text, as the bid's products spell it.
        var text: String {
            switch self {
            case .number(_, let spelling): spelling
            case .text(let text): text
            }
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            switch (lhs, rhs) {
            case (.number(let l, _), .number(let r, _)): l == r
            case (.text(let l), .text(let r)): l == r
            default: false
            }
        }
    }

    /// Per bid: its group, numbered from 0 in order of first appearance; empty when every bid is a group of its
    /// own (``group(of:)``).
    private let groups: [Int]
    /// The number of groups.
    let groupCount: Int
    /// Whether every bid is a group of its own (the rule is off, or no two bids share a brand key): the usual
    /// case, which allocates nothing.
    let isEveryBidItsOwnGroup: Bool
    /// Per bid: its brand key; empty when the rule is off or every bid is a group of its own.
    private let keys: [Key]

    /// The groups of bids whose brand keys are `keys`, or of `count` bids when the rule is off (`keys` empty).
    init(keys: [Key], count: Int, rule: Bool) {
        // A lot draws tens of bids: comparing a key (mostly a number) with the earlier ones costs less than
        // hashing it.
        func firstEqual(before index: Int) -> Int? {
            for earlier in 0..<index where keys[earlier] == keys[index] { return earlier }
            return nil
        }
        guard rule, keys.indices.contains(where: { firstEqual(before: $0) != nil }) else {
            // Nothing reads the keys of bids that are each a group of their own (``keepLowest(_:)`` keeps them
            // all): the caller's list is not held.
            self.keys = []
            groups = []
            groupCount = count
            isEveryBidItsOwnGroup = true
            return
        }
        self.keys = keys
        var groups: [Int] = []
        groups.reserveCapacity(keys.count)
        var groupCount = 0
        for index in keys.indices {
            if let earlier = firstEqual(before: index) {
                groups.append(groups[earlier])
            } else {
                groups.append(groupCount)
                groupCount += 1
            }
        }
        self.groups = groups
        self.groupCount = groupCount
        isEveryBidItsOwnGroup = false
    }

    /// The group of bid `index`.
    func group(of index: Int) -> Int { isEveryBidItsOwnGroup ? index : groups[index] }

    /// The brand key of `bid` (the bid's index when the rule is off).
    static func key(_ bid: Bid, lot: Lot, context: EvaluationContext, sameBrandRule: Bool, index: Int) -> String {
        guard sameBrandRule else { return "#\(index)" }
        var products: [ProductFacts?] = []
        context.lotFacts(for: lot).products(of: bid, supplier: context.supplierFacts(bid.bidder), into: &products)
        return key(products, bidder: bid.bidder)
    }

    /// The brand key of a bid by `bidder` offering `products` (one per category of the lot, in lot order), as
    /// the grouping compares it.
    static func numberedKey(_ products: [ProductFacts?], bidder: String) -> Key {
        if products.count == 1, let product = products[0], let number = product.brandNumber {
            return .number(number, spelling: product.product.brand)
        }
        return .text(key(products, bidder: bidder))
    }

    /// The brand key of a bid by `bidder` offering `products` (one per category of the lot, in lot order).
    static func key(_ products: [ProductFacts?], bidder: String) -> String {
        if products.count == 1 { return products[0]?.product.brand ?? "?\(bidder)" }
        var key = ""
        for position in products.indices {
            if position > 0 { key += "+" }
            key += products[position]?.product.brand ?? "?\(bidder)"
        }
        return key
    }

    /// The number of groups among the valid bids.
    func validGroupCount(_ evaluations: [BidEvaluation]) -> Int {
        if isEveryBidItsOwnGroup {
            var count = 0
            for index in evaluations.indices where evaluations[index].isValid { count += 1 }
            return count
        }
        var seen = [Bool](repeating: false, count: groupCount)
        var count = 0
        for index in evaluations.indices where evaluations[index].isValid && !seen[group(of: index)] {
            seen[group(of: index)] = true
            count += 1
        }
        return count
    }

    /// Lowest price: of the valid bids of one group, only the lowest price (then the earliest received) is
    /// evaluated; the others are rejected.
    func keepLowest(_ evaluations: inout [BidEvaluation]) {
        if isEveryBidItsOwnGroup { return }
        var best = [Int?](repeating: nil, count: groupCount)
        for index in evaluations.indices where evaluations[index].isValid {
            let group = self.group(of: index)
            guard let other = best[group] else {
                best[group] = index
                continue
            }
            let keepNew = evaluations[index].bid.price < evaluations[other].bid.price
            let loser = keepNew ? other : index
            if keepNew { best[group] = index }
            evaluations[loser].rejections.append(
                Rejection(
                    .sameBrand,
                    ground: "Order 87 Art 31",
                    detail: "brand \(keys[index].text) also offered at a lower price"
                )
            )
        }
    }
}
