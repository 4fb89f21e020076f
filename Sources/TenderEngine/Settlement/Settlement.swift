import ExactNumbers
import TenderModel

/// How a demand line's payable amount was found (Docs/rules.md §9, settlement).
public enum SettlementBasis: String, Code {
    /// An entered bid of unit prices: unit price × quantity.
    case unitPrice = "unit-price"
    /// A lump-sum award split over the lot's lines in proportion to their ceilings, to the cent.
    case ceilingShare = "ceiling-share"
    /// A framework agreement's order price split over the order's lines in proportion to their ceilings.
    case frameworkOrder = "framework-order"
    /// ASSUMPTION: a line left to the project that the engine could not buy (a rehearsal has no bids for it,
    /// or the project's own purchase failed): the project pays its ceiling.
    case assumedCeiling = "assumed-ceiling"
    /// The lot failed or the order was not placed: nothing is bought, nothing is payable.
    case notBought = "not-bought"

    public var label: Label {
        switch self {
        case .unitPrice: return Label("单价 × 数量", "unit price × quantity")
        case .ceilingShare: return Label("按最高限价比例分摊", "split by ceilings")
        case .frameworkOrder: return Label("框架协议订单", "framework order")
        case .assumedCeiling: return Label("假设按最高限价支付", "assumed: payable = ceiling")
        case .notBought: return Label("未采购", "not bought")
        }
    }
}

/// What one demand line costs its project.
public struct LineSettlement: Sendable, Equatable {
    public var line: DemandLine
    /// The batch lot that carried the line, or, for a line left to the project, the project's own purchase
    /// (its id is the line's reference).
    public var lot: String
    /// Why the line was left to the project; nil for a line of the batch.
    public var leftToProject: ExcludedLine.Reason?
    /// Whether the line was bought under the green clauses.
    public var greenClauses: Bool
    /// The supplier, nil when nothing was bought or the amount is assumed.
    public var supplier: String?
    /// The payable amount, exact (to the cent when the award is); nil when not bought.
    public var amount: Exact?
    public var basis: SettlementBasis

    public init(
        line: DemandLine,
        lot: String,
        leftToProject: ExcludedLine.Reason?,
        greenClauses: Bool,
        supplier: String?,
        amount: Exact?,
        basis: SettlementBasis
    ) {
        self.line = line
        self.lot = lot
        self.leftToProject = leftToProject
        self.greenClauses = greenClauses
        self.supplier = supplier
        self.amount = amount
        self.basis = basis
    }

    /// Quantity × ceiling unit price.
    public var ceiling: Exact { line.ceilingAmount }
    /// Amount / quantity, exact (may not terminate); nil when not bought.
    public var unitPrice: Exact? { amount.flatMap { try? $0 / line.quantity } }
    /// 节约资金: ceiling − amount; nil when not bought.
    public var savings: Exact? { amount.map { ceiling - $0 } }
}

/// Whether a kind of material a project uses was bought green (Docs/rules.md §5).
public enum KindOutcome: String, Code {
    /// Every line of the kind was bought under the green clauses.
    case green
    /// Bought, at least one line without the green clauses.
    case conventional
    /// At least one line was not bought (its lot failed or its order was not placed).
    case notBought = "not-bought"

    public var label: Label {
        switch self {
        case .green: return Label("绿色建材", "green")
        case .conventional: return Label("非绿色", "conventional")
        case .notBought: return Label("未采购", "not bought")
        }
    }
}

extension KindOutcome {
    /// The outcome of a kind with `lines` lines, `settled` of them settled: not bought when a line is missing
    /// or was not bought, green when every line was bought under the green clauses, else conventional.
    init(lines: Int, settled: Int, allBought: Bool, allGreen: Bool) {
        self = settled < lines || !allBought ? .notBought : allGreen ? .green : .conventional
    }
}

/// One kind of material of a project, as bought.
public struct KindCompliance: Sendable, Equatable {
    public var kind: GreenKind
    public var outcome: KindOutcome
}

