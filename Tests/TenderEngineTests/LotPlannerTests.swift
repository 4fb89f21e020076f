import ExactNumbers
import TenderEngine
import TenderModel
import Testing

private typealias F = PlanAndBidFixtures

@Suite("Lot planner")
struct LotPlannerTests {
    private func plan(_ configure: (inout Policy) -> Void = { _ in }, regime: LegalRegime = .governmentProcurement)
        -> LotPlan
    {
        LotPlanner.plan(
            F.scenario(catalogue: F.catalogue, projects: F.threeProjects(regime: regime), policy: F.policy(configure))
        )
    }

    private func references(_ lot: Lot) -> [String] { lot.lines.map(\.reference) }

    private func lot(_ plan: LotPlan, _ id: String) -> Lot? { plan.lots.first { $0.id == id } }

    // MARK: Aggregation

    @Test("per category: exact totals, lines pooled across projects and specs, exclusions with reasons")
    func perCategory() throws {
        let plan = plan()
        #expect(plan.lots.map(\.id) == ["concrete", "membrane", "gypsum"])
        let concrete = try #require(lot(plan, "concrete"))
        #expect(references(concrete) == ["P1/D1", "P2/D1", "P3/D1"])
        #expect(Set(concrete.lines.map(\.spec)) == ["C30", "C40"])
        #expect(concrete.ceiling == F.x("3211240"))
        #expect(concrete.quantities == ["concrete": F.x("6500.5")])
        #expect(concrete.categories == ["concrete"])
        #expect(lot(plan, "membrane")?.ceiling == F.x("1069000"))
        #expect(references(try #require(lot(plan, "membrane"))) == ["P1/D2", "P2/D3", "P3/D2"])
        #expect(lot(plan, "gypsum")?.ceiling == F.x("1059800"))
        #expect(plan.excluded.map(\.line.reference) == ["P1/D3"])
        #expect(plan.excluded.map(\.reason) == [.notCommon])
        #expect(plan.splittingFlags.isEmpty)
        let all = F.threeProjects().flatMap(\.demands).map(\.ceilingAmount).sum()
        #expect(all == F.x("5430040"))
        #expect(plan.lots.map(\.ceiling).sum() + plan.excluded.map(\.line.ceilingAmount).sum() == all)
    }

    @Test("a pool below the decentralised limit stays with the projects")
    func belowDecentralisedLimit() {
        // Of membrane 1,069,000 and gypsum 1,059,800, only gypsum is below a 1,060,000 limit.
        let plan = plan { $0.thresholds.decentralisedGoods = F.x("1060000") }
        #expect(plan.lots.map(\.id) == ["concrete", "membrane"])
        #expect(plan.excluded.map(\.line.reference) == ["P1/D3", "P2/D2", "P3/D3"])
        #expect(plan.excluded.map(\.reason) == [.notCommon, .belowDecentralisedLimit, .belowDecentralisedLimit])
        // Exactly at the limit is inside the batch.
        let atLimit = self.plan { $0.thresholds.decentralisedGoods = F.x("1059800") }
        #expect(atLimit.lots.map(\.id) == ["concrete", "membrane", "gypsum"])
    }

    @Test("works pools use the works limit and the works threshold")
    func worksPools() throws {
        // Works: decentralised 1,200,000 excludes membrane and gypsum; open tender at 2,000,000.
        let plan = plan(regime: .tenderingLawWorks)
        #expect(plan.lots.map(\.id) == ["concrete"])
        let concrete = try #require(plan.lots.first)
        #expect(concrete.isWorks)
        #expect(concrete.method == .openTender)
        #expect(plan.excluded.filter { $0.reason == .belowDecentralisedLimit }.count == 5)
    }

