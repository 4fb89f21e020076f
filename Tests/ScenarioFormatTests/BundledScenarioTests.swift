import ExactNumbers
import Foundation
import ScenarioFormat
import TenderModel
import Testing

/// The scenarios shipped in `Scenarios/` and the YAML examples of `Docs/scenario-format.md` load without
/// errors, in every variant, and say what their seed documents say.
@Suite struct BundledScenarioTests {
    /// The repository root: this file is `Tests/ScenarioFormatTests/BundledScenarioTests.swift`.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every `Scenarios/*.yaml` (not the included files under `Scenarios/shared/`), by file name.
    static let scenarioFiles: [String] = {
        let directory = root.appendingPathComponent("Scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    static let cities = ["daqing-2023.yaml", "yinchuan-2023.yaml", "changchun-2024.yaml"]

    static func path(_ name: String) -> String {
        root.appendingPathComponent("Scenarios").appendingPathComponent(name).path
    }

    /// Loads a bundled scenario, failing the test with every diagnostic when it has errors.
    static func load(_ name: String, variant: String? = nil) throws -> Scenario {
        let result = ScenarioLoader().load(path(name), variant: variant)
        let shown = result.errors.map(\.description).joined(separator: "\n")
        #expect(result.errors.isEmpty, "\(name) \(variant ?? "(base)"):\n\(shown)")
        return try #require(result.scenario)
    }

    // MARK: Every file, every variant

    @Test func theCityScenariosAreBundled() {
        for city in Self.cities {
            #expect(Self.scenarioFiles.contains(city), "missing Scenarios/\(city)")
        }
    }

    @Test(arguments: scenarioFiles)
    func loadsWithoutErrorsInEveryVariant(_ name: String) throws {
        let base = ScenarioLoader().load(Self.path(name))
        let shown = base.errors.map(\.description).joined(separator: "\n")
        #expect(base.errors.isEmpty, "\(name):\n\(shown)")
        #expect(base.scenario != nil)
        for variant in base.variants {
            let scenario = try Self.load(name, variant: variant.name)
            #expect(scenario.variant == variant.name)
        }
    }

    @Test(arguments: cities)
    func cityScenariosHaveNoWarningsAndTwoToEightDescribedVariants(_ name: String) {
        let result = ScenarioLoader().load(Self.path(name))
        #expect(result.warnings.isEmpty, "\(result.warnings.map(\.description).joined(separator: "\n"))")
        // Yinchuan adds the auction formats (e-mall, framework agreement, second price) to its four.
        #expect((2...8).contains(result.variants.count))
        for variant in result.variants {
            #expect(!variant.description.isEmpty, "variant \(variant.name) has no description")
            let loaded = ScenarioLoader().load(Self.path(name), variant: variant.name)
            #expect(loaded.warnings.isEmpty, "\(loaded.warnings.map(\.description).joined(separator: "\n"))")
        }
        #expect(result.files.contains { $0.hasSuffix("shared/catalogue-2025.yaml") })
    }

    // MARK: The shared catalogue

    @Test func theCatalogueHasThe2025CategoriesAtRealisticReferencePrices() throws {
        let scenario = try Self.load("daqing-2023.yaml")
        let expected: [(id: String, unit: String, low: Exact, high: Exact)] = [
            ("concrete", "m3", 420, 480),  // C30 ready-mix, 2023
            ("mortar", "t", 250, 400),
            ("rebar", "t", 3900, 4500),  // HRB400
            ("membrane", "m2", 25, 40),  // SBS 4 mm
            ("gypsum-board", "m2", 12, 20),  // 9.5 mm
            ("insulation", "m3", 500, 1000),
            ("windows", "m2", 500, 1000),
            ("coatings", "kg", 8, 20),
            ("tiles", "m2", 35, 90),
            ("pipes", "m", 15, 40),
        ]
        for (id, unit, low, high) in expected {
            let category = try #require(scenario.category(id), "no category \(id)")
            #expect(category.unit == unit, "\(id) unit")
            let price = try #require(category.referencePrice, "\(id) has no reference price")
            #expect(low <= price && price <= high, "\(id) reference price \(price)")
            #expect(!category.clauses.isEmpty, "\(id) has no green clause")
            #expect(category.clauses.contains { $0.minimumStar != nil }, "\(id) has no certificate clause")
            #expect(category.clauses.contains { !$0.limits.isEmpty }, "\(id) has no attribute limit")
        }
        for common in ["concrete", "mortar", "rebar", "membrane", "gypsum-board"] {
            #expect(scenario.category(common)?.isCommon == true, "\(common) should be common (通用类)")
        }
        #expect(scenario.catalogue.contains { $0.status == .optional })
        #expect(scenario.catalogue.contains { !$0.isCommon })
    }

    // MARK: Facts every city scenario shares

    @Test(arguments: cities)
    func everyCategoryBoughtHasAtLeastEightSuppliers(_ name: String) throws {
        let scenario = try Self.load(name)
        let bought = Set(scenario.projects.flatMap { $0.demands.map(\.category) })
        #expect(bought.count >= 6)
        for category in bought.sorted() {
            let offering = scenario.suppliers.filter { $0.products[category] != nil }
            #expect((8...25).contains(offering.count), "\(name): \(offering.count) suppliers offer \(category)")
            #expect(offering.allSatisfy { $0.costs[category] != nil }, "\(name): an offer of \(category) has no cost")
        }
    }

    @Test(arguments: cities)
    func projectsAreRealisticPilots(_ name: String) throws {
        let scenario = try Self.load(name)
        #expect((6...10).contains(scenario.projects.count))
        for project in scenario.projects {
            // 二星级以上: every seed document puts the pilots at two stars or more.
            #expect(project.targetStar >= 2, "\(project.id) target star")
            #expect(project.budget >= 4_000_000, "\(project.id) budget")
            let ceilings = project.demands.map(\.ceilingAmount).reduce(Exact.zero, +)
            #expect(ceilings < project.budget, "\(project.id) demands exceed the budget")
            #expect(project.demands.count >= 4, "\(project.id) has few demand lines")
            for line in project.demands {
                #expect(line.deliveryFrom > scenario.meta.bidDate, "\(line.reference) delivered before the bid")
                #expect(line.deliveryTo.year == scenario.meta.fiscalYear, "\(line.reference) outside the fiscal year")
                let reference = try #require(scenario.category(line.category)?.referencePrice)
                #expect(line.ceilingUnitPrice > reference, "\(line.reference) ceiling below the conventional price")
            }
        }
        // A 30,000 m² hospital needs on the order of 10,000 m³ of concrete.
        let hospital = try #require(scenario.projects.first { $0.buildingType == .hospital })
        let concrete = hospital.demands.filter { $0.category == "concrete" }.map(\.quantity).reduce(Exact.zero, +)
        #expect(5000 <= concrete && concrete <= 20000, "hospital concrete \(concrete) m3")
        let types = Set(scenario.projects.map(\.buildingType))
        #expect(types == Set(BuildingType.allCases), "\(name) covers \(types.map(\.rawValue).sorted())")
    }

    @Test(arguments: cities)
    func suppliersMixSizesCertificatesCostsAndBehaviours(_ name: String) throws {
        let scenario = try Self.load(name)
        let suppliers = scenario.suppliers
        let bidDate = scenario.meta.bidDate
        #expect(Set(suppliers.map(\.size)) == Set(EnterpriseSize.allCases))
        let special = suppliers.filter { $0.specialStatus != nil }.count
        #expect((1...3).contains(special), "special status should be rare, found \(special)")

        let offers = suppliers.flatMap { $0.products.values }
        let stars = Set(offers.compactMap { $0.certificate?.star })
        #expect(stars == [1, 2, 3])
        #expect(offers.contains { ($0.certificate?.validUntil).map { $0 < bidDate } == true }, "no expired certificate")
        #expect(offers.contains { $0.certificate == nil && !$0.testReport }, "no uncertified offer to reject")
        #expect(offers.contains { $0.certificate == nil && $0.testReport }, "no test-report-only offer")
        let valid = offers.filter { ($0.certificate?.validUntil).map { $0 >= bidDate } == true }
        #expect(valid.count * 2 > offers.count, "most offers should carry a valid certificate")

        // Attributes that violate a clause's limit exist, and most offers meet every limit.
        var violating = 0
        for supplier in suppliers {
            for (categoryID, product) in supplier.products {
                let limits = scenario.category(categoryID)?.clauses.flatMap(\.limits) ?? []
                let fails = limits.contains { limit in
                    product.attributes[limit.attribute].map { !limit.isMet(by: $0) } ?? true
                }
                if fails { violating += 1 }
            }
        }
        #expect(
            violating >= 3 && violating * 5 < offers.count,
            "\(violating) of \(offers.count) offers violate a limit"
        )

        // Unit costs lie below the category's lowest ceiling.
        for supplier in suppliers {
            for (categoryID, model) in supplier.costs {
                let ceilings = scenario.projects.flatMap(\.demands).filter { $0.category == categoryID }
                guard let ceiling = ceilings.map(\.ceilingUnitPrice).min() else { continue }
                let (low, high) = model.support
                #expect(low < ceiling, "\(supplier.id) \(categoryID) cost from \(low), ceiling \(ceiling)")
                if let high { #expect(high <= ceiling, "\(supplier.id) \(categoryID) cost to \(high) > \(ceiling)") }
            }
        }

        let forms = Set(suppliers.flatMap { $0.costs.values.map(Self.form) })
        #expect(forms == ["fixed", "uniform", "triangular", "truncated-normal", "lognormal", "empirical"])
        let markupOrTruthful = suppliers.filter {
            if case .markup = $0.behaviour { return true }
            return $0.behaviour == .truthful
        }
        #expect(markupOrTruthful.count * 2 > suppliers.count, "most suppliers should be truthful or mark up")
        #expect(suppliers.contains { $0.behaviour == .equilibrium })
        #expect(suppliers.allSatisfy { $0.participation > .zero && $0.participation <= .one })
        #expect(suppliers.contains { $0.participation < .one })
    }

    @Test(arguments: cities)
    func policyIsRealistic(_ name: String) throws {
        let scenario = try Self.load(name)
        let policy = scenario.policy
        #expect(policy.thresholds.openTenderGoods == 4_000_000)
        #expect(policy.sme.deduction >= .percent(10) && policy.sme.deduction <= .percent(20))
        let evaluation = policy.evaluation
        #expect(evaluation.method == .comprehensive)
        #expect(evaluation.pricePoints >= 30 && evaluation.pricePoints <= 60)
        #expect(evaluation.pricePoints + evaluation.criteria.map(\.points).reduce(Exact.zero, +) == 100)
        // Generated bids carry no expert marks: every criterion is scored from an attribute.
        for criterion in evaluation.criteria {
            guard case .bands(let attribute, _) = criterion.source else {
                Issue.record("\(criterion.id) is not an attribute criterion")
                continue
            }
            #expect(["star", "delivery-days"].contains(attribute))
        }
        #expect(evaluation.rounding.places == 2)
        #expect(evaluation.rounding.mode == .halfUp)
        #expect(evaluation.rounding.stage == .finalScore)
        #expect(scenario.meta.currency == "CNY")
        #expect(name.contains(String(scenario.meta.fiscalYear)))
        #expect(scenario.meta.bidDate.year == scenario.meta.fiscalYear)
        #expect(scenario.bids.isEmpty)
    }

    // MARK: What each seed document says

    /// 庆政办发〔2023〕12号 task (八): budgets of 4 million yuan or more, 1–2 projects per building type per
    /// district; task (七): the common materials bought in batches by the procurement agency.
    @Test func daqingFollowsItsImplementationPlan() throws {
        let scenario = try Self.load("daqing-2023.yaml")
        #expect(scenario.meta.region.contains("大庆"))
        for type in BuildingType.allCases {
            let count = scenario.projects.filter { $0.buildingType == type }.count
            #expect(count >= 1, "no \(type.rawValue) pilot")
        }
        let perTypeAndDistrict = Dictionary(grouping: scenario.projects) {
            "\($0.buildingType.rawValue)@\($0.district)"
        }
        for (key, projects) in perTypeAndDistrict {
            #expect(projects.count <= 2, "\(key): \(projects.count) pilots, the plan allows 1–2")
        }
        #expect(scenario.projects.allSatisfy { $0.budget >= 4_000_000 })
        #expect(scenario.policy.lotting.strategy == .perCategory)
        let bought = Set(scenario.projects.flatMap { $0.demands.map(\.category) })
        for common in ["concrete", "mortar", "rebar", "membrane", "gypsum-board"] {
            #expect(bought.contains(common), "Daqing buys no \(common)")
        }
        // Rebar traders reselling one mill's brand: the same-brand rule (Order 87 Art 31) has work to do.
        let rebarBrands = scenario.suppliers.compactMap { $0.products["rebar"]?.brand }
        #expect(Set(rebarBrands).count < rebarBrands.count)
    }

    /// 宁财（采）发〔2023〕161号: Yinchuan's hospitals, schools, offices, complexes, exhibition centres,
    /// stadiums and affordable housing; two-star or higher.
    @Test func yinchuanFollowsItsPilotPlan() throws {
        let scenario = try Self.load("yinchuan-2023.yaml")
        #expect(scenario.meta.region.contains("银川"))
        #expect(scenario.projects.allSatisfy { $0.targetStar >= 2 })
        #expect(Set(scenario.projects.map(\.buildingType)) == Set(BuildingType.allCases))
        let ring = scenario.suppliers.compactMap { supplier -> Bool? in
            if case .ring(_, let winner, _, _) = supplier.behaviour { return winner }
            return nil
        }
        #expect(ring.count >= 2 && ring.count <= 4, "a small cover-bidding ring")
        #expect(ring.filter { $0 }.count == 1, "exactly one designated winner")
        #expect(scenario.suppliers.contains { $0.qualification.debarred })

        let honest = try Self.load("yinchuan-2023.yaml", variant: "no-ring")
        #expect(
            !honest.suppliers.contains {
                if case .ring = $0.behaviour { return true }
                return false
            }
        )
        let reserved = try Self.load("yinchuan-2023.yaml", variant: "sme-reserve")
        #expect(reserved.policy.lotting.smeReserve)

        // The auction formats as variants for `compare` (Docs/auctions.md).
        let emall = try Self.load("yinchuan-2023.yaml", variant: "e-mall-auction")
        #expect(emall.policy.methodBelowThreshold == .reverseAuction)
        #expect(emall.policy.auction.format == .eMall)
        #expect(emall.policy.auction.minimumStep == .share(AuctionStep.defaultShare))
        #expect(emall.suppliers.contains { $0.auctionStrategy == .lastMoment })
        let framework = try Self.load("yinchuan-2023.yaml", variant: "framework")
        #expect(framework.policy.methodBelowThreshold == .frameworkAgreement)
        #expect(framework.policy.framework.orders == .secondRound)
        let second = try Self.load("yinchuan-2023.yaml", variant: "second-price")
        #expect(second.policy.pricing == .secondPrice)
        #expect(second.policy.evaluation.method == .lowestPrice)
    }

    /// 吉建科〔2024〕13号: certified green materials (1–3 stars), the recommended catalogue's test reports, and a
    /// negative list (负面清单) of fraudulent or defective products.
    @Test func changchunHasANegativeListAndCertifiedOnlyVariant() throws {
        let scenario = try Self.load("changchun-2024.yaml")
        #expect(scenario.meta.region.contains("长春"))
        let bought = Set(scenario.projects.flatMap { $0.demands.map(\.category) })
        let listed = scenario.suppliers.filter { $0.qualification.negativeList }
        #expect(listed.count >= 3, "some suppliers are on the negative list")
        for supplier in listed {
            #expect(!Set(supplier.products.keys).isDisjoint(with: bought), "\(supplier.id) offers nothing bought")
        }
        #expect(listed.contains { $0.products.values.contains { $0.certificate != nil } })
        for category in ["insulation", "windows", "concrete", "mortar"] {
            #expect(bought.contains(category), "吉建科〔2024〕13号 二(五) pushes \(category)")
        }

        let strict = try Self.load("changchun-2024.yaml", variant: "certified-only")
        for category in strict.catalogue where bought.contains(category.id) {
            #expect(!category.clauses.contains { $0.acceptsTestReport }, "\(category.id) still accepts a test report")
        }
        let base = scenario.catalogue.filter { $0.clauses.contains(where: \.acceptsTestReport) }
        #expect(!base.isEmpty)
    }

    // MARK: The documentation's examples

    /// Every ```yaml block of the format documentation is a complete, valid scenario.
    @Test func theDocumentationExamplesAreValidScenarios() throws {
        let doc = Self.root.appendingPathComponent("Docs/scenario-format.md")
        let text = try String(contentsOf: doc, encoding: .utf8)
        let blocks = Self.yamlBlocks(in: text)
        #expect(blocks.count >= 2)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("scenario-format-docs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, (line, block)) in blocks.enumerated() {
            let file = directory.appendingPathComponent("example-\(index + 1).yaml")
            try block.write(to: file, atomically: true, encoding: .utf8)
            let result = ScenarioLoader().load(file.path)
            let shown = result.diagnostics.map(\.description).joined(separator: "\n")
            #expect(result.errors.isEmpty, "the yaml block at scenario-format.md:\(line):\n\(shown)")
            #expect(result.scenario != nil)
            for variant in result.variants {
                let loaded = ScenarioLoader().load(file.path, variant: variant.name)
                #expect(loaded.errors.isEmpty, "variant \(variant.name) of the block at line \(line)")
            }
        }
    }

    /// The body and opening line of each fenced block whose info string is exactly `yaml`.
    static func yamlBlocks(in markdown: String) -> [(line: Int, text: String)] {
        var blocks: [(line: Int, text: String)] = []
        var current: [Substring]?
        var start = 0
        for (number, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let body = current {
                if line.hasPrefix("```") {
                    blocks.append((start, body.joined(separator: "\n") + "\n"))
                    current = nil
                } else {
                    current = body + [line]
                }
            } else if line == "```yaml" {
                current = []
                start = number + 1
            }
        }
        return blocks
    }

    static func form(_ model: CostModel) -> String {
        switch model {
        case .fixed: return "fixed"
        case .uniform: return "uniform"
        case .triangular: return "triangular"
        case .truncatedNormal: return "truncated-normal"
        case .lognormal: return "lognormal"
        case .empirical: return "empirical"
        }
    }
}
