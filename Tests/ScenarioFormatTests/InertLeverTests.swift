import ScenarioFormat
import TenderEngine
import TenderModel
import Testing

/// No inert lever: every documented policy key, changed on a bundled scenario where it should matter, changes
/// what the engine does. A key that cannot matter on any bundled scenario is listed in `cannotMatter` with
/// the reason. A new policy key fails `everyPolicyKeyIsTriedOrExplained` until it gets a case here.
@Suite struct InertLeverTests {
    /// A change to try: on `file` (with `context` overrides applied to both sides, to put the scenario where
    /// the key acts), set `key` to `value`; some replication among the first `replications` must differ.
    struct Lever: CustomStringConvertible, Sendable {
        let key: String
        let value: String
        var file = "daqing-2023.yaml"
        var variant: String? = nil
        var context: [(String, String)] = []
        var replications = 1
        /// Overrides applied with the change, to keep the changed scenario valid (price points and criteria
        /// points must sum to 100).
        var also: [(String, String)] = []

        var description: String { "\(key) = \(value) on \(file)" }
    }

    static let levers: [Lever] = [
        Lever(key: "policy.thresholds.decentralised-goods", value: "3000000"),
        Lever(key: "policy.thresholds.open-tender-goods", value: "2000000"),
        Lever(key: "policy.thresholds.decentralised-works", value: "50000000"),
        Lever(key: "policy.thresholds.open-tender-works", value: "50000000"),
        Lever(key: "policy.sme.consortium-deduction", value: "6%", file: "yinchuan-2023.yaml"),
        Lever(key: "policy.sme.consortium-minimum-share", value: "90%", file: "yinchuan-2023.yaml"),
        Lever(key: "policy.sme.works-deduction", value: "5%", replications: 5),
        // Yinchuan's consortium S34 bids on membrane; every project under the Tendering Law makes it a works lot.
        Lever(
            key: "policy.sme.works-consortium-deduction",
            value: "2%",
            file: "yinchuan-2023.yaml",
            context: (1...8).map { ("projects[P0\($0)].regime", "tendering-law-works") }
        ),
        Lever(
            key: "policy.sme.whole-reserve-works",
            value: "1000000",
            context: [("policy.lotting.sme-reserve", "true"), ("policy.sme.reserve-share-works", "0%")]
        ),
        Lever(
            key: "policy.sme.reserve-share-works",
            value: "0%",
            context: [("policy.lotting.sme-reserve", "true"), ("policy.sme.whole-reserve-works", "1000000")]
        ),
        Lever(
            key: "policy.sme.small-micro-share-of-reserve",
            value: "5%",
            file: "yinchuan-2023.yaml",
            context: [("policy.lotting.sme-reserve", "true")]
        ),
        Lever(
            key: "policy.sme.reserve-rule",
            value: "smallest-first",
            context: [("policy.lotting.sme-reserve", "true")]
        ),
        Lever(key: "policy.evaluation.collusion-detection", value: "100%", file: "yinchuan-2023.yaml"),
        Lever(key: "policy.green-rule", value: "\"2025\"", file: "yinchuan-2023.yaml"),
        Lever(
            key: "policy.optional-coverage",
            value: "100%",
            file: "yinchuan-2023.yaml",
            context: [("policy.green-rule", "\"2025\"")]
        ),
        Lever(
            key: "policy.optional-kinds",
            value: "all",
            file: "yinchuan-2023.yaml",
            context: [("policy.green-rule", "\"2025\"")]
        ),
        Lever(key: "policy.method-below-threshold", value: "inquiry"),
        Lever(key: "policy.lotting.strategy", value: "category-region"),
        Lever(key: "policy.lotting.value-cap", value: "10000000"),
        Lever(key: "policy.lotting.bundle-below", value: "3000000"),
        Lever(key: "policy.lotting.sme-reserve", value: "true", file: "yinchuan-2023.yaml"),
        Lever(key: "policy.sme.deduction", value: "20%", replications: 5),
        Lever(
            key: "policy.sme.whole-reserve-goods",
            value: "7000000",
            context: [("policy.lotting.sme-reserve", "true")]
        ),
        Lever(
            key: "policy.sme.reserve-share-goods",
            value: "100%",
            context: [("policy.lotting.sme-reserve", "true")]
        ),
        Lever(key: "policy.evaluation.method", value: "lowest-price"),
        Lever(
            key: "policy.evaluation.price-formula",
            value: "{deviation-from-average: {above: 1, below: 0.5}}",
            file: "yinchuan-2023.yaml"
        ),
        Lever(
            key: "policy.evaluation.price-points",
            value: "60",
            also: [
                ("policy.evaluation.criteria[green-star].points", "25"),
                (
                    "policy.evaluation.criteria[green-star].bands",
                    "[{min: 3, points: 25}, {min: 2, points: 17}, {min: 1, points: 8}]"
                ),
                ("policy.evaluation.criteria[delivery].points", "15"),
                (
                    "policy.evaluation.criteria[delivery].bands",
                    "[{max: 2, points: 15}, {max: 5, points: 10}, {max: 10, points: 6}]"
                ),
            ]
        ),
        Lever(
            key: "policy.evaluation.criteria",
            value: "[{id: green-star, name: 星级, points: 50, attribute: star, "
                + "bands: [{min: 3, points: 50}, {min: 2, points: 30}]}]"
        ),
        Lever(key: "policy.evaluation.rounding.places", value: "0"),
        Lever(key: "policy.evaluation.rounding.mode", value: "toward-zero"),
        Lever(key: "policy.evaluation.rounding.stage", value: "price-score"),
        Lever(
            key: "policy.evaluation.abnormally-low.threshold",
            value: "5%",
            file: "changchun-2024.yaml",
            replications: 5
        ),
        Lever(
            key: "policy.evaluation.abnormally-low.explanation-accepted",
            value: "true",
            file: "changchun-2024.yaml",
            context: [("policy.evaluation.abnormally-low.threshold", "5%")],
            replications: 5
        ),
        Lever(key: "policy.evaluation.minimum-valid-bids", value: "6"),
        Lever(key: "policy.evaluation.candidates", value: "1"),
        Lever(key: "policy.evaluation.same-brand-rule", value: "false"),
        Lever(key: "policy.on-failure", value: "none"),
        Lever(key: "policy.procurement-cost", value: "20000"),
        Lever(key: "policy.pricing", value: "second-price"),
        Lever(key: "policy.final-quote.concession", value: "0%"),
        Lever(
            key: "policy.single-source.purchaser-share",
            value: "90%",
            context: [
                ("policy.method-below-threshold", "single-source"),
                ("policy.single-source.suppliers", "{gypsum-board: S67, coatings: S73}"),
            ]
        ),
        Lever(
            key: "policy.single-source.suppliers",
            value: "{gypsum-board: S62, coatings: S70}",
            context: [
                ("policy.method-below-threshold", "single-source"),
                ("policy.single-source.suppliers", "{gypsum-board: S67, coatings: S73}"),
            ]
        ),
        Lever(key: "policy.auction.format", value: "prozorro", file: "yinchuan-2023.yaml", variant: "e-mall-auction"),
        Lever(
            key: "policy.auction.min-step",
            value: "{share: 5%}",
            file: "yinchuan-2023.yaml",
            variant: "e-mall-auction"
        ),
        Lever(key: "policy.auction.rounds", value: "2", file: "yinchuan-2023.yaml", variant: "e-mall-auction"),
        Lever(key: "policy.auction.strategy", value: "sealed", file: "yinchuan-2023.yaml", variant: "e-mall-auction"),
        Lever(key: "policy.framework.priority", value: "quality", file: "yinchuan-2023.yaml", variant: "framework"),
        Lever(key: "policy.framework.elimination", value: "60%", file: "yinchuan-2023.yaml", variant: "framework"),
        Lever(key: "policy.framework.term-months", value: "1", file: "yinchuan-2023.yaml", variant: "framework"),
        Lever(key: "policy.framework.orders", value: "rotation", file: "yinchuan-2023.yaml", variant: "framework"),
        Lever(
            key: "policy.framework.minimum-suppliers",
            value: "20",
            file: "yinchuan-2023.yaml",
            variant: "framework"
        ),
    ]

