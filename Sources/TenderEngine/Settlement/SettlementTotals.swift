import ExactNumbers
import TenderModel

/// What a run's metrics read of the settlement (``RunMetrics``): the projects' totals, summed over the
/// projects of the scenario.
struct SettlementTotals: Sendable, Equatable {
    var projects = 0
    /// Σ ceilings of every line.
    var ceiling: Exact = .zero
    /// Σ ceilings of the lines bought.
    var boughtCeiling: Exact = .zero
    /// Σ amounts payable.
    var payable: Exact = .zero
    var budgets: Exact = .zero
    /// Σ of the projects' green premiums; nil when no project has one.
    var greenPremium: Exact?
    /// Projects that meet the green rule.
    var compliantProjects = 0
    /// Lines whose amount is assumed to be their ceiling.
    var assumedLines = 0

    /// The totals of settlements made line by line (``Settlement/settle(context:outcomes:purchases:)``).
    init(_ settlements: [ProjectSettlement]) {
        projects = settlements.count
        for settlement in settlements {
            ceiling += settlement.ceiling
            boughtCeiling += settlement.boughtCeiling
            payable += settlement.payable
            budgets += settlement.budget
            if let premium = settlement.greenPremium { greenPremium = (greenPremium ?? .zero) + premium }
            if settlement.compliance.passes { compliantProjects += 1 }
            assumedLines += settlement.lines.filter { $0.basis == .assumedCeiling }.count
        }
    }

    init() {}
}