/// A project's green compliance as bought (Docs/rules.md §5).
public struct ProjectCompliance: Sendable, Equatable {
    public var plan: ProjectGreenPlan
    public var kinds: [KindCompliance]

    /// Optional kinds bought green / optional kinds used (2025 rule), nil without optional kinds or under the
    /// 2022 rule.
    public var share: Exact? {
        Self.share(
            rule: plan.rule,
            count: kinds.count,
            status: { kinds[$0].kind.status },
            outcome: { kinds[$0].outcome }
        )
    }

    /// Why the project fails the rule, empty when it passes.
    public var shortfalls: [String] {
        failures(all: true).map { failure in
            switch failure {
            case .kind(let k): return "\(kinds[k].kind.category) \(kinds[k].outcome.rawValue)"
            case .mandatoryKind(let k): return "mandatory \(kinds[k].kind.category) \(kinds[k].outcome.rawValue)"
            case .optionalShare(let share, let coverage):
                return "optional share \((share * .hundred).formatted(places: 2))% below \(coverage.percentText)"
            }
        }
    }

    /// Whether the project meets the rule.
    public var passes: Bool { failures(all: false).isEmpty }

    private func failures(all: Bool) -> [Failure] {
        Self.failures(
            rule: plan.rule,
            coverage: plan.coverage,
            count: kinds.count,
            status: { kinds[$0].kind.status },
            outcome: { kinds[$0].outcome },
            all: all
        )
    }

    /// Whether a project whose plan is `plan` meets the rule when its kinds (aligned with `plan.kinds`) were
    /// bought as `outcomes`: ``passes`` without building the kinds' compliance (what a simulated replication
    /// reads).
    static func passes(_ plan: ProjectGreenPlan, outcomes: [KindOutcome]) -> Bool {
        failures(
            rule: plan.rule,
            coverage: plan.coverage,
            count: outcomes.count,
            status: { plan.kinds[$0].status },
            outcome: { outcomes[$0] },
            all: false
        ).isEmpty
    }

    /// What fails the rule, by kind position, in the order of ``shortfalls``; the first only unless `all`.
    private enum Failure {
        case kind(Int)
        case mandatoryKind(Int)
        case optionalShare(Exact, coverage: Exact)
    }

    /// The rule itself (Docs/rules.md §5), over `count` kinds read by position: under the 2022 rule every kind
    /// must be bought green; under the 2025 rule every mandatory kind, and the share of optional kinds bought
    /// green must reach the coverage.
    private static func failures(
        rule: GreenRule,
        coverage: Exact?,
        count: Int,
        status: (Int) -> CategoryStatus,
        outcome: (Int) -> KindOutcome,
        all: Bool
    ) -> [Failure] {
        var result: [Failure] = []
        switch rule {
        case .rule2022:
            for k in 0..<count where outcome(k) != .green {
                result.append(.kind(k))
                if !all { return result }
            }
        case .rule2025:
            for k in 0..<count where status(k) == .mandatory && outcome(k) != .green {
                result.append(.mandatoryKind(k))
                if !all { return result }
            }
            if let share = share(rule: rule, count: count, status: status, outcome: outcome), let coverage,
                share < coverage
            {
                result.append(.optionalShare(share, coverage: coverage))
            }
        }
        return result
    }

    private static func share(
        rule: GreenRule,
        count: Int,
        status: (Int) -> CategoryStatus,
        outcome: (Int) -> KindOutcome
    ) -> Exact? {
        guard rule == .rule2025 else { return nil }
        var optional = 0
        var green = 0
        for k in 0..<count where status(k) == .optional {
            optional += 1
            if outcome(k) == .green { green += 1 }
        }
        guard optional > 0 else { return nil }
        return try? Exact(numerator: green, denominator: optional)
    }
}