    @Test("a plan from drafted lots is the plan; the drafts are reused only for what steps 1–4 read alike")
    func planFromDrafts() {
        let base = F.scenario(catalogue: F.catalogue, projects: F.threeProjects(), policy: F.policy { _ in })
        let drafted = LotPlanner.draft(base)
        #expect(LotPlanner.plan(base, drafted: drafted) == LotPlanner.plan(base))
        // The three lots are below the 4,000,000 open-tender threshold: the method below it decides them.
        #expect(LotPlanner.plan(base).lots.map(\.method) == Array(repeating: .competitiveConsultation, count: 3))
        // The method below the threshold and the reserve are steps 5–6: the drafts fit, and give the plan.
        var inquiry = base
        inquiry.policy.methodBelowThreshold = .inquiry
        inquiry.policy.lotting.smeReserve = true
        #expect(drafted.fits(inquiry))
        let fromDrafts = LotPlanner.plan(inquiry, drafted: drafted)
        #expect(fromDrafts == LotPlanner.plan(inquiry))
        #expect(fromDrafts.lots.map(\.method) == Array(repeating: .inquiry, count: 3))
        // Each change below changes the lots; drafts of the base do not fit, and the plan is drafted again.
        var changes: [(String, Scenario)] = []
        func changed(_ name: String, _ change: (inout Scenario) -> Void) {
            var scenario = base
            change(&scenario)
            changes.append((name, scenario))
        }
        changed("category × region") { $0.policy.lotting.strategy = .categoryRegion }
        changed("value cap") { $0.policy.lotting.valueCap = F.x("2000000") }
        changed("decentralised limit") { $0.policy.thresholds.decentralisedGoods = F.x("1060000") }
        changed("projects") { $0.projects.removeLast() }
        changed("catalogue") { $0.catalogue.remove(at: 2) }
        changed("green rule") { $0.policy.greenRule = .rule2022 }
        for (name, scenario) in changes {
            #expect(!drafted.fits(scenario), "\(name)")
            #expect(LotPlanner.plan(scenario) != LotPlanner.plan(base), "\(name)")
            #expect(LotPlanner.plan(scenario, drafted: drafted) == LotPlanner.plan(scenario), "\(name)")
            // Drafted reusing the base's drafts (its green plan and pools where they read alike): the same plan.
            let reusing = LotPlanner.draft(scenario, reusing: [drafted])
            #expect(reusing.fits(scenario), "\(name)")
            #expect(LotPlanner.plan(scenario, drafted: reusing) == LotPlanner.plan(scenario), "\(name)")
        }
    }

    @Test("category × region: ids concrete@<district>, contents by the project's district")
    func categoryRegion() throws {
        let plan = plan { $0.lotting.strategy = .categoryRegion }
        // concrete@north 961,000 + 719,985; concrete@south 1,530,255; every other pool is below 1,000,000.
        #expect(plan.lots.map(\.id) == ["concrete@north", "concrete@south"])
        #expect(references(try #require(lot(plan, "concrete@north"))) == ["P1/D1", "P3/D1"])
        #expect(lot(plan, "concrete@north")?.ceiling == F.x("1680985"))
        #expect(references(try #require(lot(plan, "concrete@south"))) == ["P2/D1"])
        #expect(lot(plan, "concrete@south")?.ceiling == F.x("1530255"))
        #expect(plan.excluded.count == 6)
    }

    @Test("per line: every line a purchase of its own, no value cap, no bundling (the no-pooling counterfactual)")
    func perLine() throws {
        // Only P2/D1 (1,530,255) reaches the 1,000,000 decentralised limit on its own; every other line is left
        // to its project. A value cap and a bundling threshold change nothing.
        let plan = plan {
            $0.lotting.strategy = .perLine
            $0.lotting.valueCap = F.x("500000")
            $0.lotting.bundleBelow = F.x("5000000")
        }
        #expect(plan.lots.map(\.id) == ["concrete@P2.D1"])
        #expect(references(try #require(plan.lots.first)) == ["P2/D1"])
        #expect(plan.lots.first?.method == .competitiveConsultation)
        let lines = F.threeProjects().flatMap(\.demands).count
        #expect(plan.excluded.count == lines - 1)
        #expect(plan.excluded.filter { $0.reason == .belowDecentralisedLimit }.count == lines - 2)
    }

    @Test("category × period: ids concrete@Q3, by the quarter of deliveryFrom")
    func categoryPeriod() throws {
        let plan = plan { $0.lotting.strategy = .categoryPeriod }
        // concrete Q1 961,000 (out), Q3 1,530,255 + 719,985; gypsum Q2 710,000 + 349,800.
        #expect(plan.lots.map(\.id) == ["concrete@Q3", "gypsum@Q2"])
        #expect(references(try #require(lot(plan, "concrete@Q3"))) == ["P2/D1", "P3/D1"])
        #expect(lot(plan, "concrete@Q3")?.ceiling == F.x("2250240"))
        #expect(references(try #require(lot(plan, "gypsum@Q2"))) == ["P2/D2", "P3/D3"])
        #expect(lot(plan, "gypsum@Q2")?.ceiling == F.x("1059800"))
        let below = plan.excluded.filter { $0.reason == .belowDecentralisedLimit }.map(\.line.reference)
        #expect(Set(below) == ["P1/D1", "P1/D2", "P2/D3", "P3/D2"])
    }

