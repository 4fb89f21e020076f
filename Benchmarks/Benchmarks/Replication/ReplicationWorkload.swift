import ExactNumbers
import TenderEngine
import TenderModel

/// The side-by-side benchmark's model (`Scenarios/one-lot-uniform.yaml`), built in code: one project with one
/// demand line of quantity 1 and ceiling 200, one lot bought at the lowest price, five truthful suppliers whose
/// unit costs are drawn from uniform [80, 120]. The loader is not part of the benchmark package's API, so the
/// scenario is written out here; `verify` checks that a replication sees what the file describes.
struct ReplicationWorkload {
    static let bidders = 5
    let scenario: Scenario

    init() {
        let line = DemandLine(
            id: "D1",
            projectID: "P01",
            category: "concrete",
            spec: "C30",
            quantity: 1,
            unit: "m3",
            deliveryFrom: Day(iso: "2023-08-01")!,
            deliveryTo: Day(iso: "2023-09-01")!,
            ceilingUnitPrice: 200
        )
        let project = Project(
            id: "P01",
            name: "测试项目",
            buildingType: .hospital,
            district: "",
            budget: 1000,
            demands: [line]
        )
        let suppliers = (1...Self.bidders).map { number in
            Supplier(
                id: "S0\(number)",
                name: "供应商\(number)",
                size: .large,
                brands: ["B\(number)"],
                products: ["concrete": Product(brand: "B\(number)")],
                capacity: ["concrete": 1000],
                costs: ["concrete": .uniform(low: 80, high: 120)]
            )
        }
        var policy = Policy()
        policy.thresholds.decentralisedGoods = 0
        policy.thresholds.decentralisedWorks = 0
        policy.evaluation.method = .lowestPrice
        policy.evaluation.minimumValidBids = 1
        policy.evaluation.abnormallyLow.threshold = .percent(100)
        policy.onFailure = .none
        scenario = Scenario(
            meta: Meta(
                name: "one lot, lowest price, five uniform bidders",
                fiscalYear: 2023,
                bidDate: Day(iso: "2023-07-25")!,
                seed: 20_240_601
            ),
            catalogue: [Category(id: "concrete", name: "预拌混凝土", unit: "m3")],
            projects: [project],
            suppliers: suppliers,
            policy: policy
        )
    }

    /// Stops the run unless a replication plans one lot, receives five valid bids, awards the lot at a price
    /// between the cost bounds and settles the project: the benchmark measures the whole chain.
    func verify(_ context: EvaluationContext) {
        precondition(context.plan.lots.count == 1 && context.plan.excluded.isEmpty, "expected one lot")
        for replication in 0..<100 {
            let result = TenderRun.run(context, replication: replication)
            let lot = result.lotMetrics[0]
            precondition(lot.bids == Self.bidders && lot.validBids == Self.bidders, "expected 5 valid bids")
            let contract = lot.contract!
            precondition(contract >= 80 && contract <= 120, "contract \(contract) outside [80, 120]")
            precondition(result.metrics.payable == contract && result.metrics.projects == 1, "not settled")
        }
    }
}
