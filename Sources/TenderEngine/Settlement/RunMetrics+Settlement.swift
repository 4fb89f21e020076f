import ExactNumbers
import TenderModel

extension RunMetrics {
    /// Totals the projects' settlements into the run's figures.
    mutating func settle(_ settlements: [ProjectSettlement]) {
        projects = settlements.count
        for settlement in settlements {
            projectCeiling += settlement.ceiling
            projectBoughtCeiling += settlement.boughtCeiling
            payable += settlement.payable
            budgets += settlement.budget
            if let premium = settlement.greenPremium { greenPremium = (greenPremium ?? .zero) + premium }
            if settlement.compliance.passes { compliantProjects += 1 }
            assumedLines += settlement.lines.filter { $0.basis == .assumedCeiling }.count
        }
    }

    /// The ceilings of the lines nothing was bought for (failed lots, failed purchases of lines left to the
    /// projects): what those lines still need, at most, when bought later.
    public var unboughtCeiling: Exact { projectCeiling - projectBoughtCeiling }

    /// 节约资金 of the projects: the ceilings of their bought lines − what they pay.
    public var projectSavings: Exact { projectBoughtCeiling - payable }
    /// Project savings / the ceilings of the bought lines.
    public var projectSavingsRate: Exact? {
        projectBoughtCeiling.isZero ? nil : try? projectSavings / projectBoughtCeiling
    }
    /// Project savings / the projects' budgets.
    public var budgetSavingsRate: Exact? { budgets.isZero ? nil : try? projectSavings / budgets }
}