extension Settlement {
    /// The totals of ``settle(context:outcomes:purchases:)`` without its lines: the same amounts by the same
    /// rules (``awards(of:)``, the last outcome carrying a line settles it, a failed purchase of a line left to
    /// its project is assumed paid at its ceiling), kept per slot as the few figures the totals read instead of a
    /// ``LineSettlement`` with a copy of its demand line. What a simulation that keeps only metrics computes
    /// (``EvaluationContext/keepsDetail`` off); the two agree exactly (tested on every bundled scenario).
    /// Its lists are the scratch's (``ReplicationScratch``), given back when it returns.
    static func totals(
        context: EvaluationContext,
        outcomes: [LotOutcome],
        purchases: [ProjectPurchase],
        scratch: ReplicationScratch
    ) -> SettlementTotals {
        let layout = context.settlementLayout
        var slots = ReplicationScratch.take(&scratch.settledLines)
        slots.append(contentsOf: repeatElement(nil, count: layout.slotCount))
        // One list of awards for every lot, emptied before each.
        var awards = ReplicationScratch.take(&scratch.lineAwards)
        var kindOutcomes = ReplicationScratch.take(&scratch.kindOutcomes)
        defer {
            ReplicationScratch.giveBack(&slots, to: &scratch.settledLines)
            ReplicationScratch.giveBack(&awards, to: &scratch.lineAwards)
            ReplicationScratch.giveBack(&kindOutcomes, to: &scratch.kindOutcomes)
        }
        /// Records each line of `lines` (aligned with `awards`) in its slot: by the known slots and facts when
        /// they match the lines, else by reference, as the line-by-line settlement does.
        func record(
            _ lines: [DemandLine],
            _ awards: [LineAward],
            green: Bool,
            known: (slots: [Int], facts: [SettlementLayout.LineFacts])?
        ) {
            if let known, known.slots.count == lines.count {
                for index in lines.indices {
                    let facts = known.facts[index]
                    slots[known.slots[index]] = SettledLine(facts: facts, award: awards[index], green: green)
                }
                return
            }
            for (line, award) in zip(lines, awards) {
                guard let slot = layout.slotOfReference[line.reference] else { continue }
                let facts = SettlementLayout.LineFacts(line, referencePrices: layout.referencePrices)
                slots[slot] = SettledLine(facts: facts, award: award, green: green)
            }
        }
        // Outcomes and purchases by index, read in place: iterating would copy each outcome (its lot, its
        // evaluations) on every replication.
        let planLots = context.plan.lots
        for position in outcomes.indices {
            let lines = outcomes[position].lot.lines
            let known =
                position < planLots.count && lines == planLots[position].lines
                ? (layout.lotSlots[position], layout.lotLines[position]) : nil
            let ceilings = known != nil ? layout.lotCeilings[position] : nil
            ReplicationScratch.empty(&awards)
            appendAwards(of: outcomes[position], ceilings: ceilings, into: &awards)
            record(lines, awards, green: outcomes[position].lot.greenClauses, known: known)
        }
        let excluded = context.plan.excluded
        for position in purchases.indices {
            let line = purchases[position].excluded.line
            // The plan's own excluded line at this position: its slot and facts are known (one line, so no
            // list of one is built for it).
            let known = position < excluded.count && excluded[position].line == line
            if purchases[position].outcome?.winner != nil, let lines = purchases[position].outcome?.lot.lines {
                let ownLine = known && lines.count == 1 && lines[0] == line
                let ceilings = ownLine ? layout.excludedCeilings[position] : nil
                ReplicationScratch.empty(&awards)
                appendAwards(of: purchases[position].outcome!, ceilings: ceilings, into: &awards)
                let green = purchases[position].outcome?.lot.greenClauses == true
                if ownLine && awards.count == 1 {
                    slots[layout.excludedSlots[position]] = SettledLine(
                        facts: layout.excludedLines[position],
                        award: awards[0],
                        green: green
                    )
                } else {
                    record(lines, awards, green: green, known: nil)
                }
            } else {
                let assumed = LineAward(supplier: nil, amount: line.ceilingAmount, basis: .assumedCeiling)
                let green = purchases[position].excluded.greenClauses
                if known {
                    slots[layout.excludedSlots[position]] = SettledLine(
                        facts: layout.excludedLines[position],
                        award: assumed,
                        green: green
                    )
                } else {
                    record([line], [assumed], green: green, known: nil)
                }
            }
        }
        var totals = SettlementTotals()
        // By index, read in place: iterating would copy each project (its lists) on every replication.
        let projects = layout.projects
        for p in projects.indices {
            totals.projects += 1
            totals.budgets += projects[p].budget
            for slot in projects[p].slots {
                guard let settled = slots[slot] else { continue }
                totals.ceiling += settled.facts.ceiling
                if settled.basis == .assumedCeiling { totals.assumedLines += 1 }
                guard let amount = settled.amount else { continue }
                totals.boughtCeiling += settled.facts.ceiling
                totals.payable += amount
                if settled.green, let referenceCost = settled.facts.referenceCost {
                    totals.greenPremium = (totals.greenPremium ?? .zero) + amount - referenceCost
                }
            }
            ReplicationScratch.empty(&kindOutcomes)
            for (kind, kindSlots) in zip(projects[p].greenPlan.kinds, projects[p].kindSlots) {
                var settledCount = 0
                var bought = true
                var green = true
                for slot in kindSlots {
                    guard let settled = slots[slot] else { continue }
                    settledCount += 1
                    if settled.amount == nil { bought = false }
                    if !settled.green { green = false }
                }
                kindOutcomes.append(
                    KindOutcome(lines: kind.lines.count, settled: settledCount, allBought: bought, allGreen: green)
                )
            }
            if ProjectCompliance.passes(projects[p].greenPlan, outcomes: kindOutcomes) { totals.compliantProjects += 1 }
        }
        return totals
    }
}

/// A settled line as the totals read it.
struct SettledLine {
    let facts: SettlementLayout.LineFacts
    let amount: Exact?
    let basis: SettlementBasis
    let green: Bool

    init(facts: SettlementLayout.LineFacts, award: LineAward, green: Bool) {
        self.facts = facts
        amount = award.amount
        basis = award.basis
        self.green = green
    }
}