/// What one project pays: its lines, totals and savings, and its green compliance.
public struct ProjectSettlement: Sendable, Equatable {
    public var project: String
    public var budget: Exact
    /// The project's lines in scenario order.
    public var lines: [LineSettlement]
    public var compliance: ProjectCompliance
    /// Σ ceilings of every line.
    public var ceiling: Exact
    /// Σ ceilings of the lines bought (with an amount).
    public var boughtCeiling: Exact
    /// Σ amounts: what the project pays.
    public var payable: Exact
    /// 绿色溢价: Σ over the lines bought under the green clauses whose category has a reference price, of
    /// amount − quantity × reference price; nil when there is no such line.
    public var greenPremium: Exact?

    /// 节约资金: bought ceilings − payable (a line not bought saves nothing).
    public var savings: Exact { boughtCeiling - payable }
    /// Savings / bought ceilings.
    public var savingsRate: Exact? { boughtCeiling.isZero ? nil : try? savings / boughtCeiling }
    /// Savings / the project's budget.
    public var savingsRateOfBudget: Exact? { budget.isZero ? nil : try? savings / budget }
    /// Payable / budget.
    public var payableShareOfBudget: Exact? { budget.isZero ? nil : try? payable / budget }
    /// Lines with nothing bought.
    public var unbought: Int { lines.filter { $0.amount == nil }.count }
}

/// A line left to the project, bought by the project itself with the same engine at the line's own scale.
public struct ProjectPurchase: Sendable, Equatable {
    public var excluded: ExcludedLine
    /// The purchase as a one-line lot; nil in a rehearsal (no bids were entered for it).
    public var outcome: LotOutcome?
}

/// Money back to projects: every line's share of its award (Docs/rules.md §9).
///
/// **Split rule.** A lot's (or a framework order's) award A over its lines with ceilings c₁…cₙ, C = Σ cᵢ:
/// line i's exact share is A × cᵢ / C; each share is rounded down to the cent; the cents left over go one each
/// to the lines with the largest fractions dropped (ties: the earlier line in the lot). The amounts sum to A
/// exactly; an award with a fraction of a cent gives that fraction to the first line in that order. A bid
/// entered as unit prices, awarded at its own price, pays unit price × quantity per line instead.
public enum Settlement {
    /// Splits `total` over `weights` (positive) by the rule above: on machine integers when the total and the
    /// weights are machine fractions and every intermediate fits (``splitOnIntegers(_:weights:)``), else in exact
    /// rationals (``splitExactly(_:weights:)``). Both give the same amounts.
    public static func split(_ total: Exact, weights: [Exact]) -> [Exact] {
        var amounts: [Exact] = []
        amounts.reserveCapacity(weights.count)
        forEachShare(total, weights: weights) { amounts.append($0) }
        return amounts
    }

    /// Calls `body` with each amount of ``split(_:weights:)``, in the weights' order, without building the list
    /// for one line.
    static func forEachShare(_ total: Exact, weights: [Exact], _ body: (Exact) -> Void) {
        // One line (every project's own purchase): its share is the whole award, and the rule gives it back
        // whole (the cents rounded down, then the fraction of a cent left).
        if weights.count == 1 && !weights[0].isZero {
            body(total)
            return
        }
        if forEachShareOnIntegers(total, weights: weights, body) { return }
        for amount in splitExactly(total, weights: weights) { body(amount) }
    }

    /// The split rule on machine integers; nil when the total is negative or not a machine fraction, a weight
    /// is not positive or not a machine fraction, or an intermediate would overflow.
    ///
    /// With the weights over their common denominator as integers wᵢ (W = Σ wᵢ) and the total t = n/d, line i's
    /// share in cents is 100·n·wᵢ / (d·W): its whole cents are the quotient and its fraction dropped is the
    /// remainder over d·W, one denominator for every line, so the remainders order the lines as the fractions
    /// do. The cents left over are 100·n − d·Σ cents over d: their quotient is the whole cents handed out, their
    /// remainder the fraction of a cent the first line receives.
    package static func splitOnIntegers(_ total: Exact, weights: [Exact]) -> [Exact]? {
        var amounts: [Exact] = []
        amounts.reserveCapacity(weights.count)
        guard forEachShareOnIntegers(total, weights: weights, { amounts.append($0) }) else { return nil }
        return amounts
    }

