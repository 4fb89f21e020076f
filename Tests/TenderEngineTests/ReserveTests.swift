import ExactNumbers
import TenderEngine
import TenderModel
import Testing

private typealias F = PlanAndBidFixtures

/// Which lots the SME reserve sets aside under `sme-supply` (财库〔2020〕46号 Art 5, 7, 8), on the three lots of
/// the planner fixture: concrete 3,211,240, membrane 1,069,000, gypsum 1,059,800 (total 5,340,040).
@Suite("SME reserve rules")
struct ReserveTests {
    /// concrete: S1, S2 small, M1 micro, Q1 medium (4 SMEs, 3 small/micro); membrane: Q2, Q3 medium, S3 small
    /// (3, 1); gypsum: S4 small, Q4 medium (2, 1) and the large L1.
    static func suppliers(_ change: (inout [Supplier]) -> Void = { _ in }) -> [Supplier] {
        var list = [
            F.supplier("S1", size: .small), F.supplier("S2", size: .small), F.supplier("M1", size: .micro),
            F.supplier("Q1", size: .medium), F.supplier("Q2", size: .medium, categories: ["membrane"]),
            F.supplier("Q3", size: .medium, categories: ["membrane"]),
            F.supplier("S3", size: .small, categories: ["membrane"]),
            F.supplier("S4", size: .small, categories: ["gypsum"]),
            F.supplier("Q4", size: .medium, categories: ["gypsum"]),
            F.supplier("L1", size: .large, categories: ["gypsum"]),
        ]
        change(&list)
        return list
    }

    func plan(_ suppliers: [Supplier], _ configure: (inout Policy) -> Void = { _ in }) -> [Bool] {
        let policy = F.policy {
            $0.lotting.smeReserve = true
            configure(&$0)
        }
        let scenario = F.scenario(
            catalogue: F.catalogue,
            projects: F.threeProjects(),
            suppliers: suppliers,
            policy: policy
        )
        return LotPlanner.plan(scenario).lots.map(\.reservedForSME)
    }

    @Test("a lot fewer than 3 SMEs can supply is not suitable, and its ceiling is not in the base of the share")
    func suitability() {
        // gypsum has 2 SMEs (< 3): not suitable. membrane (1,069,000 ≤ 2,000,000) is reserved wholly.
        // Suitable total 3,211,240 + 1,069,000 = 4,280,240; 30% = 1,284,072 > 1,069,000 → concrete too.
        #expect(plan(Self.suppliers()) == [true, true, false])
        // Smallest-first ignores suitability: membrane and gypsum wholly (2,128,800 ≥ 30% of 5,340,040).
        #expect(plan(Self.suppliers()) { $0.sme.reserveRule = .smallestFirst } == [false, true, true])
        // A third SME for gypsum makes it suitable: reserved wholly; 2,128,800 ≥ 1,602,012 (30% of 5,340,040).
        let third = Self.suppliers { $0.append(F.supplier("M2", size: .micro, categories: ["gypsum"])) }
        #expect(plan(third) == [false, true, true])
    }

    @Test("debarred and over-capacity SMEs do not count; a welfare unit counts as small")
    func whoCanSupply() throws {
        // Q2 debarred: membrane has 2 SMEs left → not suitable; concrete is then the only suitable lot and is
        // reserved (30% of 3,211,240 > 0 reserved).
        let debarred = Self.suppliers { $0[4].qualification.debarred = true }
        #expect(plan(debarred) == [true, false, false])
        // Q3 with a capacity one unit below membrane's quantity: the same.
        let quantity = try #require(
            LotPlanner.plan(F.scenario(catalogue: F.catalogue, projects: F.threeProjects())).lots[1]
                .quantities["membrane"]
        )
        let short = Self.suppliers { $0[5].capacity = ["membrane": quantity - 1] }
        #expect(plan(short) == [true, false, false])
        let enough = Self.suppliers { $0[5].capacity = ["membrane": quantity] }
        #expect(plan(enough) == [true, true, false])
        // The large L1 as a welfare unit for the disabled counts: gypsum has 3 → suitable.
        let welfare = Self.suppliers { $0[9].specialStatus = .welfareDisabled }
        #expect(plan(welfare) == [false, true, true])
    }

    @Test("beyond the whole reserve, the lot with the most small and micro suppliers first")
    func mostSmallMicroFirst() {
        // No lot at or below 1,000,000; gypsum made suitable (M2). 19% of 5,340,040 = 1,014,607.6.
        // sme-supply: concrete (3 small/micro) before gypsum (2) and membrane (1) → concrete alone reaches it.
        let suppliers = Self.suppliers { $0.append(F.supplier("M2", size: .micro, categories: ["gypsum"])) }
        let configure: (inout Policy) -> Void = {
            $0.sme.wholeReserveGoods = 1_000_000
            $0.sme.reserveShareGoods = .percent(19)
        }
        #expect(plan(suppliers, configure) == [true, false, false])
        // smallest-first: gypsum (1,059,800 ≥ 1,014,607.6) alone.
        #expect(
            plan(suppliers) {
                configure(&$0)
                $0.sme.reserveRule = .smallestFirst
            } == [false, false, true]
        )
    }

    @Test("framework agreements are never reserved (Art 5(4))")
    func frameworkAgreements() {
        // concrete 3,211,240 ≥ a 3,000,000 threshold: open tender; membrane and gypsum: framework agreements.
        let reserved = plan(Self.suppliers { $0.append(F.supplier("M2", size: .micro, categories: ["gypsum"])) }) {
            $0.thresholds.openTenderGoods = 3_000_000
            $0.methodBelowThreshold = .frameworkAgreement
        }
        #expect(reserved == [true, false, false])
    }
}
