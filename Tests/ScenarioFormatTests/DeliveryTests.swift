import ExactNumbers
import ScenarioFormat
import TenderEngine
import TenderModel
import Testing

/// Transport costs and delivery radii (`offers.<category>.transport-cost`, `delivery-radius`, the supplier's
/// `distances`; Docs/planning.md), on the bundled teaching scenario `planning-two-districts.yaml`: plants of
/// 东区 and 西区, 60 km apart, deliver concrete within 30 km at 0.5 yuan a m³ and km.
@Suite struct DeliveryTests {
    static let file = "planning-two-districts.yaml"

    static func load(_ overrides: [(String, String)]) throws -> Scenario {
        let result = ScenarioLoader().load(BundledScenarioTests.path(file), overrides: overrides)
        #expect(result.errors.isEmpty, "\(result.errors.map(\.description))")
        return try #require(result.scenario)
    }

    static func contracts(_ scenario: Scenario) -> [String: Exact?] {
        Dictionary(uniqueKeysWithValues: TenderRun.run(scenario).outcomes.map { ($0.lot.id, $0.contractPrice) })
    }

    /// By district, each concrete lot gets its three local plants: 东区's cheapest costs 400 + 0.5 × 10 km = 405
    /// a m³, 10,000 m³: 4,050,000; 西区's 405 + 0.5 × 10 = 410, 9,000 m³: 3,690,000. The 60-km plants are beyond
    /// their 30-km radius.
    @Test func transportIsAddedToTheCostAndTheRadiusKeepsPlantsLocal() throws {
        let scenario = try Self.load([("policy.lotting.strategy", "category-region")])
        let contracts = Self.contracts(scenario)
        #expect(contracts["concrete@东区"] == 4_050_000)
        #expect(contracts["concrete@西区"] == 3_690_000)
        let bidders = TenderRun.run(scenario).outcomes.first { $0.lot.id == "concrete@东区" }?.evaluations.map(
            \.bid.bidder
        )
        #expect(bidders == ["E1", "E2", "E3"])
    }

    /// Without the transport cost the plant bids its bare cost: 400 × 10,000 = 4,000,000.
    @Test func withoutTheTransportCostTheBidFalls() throws {
        let scenario = try Self.load([
            ("policy.lotting.strategy", "category-region"),
            ("suppliers[E1].offers.concrete.transport-cost", "~"),
        ])
        #expect(Self.contracts(scenario)["concrete@东区"] == 4_000_000)
    }

    /// Pooled across both districts, no plant reaches every line: the concrete lot has no bidder and fails; with
    /// a 60-km radius the plants bid again, and the lot goes to E1 at 400 + 0.5 × (10 × 10,000 + 60 × 9,000) /
    /// 19,000 = 400 + 0.5 × 33.684… = 416.842… → 416.84 a m³, 19,000 m³: 7,919,960.
    @Test func aPooledLotBeyondTheRadiusFailsAndAWiderRadiusBuysIt() throws {
        let pooled = try Self.load([])
        let outcome = try #require(TenderRun.run(pooled).outcomes.first { $0.lot.id == "concrete" })
        #expect(outcome.contractPrice == nil)
        #expect(outcome.evaluations.isEmpty)
        let overrides = ["E1", "E2", "E3", "W1", "W2", "W3"].map {
            ("suppliers[\($0)].offers.concrete.delivery-radius", "60")
        }
        #expect(Self.contracts(try Self.load(overrides))["concrete"] == 7_919_960)
    }

    @Test func aMissingDistanceIsAPositionedError() {
        let result = ScenarioLoader().load(
            BundledScenarioTests.path(Self.file),
            overrides: [("suppliers[E1].distances", "{东区: 10}")]
        )
        #expect(result.scenario == nil)
        #expect(
            result.errors.map(\.description).contains {
                $0.hasSuffix(
                    "error: suppliers[E1].offers.concrete.transport-cost: no distance from E1 to district '西区'; "
                        + "list it in suppliers[E1].distances, e.g. distances: {西区: 25}"
                )
            },
            "\(result.errors.map(\.description))"
        )
    }

    @Test func aProjectWithoutADistrictIsAnError() {
        let result = ScenarioLoader().load(
            BundledScenarioTests.path(Self.file),
            overrides: [("projects[P02].district", "~")]
        )
        #expect(
            result.errors.map(\.description).contains {
                $0.contains(
                    "error: suppliers[E1].offers.concrete.transport-cost: a transport cost or a delivery radius needs "
                        + "the district of every project that buys concrete; P02 name none (projects[P02].district)"
                )
            },
            "\(result.errors.map(\.description))"
        )
    }

    @Test func aNegativeRadiusIsAnError() {
        let result = ScenarioLoader().load(
            BundledScenarioTests.path(Self.file),
            overrides: [("suppliers[W1].offers.concrete.delivery-radius", "-5")]
        )
        #expect(
            result.errors.map(\.description).contains {
                $0.contains(
                    "suppliers[W1].offers.concrete.delivery-radius: expected a delivery radius in km ≥ 0, found -5"
                )
            },
            "\(result.errors.map(\.description))"
        )
    }
}