    /// The solved equilibrium (Docs/behaviour.md), on its own small scenario (whose base solves it).
    static let equilibriumLevers: [Lever] = [
        Lever(key: "policy.equilibrium.method", value: "formula", file: "equilibrium-entry.yaml"),
        Lever(key: "policy.equilibrium.grid", value: "61", file: "equilibrium-entry.yaml"),
        // B3 bids its cost (truthful) unless every supplier is drafted into the equilibrium (where its cost
        // is too high to win, the solved bid is its cost too: more than one replication).
        Lever(
            key: "policy.equilibrium.bidders",
            value: "all",
            file: "equilibrium-entry.yaml",
            context: [("suppliers[B3].behaviour", "truthful")],
            replications: 3
        ),
        // The base converges far below either tolerance (0.12 %); with a preparation cost of 50,000 the large
        // firms' entry condition (expected profit 35,444 at entry 1) holds within 40 % but not within 2 %.
        Lever(
            key: "policy.equilibrium.tolerance",
            value: "40%",
            file: "equilibrium-entry.yaml",
            context: [("policy.equilibrium.preparation-cost", "50000")],
            replications: 3
        ),
        Lever(
            key: "policy.equilibrium.preparation-cost",
            value: "300000",
            file: "equilibrium-entry.yaml",
            replications: 5
        ),
    ]