    /// Calls `body` with each amount of ``splitOnIntegers(_:weights:)``, in the weights' order, and returns true;
    /// returns false, having called nothing, where that gives nil. Its working lists are on the stack.
    static func forEachShareOnIntegers(_ total: Exact, weights: [Exact], _ body: (Exact) -> Void) -> Bool {
        guard !weights.isEmpty, let (n, d) = total.machineFraction, n >= 0 else { return false }
        // The weights over their least common denominator.
        var common: Int64 = 1
        for weight in weights.indices {
            guard let (wn, wd) = weights[weight].machineFraction, wn > 0 else { return false }
            let (q, _) = common.quotientAndRemainder(dividingBy: gcd(common, wd))
            let (lcm, overflow) = q.multipliedReportingOverflow(by: wd)
            guard !overflow else { return false }
            common = lcm
        }
        let count = weights.count
        return withUnsafeTemporaryAllocation(of: Int128.self, capacity: count) { scaled in
            withUnsafeTemporaryAllocation(of: Int64.self, capacity: count) { cents in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { order in
                    var sum: Int128 = 0
                    for weight in weights.indices {
                        let (wn, wd) = weights[weight].machineFraction!
                        // wn × (common / wd) < 2¹²⁶ fits; their sum is checked.
                        let w = Int128(wn) * Int128(common / wd)
                        let (next, overflow) = sum.addingReportingOverflow(w)
                        guard !overflow else { return false }
                        scaled.initializeElement(at: weight, to: w)
                        sum = next
                    }
                    let (denominator, denominatorOverflow) = Int128(d).multipliedReportingOverflow(by: sum)
                    guard !denominatorOverflow else { return false }
                    let hundredN = Int128(n) * 100
                    // Per line: its whole cents and, in `scaled`, the remainder (the fraction dropped × 100·d·W).
                    var centsSum: Int128 = 0
                    for line in 0..<count {
                        let (numerator, overflow) = hundredN.multipliedReportingOverflow(by: scaled[line])
                        guard !overflow else { return false }
                        let (whole, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
                        guard let whole64 = Int64(exactly: whole) else { return false }
                        cents.initializeElement(at: line, to: whole64)
                        centsSum += whole
                        scaled[line] = remainder
                    }
                    // d · Σ cents ≤ 100·n < 2⁷⁰: checked all the same.
                    let (spent, spentOverflow) = Int128(d).multipliedReportingOverflow(by: centsSum)
                    guard !spentOverflow else { return false }
                    let (wholeCents, fraction) = (hundredN - spent).quotientAndRemainder(dividingBy: Int128(d))
                    let (fractionDenominator, fractionOverflow) = d.multipliedReportingOverflow(by: 100)
                    guard !fractionOverflow else { return false }
                    // The largest fractions first, ties to the earlier line.
                    for line in 0..<count { order.initializeElement(at: line, to: line) }
                    var order = order  // the buffer's address: sorting writes through it
                    order.sort { (a: Int, b: Int) -> Bool in
                        let (x, y): (Int128, Int128) = (scaled[a], scaled[b])
                        return x != y ? x > y : a < b
                    }
                    // Fewer than one whole cent per line is left over (each line drops less than a cent); a line
                    // at the top of 64 bits that receives one gives up to the exact split.
                    guard let handedOut = Int(exactly: wholeCents) else { return false }
                    for position in 0..<max(0, handedOut) {
                        let line = order[position % count]
                        let (more, overflow) = cents[line].addingReportingOverflow(1)
                        guard !overflow else { return false }
                        cents[line] = more
                    }
                    let first = order[0]
                    for line in 0..<count {
                        var amount = (try? Exact(numerator: Int(cents[line]), denominator: 100)) ?? .zero
                        if line == first && fraction != 0 {
                            amount +=
                                (try? Exact(numerator: Int(fraction), denominator: Int(fractionDenominator))) ?? .zero
                        }
                        body(amount)
                    }
                    return true
                }
            }
        }
    }

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// The split rule in exact rationals.
    package static func splitExactly(_ total: Exact, weights: [Exact]) -> [Exact] {
        let sum = weights.sum()
        guard !weights.isEmpty, !sum.isZero else { return weights.map { _ in .zero } }
        if weights.count == 1 { return [total] }
        var amounts: [Exact] = []
        var fractions: [Exact] = []
        for weight in weights {
            let share = total * ((try? weight / sum) ?? .zero)
            let down = share.rounded(places: 2, mode: .floor)
            amounts.append(down)
            fractions.append(share - down)
        }
        let cent = (try? Exact(numerator: 1, denominator: 100)) ?? .zero
        var left = total - amounts.sum()
        let order = weights.indices.sorted { fractions[$0] != fractions[$1] ? fractions[$0] > fractions[$1] : $0 < $1 }
        var position = 0
        while left >= cent, !order.isEmpty {
            amounts[order[position % order.count]] += cent
            left -= cent
            position += 1
        }
        if !left.isZero, let first = order.first { amounts[first] += left }
        return amounts
    }

    /// The settlement of every project of the context's scenario from the batch outcomes (aligned with the
    /// plan's lots) and the projects' own purchases (aligned with the plan's excluded lines).
    ///
    /// Each line is settled by the last outcome carrying it, lots first, then purchases; a line left to its
    /// project whose purchase found no winner (or has no outcome) is assumed paid at its ceiling. The lines
    /// are kept by their slot in the context's ``SettlementLayout`` (one per line reference, found once per
    /// context), not by their reference.
    static func settle(context: EvaluationContext, outcomes: [LotOutcome], purchases: [ProjectPurchase])
        -> [ProjectSettlement]
    {
        let layout = context.settlementLayout
        var settledLines = [LineSettlement?](repeating: nil, count: layout.slotCount)
        func record(_ settled: [LineSettlement], lines known: [Int]?) {
            if let known, known.count == settled.count {
                for (slot, line) in zip(known, settled) { settledLines[slot] = line }
                return
            }
            for line in settled {
                if let slot = layout.slotOfReference[line.line.reference] { settledLines[slot] = line }
            }
        }
        let planLots = context.plan.lots
        for (position, outcome) in outcomes.enumerated() {
            let known =
                position < planLots.count && outcome.lot.lines == planLots[position].lines
                ? layout.lotSlots[position] : nil
            record(lines(of: outcome, leftToProject: nil), lines: known)
        }
        let excluded = context.plan.excluded
        for (position, purchase) in purchases.enumerated() {
            let line = purchase.excluded.line
            let known =
                position < excluded.count && excluded[position].line == line ? [layout.excludedSlots[position]] : nil
            if let outcome = purchase.outcome, outcome.winner != nil {
                let ownLine = outcome.lot.lines.count == 1 && outcome.lot.lines[0] == line
                record(lines(of: outcome, leftToProject: purchase.excluded.reason), lines: ownLine ? known : nil)
            } else {
                let settled = LineSettlement(
                    line: line,
                    lot: line.reference,
                    leftToProject: purchase.excluded.reason,
                    greenClauses: purchase.excluded.greenClauses,
                    supplier: nil,
                    amount: line.ceilingAmount,
                    basis: .assumedCeiling
                )
                record([settled], lines: known)
            }
        }
        return layout.projects.map { project in
            let lines = project.slots.compactMap { settledLines[$0] }
            var premium: Exact?
            for settled in lines where settled.greenClauses {
                guard let amount = settled.amount, let reference = layout.referencePrices[settled.line.category] ?? nil
                else { continue }
                premium = (premium ?? .zero) + amount - settled.line.quantity * reference
            }
            let kinds = zip(project.greenPlan.kinds, project.kindSlots).map { kind, slots -> KindCompliance in
                let settled = slots.compactMap { settledLines[$0] }
                let outcome = KindOutcome(
                    lines: kind.lines.count,
                    settled: settled.count,
                    allBought: settled.allSatisfy { $0.amount != nil },
                    allGreen: settled.allSatisfy(\.greenClauses)
                )
                return KindCompliance(kind: kind, outcome: outcome)
            }
            var ceiling = Exact.zero
            var boughtCeiling = Exact.zero
            var payable = Exact.zero
            for settled in lines {
                let lineCeiling = settled.ceiling
                ceiling += lineCeiling
                if let amount = settled.amount {
                    boughtCeiling += lineCeiling
                    payable += amount
                }
            }
            return ProjectSettlement(
                project: project.id,
                budget: project.budget,
                lines: lines,
                compliance: ProjectCompliance(plan: project.greenPlan, kinds: kinds),
                ceiling: ceiling,
                boughtCeiling: boughtCeiling,
                payable: payable,
                greenPremium: premium
            )
        }
    }

    /// The lines of one lot's outcome with their amounts.
    static func lines(of outcome: LotOutcome, leftToProject: ExcludedLine.Reason?) -> [LineSettlement] {
        let lot = outcome.lot
        return zip(lot.lines, awards(of: outcome)).map { line, award in
            LineSettlement(
                line: line,
                lot: lot.id,
                leftToProject: leftToProject,
                greenClauses: lot.greenClauses,
                supplier: award.supplier,
                amount: award.amount,
                basis: award.basis
            )
        }
    }

    /// What each line of an outcome's lot is bought for, in the lot's order: by the split rule above, by unit
    /// prices, by framework orders, or nothing (a failed lot).
    ///
    /// - Parameter ceilings: the ceilings of the lot's lines when the caller has them (the plan's lots, prepared
    ///   once); computed from the lines otherwise.
    static func awards(of outcome: LotOutcome, ceilings: [Exact]? = nil) -> [LineAward] {
        var awards: [LineAward] = []
        appendAwards(of: outcome, ceilings: ceilings, into: &awards)
        return awards
    }

    /// Appends ``awards(of:ceilings:)`` to `awards`: a caller settling lot after lot reuses one list.
    static func appendAwards(of outcome: borrowing LotOutcome, ceilings: [Exact]?, into awards: inout [LineAward]) {
        let lines = outcome.lot.lines
        if let framework = outcome.auction?.framework, outcome.winner != nil {
            var result: [String: LineAward] = [:]
            for order in framework.orders {
                let ordered = lines.filter { order.lines.contains($0.reference) }
                guard let supplier = order.supplier, let price = order.price else {
                    for line in ordered { result[line.reference] = .notBought }
                    continue
                }
                for (line, amount) in zip(ordered, split(price, weights: ordered.map(\.ceilingAmount))) {
                    result[line.reference] = LineAward(supplier: supplier, amount: amount, basis: .frameworkOrder)
                }
            }
            for line in lines { awards.append(result[line.reference] ?? .notBought) }
            return
        }
        guard let winner = outcome.winner, let contract = outcome.contractPrice else {
            for _ in lines.indices { awards.append(.notBought) }
            return
        }
        // The winner's bid read in place (a copy of a bid retains its texts and dictionaries).
        if let found = outcome.evaluations.firstIndex(where: { $0.bid.bidder == winner }),
            !outcome.evaluations[found].bid.unitPrices.isEmpty, outcome.evaluations[found].bid.price == contract
        {
            let bid = outcome.evaluations[found].bid
            let units = lines.compactMap { bid.unitPrices[$0.reference] }
            if units.count == lines.count {
                for (line, unit) in zip(lines, units) {
                    awards.append(LineAward(supplier: winner, amount: line.quantity * unit, basis: .unitPrice))
                }
                return
            }
        }
        let weights = ceilings.flatMap { $0.count == lines.count ? $0 : nil } ?? lines.map(\.ceilingAmount)
        forEachShare(contract, weights: weights) {
            awards.append(LineAward(supplier: winner, amount: $0, basis: .ceilingShare))
        }
    }
}

/// What one line of a lot is bought for (``Settlement/awards(of:)``).
struct LineAward {
    var supplier: String?
    var amount: Exact?
    var basis: SettlementBasis

