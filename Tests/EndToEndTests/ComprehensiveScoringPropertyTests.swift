import ExactNumbers
import TenderEngine
import TenderModel
import Testing

/// With equal technical scores, comprehensive scoring always awards the lowest evaluated price.
@Suite struct ComprehensiveScoringPropertyTests {
    @Test func equalTechnicalScoresAwardTheLowestEvaluatedPrice() throws {
        var rng = RandomStream(seed: 2026)
        for trial in 0..<500 {
            let (scenario, lot, bids) = randomLot(&rng, trial: trial)
            let outcome = LotEvaluator.evaluate(
                lot,
                bids: bids,
                context: EvaluationContext(scenario),
                replication: trial
            )
            let valid = outcome.evaluations.filter(\.isValid)
            guard valid.count >= 3 else { continue }
            let lowest = valid.map(\.evaluatedPrice).min()!
            let winner = try #require(outcome.evaluations.first { $0.bid.bidder == outcome.winner })
            #expect(winner.evaluatedPrice == lowest, "trial \(trial)")
        }
    }

    func randomLot(_ rng: inout RandomStream, trial: Int) -> (Scenario, Lot, [Bid]) {
        let day = Day(year: 2023, month: 6, day: 30)!
        let category = Category(id: "concrete", name: "预拌混凝土", unit: "m3")
        let line = DemandLine(
            id: "D1",
            projectID: "P01",
            category: "concrete",
            spec: "C30",
            quantity: 1000,
            unit: "m3",
            deliveryFrom: day,
            deliveryTo: day,
            ceilingUnitPrice: 500
        )
        let sizes: [EnterpriseSize] = [.large, .medium, .small, .micro]
        let count = 3 + Int(rng.next() % 8)
        var suppliers: [Supplier] = []
        var bids: [Bid] = []
        for i in 0..<count {
            let size = sizes[Int(rng.next() % 4)]
            let id = "S\(i)"
            suppliers.append(
                Supplier(id: id, name: id, size: size, products: ["concrete": Product(brand: "b\(i)")])
            )
            // Prices 380,000.00 … 499,999.99 in cents, with deliberate repeats.
            let cents =
                38_000_000 + Int64(rng.next() % 12_000_000) / (trial % 3 == 0 ? 1_000_000 : 1)
                * (trial % 3 == 0 ? 1_000_000 : 1)
            let price = Exact(Int(cents)) * .percent(1)
            bids.append(
                Bid(
                    lot: "concrete",
                    bidder: id,
                    price: price,
                    declaration: size == .small || size == .micro ? .smallMicro : .none,
                    marks: ["tech": [50, 50]]
                )
            )
        }
        var policy = Policy()
        policy.evaluation.criteria = [Criterion(id: "tech", name: "technical", points: 70, source: .expertMarks)]
        policy.evaluation.abnormallyLow.explanationAccepted = true
        policy.sme.deduction = .percent([10, 15, 20][trial % 3])
        let meta = Meta(name: "property", fiscalYear: 2023, bidDate: day, seed: UInt64(trial))
        let project = Project(
            id: "P01",
            name: "p",
            buildingType: .hospital,
            district: "d",
            budget: 10_000_000,
            demands: [line]
        )
        let scenario = Scenario(
            meta: meta,
            catalogue: [category],
            projects: [project],
            suppliers: suppliers,
            policy: policy
        )
        return (scenario, Lot(id: "concrete", categories: ["concrete"], lines: [line], method: .openTender), bids)
    }
}
