import ExactNumbers
import TenderModel

/// One independently awarded part of the batch tender (包): the demand lines it carries and its rules.
public struct Lot: Sendable, Equatable, Identifiable {
    /// `concrete`, `concrete@north`, `concrete@Q3`, `concrete#2`, or `bundle` (or `bundle@<label>`) (see Docs/engine.md).
    public var id: String
    /// Category ids in the lot (more than one only for a bundle).
    public var categories: [String]
    /// The pooled demand lines (traceable to their projects).
    public var lines: [DemandLine] { didSet { ceiling = Lot.ceiling(of: lines) } }
    /// The procurement method from the threshold table (or forced by the policy).
    public var method: ProcurementMethod
    /// Reserved for SMEs (预留): only SMEs may bid and there is no price deduction.
    public var reservedForSME: Bool
    /// Works under the Tendering Law (deduction rates differ).
    public var isWorks: Bool
    /// Whether the lot is bought under the green clauses of its categories (false: lines the green rule does
    /// not require to comply, in lots of their own; the conformity review checks no green clause there).
    public var greenClauses: Bool

    public init(
        id: String,
        categories: [String],
        lines: [DemandLine],
        method: ProcurementMethod,
        reservedForSME: Bool = false,
        isWorks: Bool = false,
        greenClauses: Bool = true
    ) {
        self.id = id
        self.categories = categories
        self.lines = lines
        ceiling = Lot.ceiling(of: lines)
        self.method = method
        self.reservedForSME = reservedForSME
        self.isWorks = isWorks
        self.greenClauses = greenClauses
    }

    /// Σ quantity × ceiling unit price: the lot's ceiling price (最高限价) and budget. Kept with the lines, so
    /// that every evaluation of the lot reads it instead of summing the lines again.
    public private(set) var ceiling: Exact

    private static func ceiling(of lines: [DemandLine]) -> Exact {
        var total = Exact.zero
        for index in lines.indices { total += lines[index].ceilingAmount }
        return total
    }

    /// Total quantity per category id.
    public var quantities: [String: Exact] {
        var result: [String: Exact] = [:]
        for line in lines { result[line.category, default: .zero] += line.quantity }
        return result
    }
}

/// The lot plan: every demand line either in exactly one lot or excluded with a reason.
public struct LotPlan: Sendable, Equatable {
    public var lots: [Lot]
    /// Lines left to the projects themselves (below the decentralised limit, or non-common categories).
    public var excluded: [ExcludedLine]
    /// Plans that buy below the open-tender threshold what adds up above it (化整为零).
    public var splittingFlags: [SplittingFlag]
    /// What the green rule asks of each project, in scenario order.
    public var green: [ProjectGreenPlan]

    public init(
        lots: [Lot],
        excluded: [ExcludedLine] = [],
        splittingFlags: [SplittingFlag] = [],
        green: [ProjectGreenPlan] = []
    ) {
        self.lots = lots
        self.excluded = excluded
        self.splittingFlags = splittingFlags
        self.green = green
    }

    /// The lot carrying a demand line (by `project/line` reference).
    public func lot(carrying reference: String) -> Lot? {
        lots.first { lot in lot.lines.contains { $0.reference == reference } }
    }
}

/// A demand line kept out of the batch.
public struct ExcludedLine: Sendable, Equatable {
    public enum Reason: String, Code {
        /// The category is not common (通用类) and is bought by the project itself.
        case notCommon = "not-common"
        /// The pooled amount is below the decentralised purchasing limit (分散采购限额).
        case belowDecentralisedLimit = "below-decentralised-limit"
    }

    public var line: DemandLine
    public var reason: Reason
    /// Whether the project buys the line under the green clauses (the green rule's decision).
    public var greenClauses: Bool

    public init(line: DemandLine, reason: Reason, greenClauses: Bool = true) {
        self.line = line
        self.reason = reason
        self.greenClauses = greenClauses
    }
}

/// The same category bought by non-open methods in several lots whose total reaches the threshold.
public struct SplittingFlag: Sendable, Equatable {
    public var category: String
    public var lots: [String]
    public var total: Exact
    public var threshold: Exact

    public init(category: String, lots: [String], total: Exact, threshold: Exact) {
        self.category = category
        self.lots = lots
        self.total = total
        self.threshold = threshold
    }
}

extension ExcludedLine.Reason {
    public var label: Label {
        switch self {
        case .notCommon: return Label("非通用类，由项目自行采购", "not common: bought by the project")
        case .belowDecentralisedLimit: return Label("低于分散采购限额", "below the decentralised purchasing limit")
        }
    }
}
