import ExactNumbers
import TenderModel

extension RunMetrics {
    /// Takes the projects' settlement totals into the run's figures.
    mutating func settle(_ totals: SettlementTotals) {
        projects = totals.projects
        projectCeiling = totals.ceiling
        projectBoughtCeiling = totals.boughtCeiling
        payable = totals.payable
        budgets = totals.budgets
        greenPremium = totals.greenPremium
        compliantProjects = totals.compliantProjects
        assumedLines = totals.assumedLines
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
