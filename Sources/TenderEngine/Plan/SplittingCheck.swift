import ExactNumbers
import TenderModel

/// The splitting check (化整为零, Docs/rules.md §3).
///
/// For each category, the lots of the plan that carry it and are bought by a non-open method are taken
/// together; the category's amount in them is the ceiling amount of its own lines (a bundle counts only the
/// category's part). If there are at least two such lots and the amount reaches the open-tender threshold
/// (`openTenderWorks` when all those lots are works, else `openTenderGoods`), the plan is flagged. Lines
/// excluded from the batch are bought by the projects under their own budgets and are not counted. Flags
/// come in catalogue order (categories missing from the catalogue last, by id), lot ids in plan order.
public enum SplittingCheck {
    /// The splitting flags of `lots` (in plan order).
    ///
    /// - Complexity: O(n) in the number of demand lines of the lots.
    public static func flags(lots: [Lot], catalogue: [Category], thresholds: Thresholds) -> [SplittingFlag] {
        var byCategory: [String: [(lot: Int, amount: Exact)]] = [:]
        for (index, lot) in lots.enumerated() where lot.method != .openTender {
            var amounts: [String: Exact] = [:]
            for line in lot.lines { amounts[line.category, default: .zero] += line.ceilingAmount }
            for category in lot.categories {
                guard let amount = amounts[category] else { continue }
                byCategory[category, default: []].append((index, amount))
            }
        }
        var ranks: [String: Int] = [:]
        for (rank, category) in catalogue.enumerated() where ranks[category.id] == nil { ranks[category.id] = rank }
        let categories = byCategory.keys.sorted { a, b in
            (ranks[a] ?? Int.max, a) < (ranks[b] ?? Int.max, b)
        }
        var flags: [SplittingFlag] = []
        for category in categories {
            guard let parts = byCategory[category], parts.count >= 2 else { continue }
            let total = parts.map(\.amount).sum()
            let works = parts.allSatisfy { lots[$0.lot].isWorks }
            let threshold = works ? thresholds.openTenderWorks : thresholds.openTenderGoods
            if total >= threshold {
                flags.append(
                    SplittingFlag(
                        category: category,
                        lots: parts.map { lots[$0.lot].id },
                        total: total,
                        threshold: threshold
                    )
                )
            }
        }
        return flags
    }
}