    static var notBought: LineAward { LineAward(supplier: nil, amount: nil, basis: .notBought) }
}

/// What the settlement reads that does not depend on the draws, prepared once per context: a slot for each
/// line reference of the scenario, the slots of each plan lot's lines and of each excluded line, and per
/// project its lines' slots, its green plan and the slots of each kind's lines.
struct SettlementLayout: Sendable {
    struct Project: Sendable {
        let id: String
        let budget: Exact
        /// The slots of the project's demand lines, in scenario order.
        let slots: [Int]
        let greenPlan: ProjectGreenPlan
        /// Per kind of the green plan: the slots of its lines that the scenario has.
        let kindSlots: [[Int]]
    }

    let slotCount: Int
    let slotOfReference: [String: Int]
    /// Aligned with the plan's lots.
    let lotSlots: [[Int]]
    /// Aligned with the plan's excluded lines.
    let excludedSlots: [Int]
    /// The ceiling and reference cost of each line of each plan lot (aligned with `lotSlots`) and of each
    /// excluded line (aligned with `excludedSlots`): what the totals read of a line (``Settlement/totals``).
    let lotLines: [[LineFacts]]
    let excludedLines: [LineFacts]
    /// The same ceilings as arrays, the weights of the split rule (``Settlement/awards(of:ceilings:)``).
    let lotCeilings: [[Exact]]
    let excludedCeilings: [[Exact]]
    let projects: [Project]
    /// The catalogue's reference price per category id (the first entry of an id).
    let referencePrices: [String: Exact?]

