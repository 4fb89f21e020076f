import ExactNumbers
import TenderEngine
import TenderModel

/// 100,000 demand lines from 1,000 pilot projects, for the lot planner.
///
/// 12 categories (10 common, 2 bought by the projects themselves), 6 districts, deliveries over one year.
/// The policy pools by category and district, caps lots at 30 million yuan (so most pools are split),
/// bundles pools below 2 million and applies the SME reserve: every step of the planner runs.
struct PlanningWorkload {
    static let projectCount = 1_000
    static let linesPerProject = 100

    let scenario: Scenario

    init(seed: UInt64 = 0x9_1A77_E55) {
        let catalogue = (1...12).map { number in
            Category(id: "material-\(number)", name: "材料\(number)", unit: "t", isCommon: number <= 10)
        }
        let districts = ["north", "south", "east", "west", "centre", "new-area"]
        var random = RandomStream(seed: seed)
        let projects = (1...Self.projectCount).map { number in
            let id = "P\(number)"
            let demands = (1...Self.linesPerProject).map { line in
                let month = Int.random(in: 1...12, using: &random)
                // Material 10 is a rare one (one line in every 50th project): its small pools get bundled.
                let drawn = Int.random(in: 1...11, using: &random)
                let category = line == 1 && number % 50 == 0 ? 10 : (drawn < 10 ? drawn : drawn + 1)
                return DemandLine(
                    id: "D\(line)",
                    projectID: id,
                    category: "material-\(category)",
                    spec: "spec-\(line % 3)",
                    quantity: Exact(Int.random(in: 10...2_000, using: &random)),
                    unit: "t",
                    deliveryFrom: Day(year: 2024, month: month, day: 1)!,
                    deliveryTo: Day(year: 2024, month: month, day: 28)!,
                    ceilingUnitPrice: try! Exact(
                        numerator: Int.random(in: 5_000...80_000, using: &random),
                        denominator: 100
                    )
                )
            }
            return Project(
                id: id,
                name: "项目\(number)",
                buildingType: BuildingType.allCases[number % BuildingType.allCases.count],
                district: districts[number % districts.count],
                budget: 500_000_000,
                regime: number % 10 == 0 ? .tenderingLawWorks : .governmentProcurement,
                demands: demands
            )
        }
        var policy = Policy()
        policy.lotting.strategy = .categoryRegion
        policy.lotting.valueCap = 30_000_000
        policy.lotting.bundleBelow = 2_000_000
        policy.lotting.smeReserve = true
        scenario = Scenario(
            meta: Meta(name: "planner benchmark", fiscalYear: 2024, bidDate: Day(year: 2024, month: 3, day: 1)!),
            catalogue: catalogue,
            projects: projects,
            suppliers: [],
            policy: policy
        )
    }
}