    // MARK: Value cap and bundling

    @Test("value cap: k = ⌈ceiling / cap⌉ lots, whole lines largest first onto the smallest lot")
    func valueCap() throws {
        let lines = [("L1", "900"), ("L2", "700"), ("L3", "600"), ("L4", "500"), ("L5", "300")].map {
            F.line($0.0, "P1", "concrete", quantity: $0.1, price: "1000")
        }
        let scenario = F.scenario(
            catalogue: F.catalogue,
            projects: [F.project("P1", district: "north", lines)],
            policy: F.policy { $0.lotting.valueCap = F.x("1000000") }
        )
        let plan = LotPlanner.plan(scenario)
        // 3,000,000 / 1,000,000 → 3 lots. 900→#1, 700→#2, 600→#3, 500→#3 (600 smallest), 300→#2 (700).
        #expect(plan.lots.map(\.id) == ["concrete#1", "concrete#2", "concrete#3"])
        #expect(plan.lots.map { $0.lines.map(\.id) } == [["L1"], ["L2", "L5"], ["L3", "L4"]])
        #expect(plan.lots.map(\.ceiling) == [F.x("900000"), F.x("1000000"), F.x("1100000")])
        #expect(plan.lots.map(\.ceiling).sum() == F.x("3000000"))

        // Under a label the pieces are concrete@north#1…; a pool at the cap is not split.
        var region = scenario
        region.policy.lotting.strategy = .categoryRegion
        #expect(LotPlanner.plan(region).lots.map(\.id) == ["concrete@north#1", "concrete@north#2", "concrete@north#3"])
        var atCap = scenario
        atCap.policy.lotting.valueCap = F.x("3000000")
        #expect(LotPlanner.plan(atCap).lots.map(\.id) == ["concrete"])
        // Never more pieces than lines, and a lone line above the cap stays one lot with its plain id.
        var tiny = scenario
        tiny.policy.lotting.valueCap = F.x("1")
        #expect(LotPlanner.plan(tiny).lots.map(\.lines.count) == [1, 1, 1, 1, 1])
        let single = F.scenario(
            catalogue: F.catalogue,
            projects: [F.project("P1", district: "north", [lines[0], lines[1]])],
            policy: F.policy { $0.lotting.valueCap = F.x("1") }
        )
        #expect(LotPlanner.plan(single).lots.map(\.id) == ["concrete#1", "concrete#2"])
        let lone = F.scenario(
            catalogue: F.catalogue,
            projects: [
                F.project("P1", district: "north", [F.line("L9", "P1", "concrete", quantity: "1500", price: "1000")])
            ],
            policy: F.policy { $0.lotting.valueCap = F.x("1") }
        )
        #expect(LotPlanner.plan(lone).lots.map(\.id) == ["concrete"])
    }

    @Test("bundling: pools below bundleBelow become one lot `bundle`, only if there are two or more")
    func bundling() throws {
        let plan = plan { $0.lotting.bundleBelow = F.x("1100000") }
        #expect(plan.lots.map(\.id) == ["concrete", "bundle"])
        let bundle = try #require(lot(plan, "bundle"))
        #expect(bundle.categories == ["membrane", "gypsum"])
        #expect(references(bundle) == ["P1/D2", "P2/D3", "P3/D2", "P2/D2", "P3/D3"])
        #expect(bundle.ceiling == F.x("2128800"))
        #expect(bundle.quantities == ["membrane": F.x("30000"), "gypsum": F.x("37000")])
        #expect(bundle.method == .competitiveConsultation)

        // Only gypsum (1,059,800) is below 1,065,000: no bundle of one.
        let lone = self.plan { $0.lotting.bundleBelow = F.x("1065000") }
        #expect(lone.lots.map(\.id) == ["concrete", "membrane", "gypsum"])

        // Bundles are made per label; pools below the decentralised limit are excluded before bundling and
        // never rescued by it.
        let region = self.plan {
            $0.lotting.strategy = .categoryRegion
            $0.lotting.bundleBelow = F.x("5000000")
        }
        #expect(region.lots.map(\.id) == ["concrete@north", "concrete@south"])
        #expect(region.excluded.count == 6)
        let twoInNorth = LotPlanner.plan(
            F.scenario(
                catalogue: F.catalogue,
                projects: [
                    F.project(
                        "P1",
                        district: "north",
                        [
                            F.line("D1", "P1", "concrete", quantity: "1000", price: "1200"),
                            F.line("D2", "P1", "gypsum", quantity: "1000", price: "1100"),
                            F.line("D3", "P1", "membrane", quantity: "1000", price: "900"),
                        ]
                    )
                ],
                policy: F.policy {
                    $0.lotting.strategy = .categoryRegion
                    $0.lotting.bundleBelow = F.x("5000000")
                }
            )
        )
        #expect(twoInNorth.lots.map(\.id) == ["bundle@north"])
        #expect(twoInNorth.lots.first?.categories == ["concrete", "gypsum"])
        #expect(twoInNorth.lots.first?.ceiling == F.x("2300000"))
        #expect(twoInNorth.excluded.map(\.line.reference) == ["P1/D3"])
    }

