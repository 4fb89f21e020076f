import ExactNumbers
import TenderEngine
import TenderModel

/// One ready-mix concrete lot and 100 sets of 10 sealed bids on it, built in code and deterministic.
///
/// The category has 3 green clauses (a certificate of at least 2 stars, recycled content at least 30%,
/// radioactivity index at most 1.0); the 10 suppliers each register one product that meets them. Scoring
/// is comprehensive: 60 price points (low price first) and one 10-point criterion by bands of the
/// certificate star. Two suppliers are small enterprises and declare it (10% price deduction). Every bid is
/// valid, so every bid is reviewed, scored and ranked.
struct EvaluationWorkload {
    /// Bids per lot.
    static let bidsPerLot = 10
    /// Bid sets per benchmark iteration: 100 × 10 = 1,000 bids, so the scaling factor is `.kilo`.
    static let lotsPerIteration = 100

    let scenario: Scenario
    let lot: Lot
    /// `lotsPerIteration` sets of `bidsPerLot` bids each.
    let bidSets: [[Bid]]

    init(seed: UInt64 = 0x5EED_B1D5) {
        let bidDate = Day(year: 2024, month: 6, day: 28)!
        let category = Category(
            id: "concrete",
            name: "预拌混凝土",
            unit: "m3",
            clauses: [
                GreenClause(id: "C-1", text: "绿色建材产品认证二星级及以上", minimumStar: 2),
                GreenClause(
                    id: "C-2",
                    text: "再生骨料掺量不低于30%",
                    limits: [AttributeLimit(attribute: "recycled-content", comparison: .atLeast, value: .percent(30))]
                ),
                GreenClause(
                    id: "C-3",
                    text: "放射性内照射指数不大于1.0",
                    limits: [AttributeLimit(attribute: "radioactivity-index", comparison: .atMost, value: 1)]
                ),
            ]
        )
        var random = RandomStream(seed: seed)
        let suppliers = (1...Self.bidsPerLot).map { number in
            Supplier(
                id: "S\(number)",
                name: "供应商\(number)",
                size: number <= 2 ? .small : .medium,
                brands: ["brand-\(number)"],
                products: [
                    "concrete": Product(
                        brand: "brand-\(number)",
                        certificate: Certificate(star: number % 3 == 0 ? 3 : 2, validUntil: Day(iso: "2026-12-31")!),
                        attributes: [
                            "recycled-content": Exact.percent(30 + Int.random(in: 0...15, using: &random)),
                            "radioactivity-index": try! Exact(parsing: "0.\(Int.random(in: 60...95, using: &random))"),
                        ]
                    )
                ],
                capacity: ["concrete": 100_000]
            )
        }
        let lines = (1...4).map { number in
            DemandLine(
                id: "D\(number)",
                projectID: "P\(number)",
                category: "concrete",
                spec: "C30",
                quantity: Exact(2_000 + 500 * number),
                unit: "m3",
                deliveryFrom: Day(iso: "2024-08-01")!,
                deliveryTo: Day(iso: "2024-12-31")!,
                ceilingUnitPrice: try! Exact(parsing: "48\(number).50")
            )
        }
        lot = Lot(id: "concrete", categories: ["concrete"], lines: lines, method: .openTender)

        var policy = Policy()
        policy.evaluation.method = .comprehensive
        policy.evaluation.pricePoints = 60
        policy.evaluation.criteria = [
            Criterion(
                id: "green-star",
                name: "绿色建材星级",
                points: 10,
                source: .bands(
                    attribute: "star",
                    bands: [Band(min: 3, points: 10), Band(min: 2, max: 2, points: 6)]
                )
            )
        ]
        scenario = Scenario(
            meta: Meta(name: "engine benchmark", fiscalYear: 2024, bidDate: bidDate, seed: seed),
            catalogue: [category],
            projects: [],
            suppliers: suppliers,
            policy: policy
        )

        // Bids between 86% and 99% of the ceiling, in cents: a realistic spread that never trips the
        // abnormally-low rule (20% below the mean of the others).
        let ceilingCents = lot.lines.map { line in line.quantity * line.ceilingUnitPrice }.sum() * 100
        let ceilingCentsText = ceilingCents.rounded(places: 0, mode: .towardZero).description
        let ceiling = Int(ceilingCentsText)!
        bidSets = (0..<Self.lotsPerIteration).map { _ in
            suppliers.enumerated().map { index, supplier in
                let cents = ceiling / 100 * Int.random(in: 8_600...9_900, using: &random) / 100
                return Bid(
                    lot: "concrete",
                    bidder: supplier.id,
                    price: try! Exact(numerator: cents, denominator: 100),
                    declaration: supplier.size == .small ? .smallMicro : .none,
                    submittedAt: "2024-06-28T09:\(10 + index):00"
                )
            }
        }
    }
}