    /// A supplier's own preparation cost changes its entry, hence the run.
    @Test func aSuppliersPreparationCostChangesTheRun() throws {
        let lever = Lever(
            key: "suppliers[A1].preparation-cost",
            value: "400000",
            file: "equilibrium-entry.yaml",
            replications: 8
        )
        try theLeverChangesTheRun(lever)
    }

    /// Keys that cannot change a run of any bundled scenario, and why.
    static let cannotMatter: [String: String] = [
        "policy.evaluation.tie-break":
            "a tie needs equal scores and equal evaluated prices, which continuous cost draws never give; "
            + "ScoringTests breaks a constructed tie both ways"
    ]

    /// The keys of `policy` that hold a value (not a mapping of further keys), as the loader knows them.
    static var policyLeaves: [String] {
        let paths = ScenarioPaths.fixed.filter { $0.hasPrefix("policy.") }
        return paths.filter { path in !paths.contains { $0.hasPrefix(path + ".") } }
    }

    @Test func everyPolicyKeyIsTriedOrExplained() {
        let tried = Set((Self.levers + Self.equilibriumLevers).map(\.key))
        for key in Self.policyLeaves {
            #expect(tried.contains(key) || Self.cannotMatter[key] != nil, "no lever case for \(key)")
        }
        for key in tried.union(Self.cannotMatter.keys) {
            #expect(Self.policyLeaves.contains(key), "\(key) is not a policy key")
        }
    }

    static func run(_ lever: Lever, changed: Bool, replication: Int) throws -> RunResult {
        var overrides = lever.context
        if changed { overrides += [(lever.key, lever.value)] + lever.also }
        let result = ScenarioLoader().load(
            BundledScenarioTests.path(lever.file),
            variant: lever.variant,
            overrides: overrides
        )
        let shown = result.errors.map(\.description).joined(separator: "\n")
        #expect(result.errors.isEmpty, "\(lever):\n\(shown)")
        guard let scenario = result.scenario else { throw LeverError.invalid(lever.description) }
        var run = TenderRun.run(scenario, replication: replication)
        run.variant = nil
        return run
    }

    enum LeverError: Error { case invalid(String) }

    @Test(arguments: levers + equilibriumLevers)
    func theLeverChangesTheRun(_ lever: Lever) throws {
        var differs = false
        for replication in 0..<lever.replications where !differs {
            differs =
                try Self.run(lever, changed: false, replication: replication)
                != Self.run(lever, changed: true, replication: replication)
        }
        #expect(differs, "\(lever) changed nothing in \(lever.replications) replication(s)")
    }
}