    // MARK: Method, reserve, splitting

    @Test("method by threshold: exactly at the open-tender threshold is open tender")
    func methodByThreshold() {
        let at = plan { $0.thresholds.openTenderGoods = F.x("3211240") }
        #expect(at.lots.map(\.method) == [.openTender, .competitiveConsultation, .competitiveConsultation])
        let above = plan {
            $0.thresholds.openTenderGoods = F.x("3211240.01")
            $0.methodBelowThreshold = .inquiry
        }
        #expect(above.lots.map(\.method) == [.inquiry, .inquiry, .inquiry])
    }

    @Test("SME reserve, smallest-first: wholly at or below the limit, then smallest first up to the share")
    func smeReserve() {
        #expect(plan().lots.allSatisfy { !$0.reservedForSME })
        // Defaults: membrane and gypsum ≤ 2,000,000 are reserved wholly; 2,128,800 of 5,340,040 ≥ 30%.
        let whole = plan {
            $0.lotting.smeReserve = true
            $0.sme.reserveRule = .smallestFirst
        }
        #expect(whole.lots.map(\.reservedForSME) == [false, true, true])
        // Whole limit exactly at gypsum's ceiling: gypsum is reserved wholly.
        let atLimit = plan {
            $0.lotting.smeReserve = true
            $0.sme.reserveRule = .smallestFirst
            $0.sme.wholeReserveGoods = F.x("1059800")
            $0.sme.reserveShareGoods = .percent(20)
        }
        // 20% of 5,340,040 = 1,068,008 > 1,059,800 → the next smallest, membrane, too.
        #expect(atLimit.lots.map(\.reservedForSME) == [false, true, true])
        let share = plan {
            $0.lotting.smeReserve = true
            $0.sme.reserveRule = .smallestFirst
            $0.sme.wholeReserveGoods = F.x("1000000")
            $0.sme.reserveShareGoods = .percent(19)
        }
        // 19% of 5,340,040 = 1,014,607.6: gypsum alone reaches it.
        #expect(share.lots.map(\.reservedForSME) == [false, false, true])
        let half = plan {
            $0.lotting.smeReserve = true
            $0.sme.reserveRule = .smallestFirst
            $0.sme.wholeReserveGoods = F.x("1000000")
            $0.sme.reserveShareGoods = .percent(50)
        }
        // 50% = 2,670,020 > gypsum + membrane = 2,128,800 → concrete too.
        #expect(half.lots.map(\.reservedForSME) == [true, true, true])
    }

    private func threeDistricts(each price: String) -> Scenario {
        let projects = ["a", "b", "c"].enumerated().map { i, district in
            F.project(
                "P\(i)",
                district: district,
                [F.line("D1", "P\(i)", "concrete", quantity: "1000", price: price)]
            )
        }
        return F.scenario(
            catalogue: F.catalogue,
            projects: projects,
            policy: F.policy { $0.lotting.strategy = .categoryRegion }
        )
    }