    init(scenario: Scenario, plan: LotPlan) {
        var slotOfReference: [String: Int] = [:]
        for project in scenario.projects {
            for demand in project.demands where slotOfReference[demand.reference] == nil {
                slotOfReference[demand.reference] = slotOfReference.count
            }
        }
        // A plan line the projects do not have (none in a valid plan) gets a slot of its own.
        func slot(_ reference: String) -> Int {
            if let known = slotOfReference[reference] { return known }
            slotOfReference[reference] = slotOfReference.count
            return slotOfReference.count - 1
        }
        lotSlots = plan.lots.map { $0.lines.map { slot($0.reference) } }
        excludedSlots = plan.excluded.map { slot($0.line.reference) }
        let greenPlans = Dictionary(plan.green.map { ($0.project, $0) }, uniquingKeysWith: { first, _ in first })
        let known = slotOfReference
        projects = scenario.projects.map { project in
            let greenPlan =
                greenPlans[project.id]
                ?? ProjectGreenPlan(
                    project: project.id,
                    rule: scenario.policy.greenRule,
                    choice: nil,
                    coverage: nil,
                    kinds: [],
                    uncovered: [],
                    targetStar: project.targetStar
                )
            return Project(
                id: project.id,
                budget: project.budget,
                slots: project.demands.compactMap { known[$0.reference] },
                greenPlan: greenPlan,
                kindSlots: greenPlan.kinds.map { $0.lines.compactMap { known[$0] } }
            )
        }
        self.slotOfReference = slotOfReference
        slotCount = slotOfReference.count
        let referencePrices = Dictionary(
            scenario.catalogue.map { ($0.id, $0.referencePrice) },
            uniquingKeysWith: { first, _ in first }
        )
        self.referencePrices = referencePrices
        lotLines = plan.lots.map { $0.lines.map { LineFacts($0, referencePrices: referencePrices) } }
        excludedLines = plan.excluded.map { LineFacts($0.line, referencePrices: referencePrices) }
        lotCeilings = lotLines.map { $0.map(\.ceiling) }
        excludedCeilings = excludedLines.map { [$0.ceiling] }
    }

    /// A line's ceiling, and quantity × its category's reference price (nil without one).
    struct LineFacts: Sendable {
        let ceiling: Exact
        let referenceCost: Exact?

        init(_ line: DemandLine, referencePrices: [String: Exact?]) {
            ceiling = line.ceilingAmount
            referenceCost = (referencePrices[line.category] ?? nil).map { line.quantity * $0 }
        }
    }
}