    @Test("splitting: 3 × 1.5M by consultation against a 4M threshold is flagged, 3 × 1.3M is not")
    func splitting() {
        let plan = LotPlanner.plan(threeDistricts(each: "1500"))
        #expect(
            plan.lots.map(\.method) == [.competitiveConsultation, .competitiveConsultation, .competitiveConsultation]
        )
        #expect(
            plan.splittingFlags == [
                SplittingFlag(
                    category: "concrete",
                    lots: ["concrete@a", "concrete@b", "concrete@c"],
                    total: F.x("4500000"),
                    threshold: F.x("4000000")
                )
            ]
        )
        #expect(LotPlanner.plan(threeDistricts(each: "1300")).splittingFlags.isEmpty)
        // One lot per category buys the 4.5M by open tender: nothing to flag.
        var perCategory = threeDistricts(each: "1500")
        perCategory.policy.lotting.strategy = .perCategory
        let single = LotPlanner.plan(perCategory)
        #expect(single.lots.map(\.method) == [.openTender])
        #expect(single.splittingFlags.isEmpty)
    }

    @Test("splitting across value-cap pieces")
    func splittingAcrossPieces() {
        // Value cap 1,100,000 on concrete (3,211,240 → 3 lots by consultation, total 3,211,240 < 4M): no flag.
        let plan = plan { $0.lotting.valueCap = F.x("1100000") }
        #expect(plan.lots.map(\.id) == ["concrete#1", "concrete#2", "concrete#3", "membrane", "gypsum"])
        #expect(plan.splittingFlags.isEmpty)
        // With a 3,000,000 threshold, the three concrete lots are flagged; membrane is one lot.
        let lower = self.plan {
            $0.lotting.valueCap = F.x("1100000")
            $0.thresholds.openTenderGoods = F.x("3000000")
        }
        #expect(lower.splittingFlags.map(\.category) == ["concrete"])
        #expect(lower.splittingFlags.first?.total == F.x("3211240"))
        #expect(lower.splittingFlags.first?.lots == ["concrete#1", "concrete#2", "concrete#3"])
    }

    @Test("splitting counts only the category's part of a bundle")
    func splittingInBundles() {
        let membrane = F.line("D1", "P1", "membrane", quantity: "1000", price: "1500")
        let gypsum = F.line("D2", "P1", "gypsum", quantity: "1000", price: "3000")
        let other = F.line("D3", "P1", "membrane", quantity: "1000", price: "1500")
        let lots = [
            Lot(id: "membrane", categories: ["membrane"], lines: [other], method: .inquiry),
            Lot(id: "bundle", categories: ["membrane", "gypsum"], lines: [membrane, gypsum], method: .inquiry),
        ]
        var thresholds = Thresholds()
        // membrane: 1,500,000 + 1,500,000 = 3,000,000 (not the bundle's 4,500,000).
        #expect(SplittingCheck.flags(lots: lots, catalogue: F.catalogue, thresholds: thresholds).isEmpty)
        thresholds.openTenderGoods = F.x("3000000")
        #expect(
            SplittingCheck.flags(lots: lots, catalogue: F.catalogue, thresholds: thresholds) == [
                SplittingFlag(
                    category: "membrane",
                    lots: ["membrane", "bundle"],
                    total: F.x("3000000"),
                    threshold: F.x("3000000")
                )
            ]
        )
    }

    // MARK: Invariants

    @Test("every line is in exactly one lot or excluded; totals add up exactly", arguments: Array(UInt64(1)...12))
    func invariants(seed: UInt64) throws {
        let scenario = F.randomScenario(seed: seed)
        let plan = LotPlanner.plan(scenario)
        let lines = scenario.projects.flatMap(\.demands)
        var seen: [String: Int] = [:]
        for line in plan.lots.flatMap(\.lines) + plan.excluded.map(\.line) { seen[line.reference, default: 0] += 1 }
        #expect(seen.count == lines.count)
        #expect(seen.values.allSatisfy { $0 == 1 })
        #expect(
            plan.lots.map(\.ceiling).sum() + plan.excluded.map(\.line.ceilingAmount).sum()
                == lines.map(\.ceilingAmount).sum()
        )
        #expect(Set(plan.lots.map(\.id)).count == plan.lots.count)
        let common = Set(scenario.catalogue.filter(\.isCommon).map(\.id))
        let limits = scenario.policy.thresholds
        for lot in plan.lots {
            #expect(!lot.lines.isEmpty)
            #expect(lot.lines.allSatisfy { lot.categories.contains($0.category) && common.contains($0.category) })
            // Value-cap pieces may fall below the limit; whole pools and bundles may not.
            if !lot.id.contains("#") {
                #expect(lot.ceiling >= min(limits.decentralisedGoods, limits.decentralisedWorks))
            }
            let threshold = lot.isWorks ? limits.openTenderWorks : limits.openTenderGoods
            #expect((lot.method == .openTender) == (lot.ceiling >= threshold))
            if !scenario.policy.lotting.smeReserve { #expect(!lot.reservedForSME) }
        }
        for excluded in plan.excluded {
            #expect((excluded.reason == .notCommon) == !common.contains(excluded.line.category))
        }
        // The plan is a function of the scenario.
        #expect(LotPlanner.plan(scenario) == plan)
    }
}
