import ExactNumbers
import TenderModel

/// Demand aggregation, lot construction, method choice, SME reserve and the splitting check (Docs/rules.md §3–4).
///
/// The steps, in this order:
/// 1. **Aggregation.** Lines of non-common categories (or of categories missing from the catalogue) are
///    excluded as ``ExcludedLine/Reason/notCommon``. The rest are pooled by category, and by the project's
///    district (`.categoryRegion`) or the quarter of `deliveryFrom` (`.categoryPeriod`, `Q1`…`Q4`, the year
///    ignored). Specs never split a pool. A pool whose ceiling (Σ quantity × ceiling unit price) is below the
///    decentralised limit (`decentralisedWorks` when every line comes from a works project, else
///    `decentralisedGoods`) is excluded as ``ExcludedLine/Reason/belowDecentralisedLimit``.
/// 2. **Value cap.** A pool above `valueCap` becomes `concrete#1`…`concrete#k` (`concrete@north#2` under a
///    label), k = ⌈ceiling / cap⌉ (at most the number of lines), whole lines dealt largest first onto the
///    smallest piece. A cap ≤ 0 is ignored; a single line above the cap stays one lot.
/// 3. **Bundling.** Pools below `bundleBelow` that the cap did not touch (ceiling ≤ cap) are merged into one
///    lot per label: `bundle` (`bundle@north`, `bundle@Q3` under a label), if there are at least two of
///    them; a lone one stays its own lot. Because the decentralised test comes first, every bundle member —
///    hence every bundle — is at or above the decentralised limit. A bundle is never split by the cap.
/// 4. **Order.** Single-category lots by catalogue order of the category, then label, then piece number;
///    bundles last, by label. Lines keep the scenario's order within a lot.
/// 5. **Method.** Ceiling ≥ the open-tender threshold (`openTenderWorks` for works lots, else
///    `openTenderGoods`) → `.openTender`; below → `policy.methodBelowThreshold`.
/// 6. **SME reserve** (``SMEReserve``), when `lotting.smeReserve` is on.
/// 7. **Splitting check** (``SplittingCheck``).
///
/// Every demand line ends up in exactly one lot or in ``LotPlan/excluded``; all amounts are exact.
public enum LotPlanner {
    /// The lot plan of `scenario` under its policy.
    ///
    /// - Complexity: O(n log n) in the number of demand lines (O(n) without a value cap).
    public static func plan(_ scenario: Scenario) -> LotPlan { plan(scenario, drafted: draft(scenario)) }

    /// The lot plan of `scenario` from its lots as drafted by ``draft(_:reusing:)`` (steps 1–4), when `drafted` was
    /// drafted from what `scenario` has (``LotDrafts/fits(_:)``); otherwise drafted again. The same plan as
    /// ``plan(_:)``: loading a scenario's variants that change no more than methods, the reserve or the
    /// evaluation drafts its lots once.
    ///
    /// - Complexity: O(lots) when `drafted` fits (O(lots × suppliers) with the SME reserve).
    public static func plan(_ scenario: Scenario, drafted: LotDrafts) -> LotPlan {
        let drafted = drafted.fits(scenario) ? drafted : draft(scenario)
        let policy = scenario.policy
        let thresholds = policy.thresholds
        var lots = drafted.drafts.map { draft in
            let threshold = draft.isWorks ? thresholds.openTenderWorks : thresholds.openTenderGoods
            return Lot(
                id: draft.id,
                categories: draft.categories,
                lines: draft.lines,
                method: draft.ceiling >= threshold ? .openTender : policy.methodBelowThreshold,
                isWorks: draft.isWorks,
                greenClauses: draft.green
            )
        }
        if policy.lotting.smeReserve {
            for (i, reserved) in SMEReserve.reserved(lots, scenario: scenario).enumerated() {
                lots[i].reservedForSME = reserved
            }
        }
        let flags = SplittingCheck.flags(lots: lots, catalogue: scenario.catalogue, thresholds: thresholds)
        return LotPlan(lots: lots, excluded: drafted.excluded, splittingFlags: flags, green: drafted.green)
    }

    /// Steps 1–4 of the plan of `scenario` (the green rule, aggregation, value cap, bundling, order): the lots
    /// before their methods and reserves. The green rule's plan and the pools of `earlier` drafts made from what
    /// those steps read alike are taken from them (a value cap changes neither; a strategy, only the pools).
    ///
    /// - Complexity: O(n log n) in the number of demand lines (O(n) without a value cap).
    public static func draft(_ scenario: Scenario, reusing earlier: [LotDrafts] = []) -> LotDrafts {
        let policy = scenario.policy
        let inputs = LotDrafts.Inputs(scenario)
        let green = earlier.first { $0.inputs.sameGreenPlan(as: inputs) }?.green ?? GreenPlanner.plan(scenario)
        let pooled =
            earlier.first { $0.inputs.samePools(as: inputs) }?.pooled
            ?? DemandPooling.pools(of: scenario, conventional: GreenPlanner.conventionalLines(green))
        let (pools, excluded) = pooled
        // Per line, each line is a purchase of its own: no cap splits it, no bundle joins it.
        let perLine = policy.lotting.strategy == .perLine
        let cap = perLine ? nil : policy.lotting.valueCap.flatMap { $0 > .zero ? $0 : nil }
        var drafts: [LotDraft] = []
        var bundleCandidates: [BundleKey: [DemandPool]] = [:]
        for pool in pools {
            let k = cap.map { ValueCapSplitter.pieceCount(ceiling: pool.ceiling, cap: $0, lineCount: pool.lines.count) }
            if let k, k > 1 {
                for (number, piece) in ValueCapSplitter.split(pool.lines, into: k).enumerated() {
                    drafts.append(
                        LotDraft(
                            id: "\(pool.baseID)#\(number + 1)",
                            categories: [pool.category],
                            lines: piece.lines,
                            ceiling: piece.ceiling,
                            isWorks: pool.isWorks,
                            green: pool.green,
                            order: LotOrder(
                                bundle: false,
                                rank: pool.rank,
                                label: pool.label ?? "",
                                green: pool.green,
                                piece: number + 1
                            )
                        )
                    )
                }
            } else if !perLine, let below = policy.lotting.bundleBelow, pool.ceiling < below,
                cap.map({ pool.ceiling <= $0 }) ?? true
            {
                bundleCandidates[BundleKey(label: pool.label, green: pool.green), default: []].append(pool)
            } else {
                drafts.append(LotDraft(single: pool))
            }
        }
        for (key, members) in bundleCandidates {
            if members.count >= 2 {
                drafts.append(LotDraft(bundleOf: members, label: key.label, green: key.green))
            } else {
                drafts.append(contentsOf: members.map(LotDraft.init(single:)))
            }
        }
        drafts.sort { $0.order < $1.order }
        return LotDrafts(inputs: inputs, drafts: drafts, excluded: excluded, green: green, pooled: pooled)
    }
}

/// The lots of a plan before their methods, reserves and the splitting check (``LotPlanner/draft(_:reusing:)``), with
/// what they were drafted from.
public struct LotDrafts: Sendable {
    /// Everything steps 1–4 of the plan read: the catalogue, the projects, and of the policy the lotting (but
    /// the SME reserve), the decentralised limits and the green rule. A change here must follow every read of
    /// the scenario in ``LotPlanner/draft(_:reusing:)``, ``GreenPlanner`` and ``DemandPooling``.
    /// (The lists last: `==` compares in this order, and they are the long part.)
    fileprivate struct Inputs: Equatable, Sendable {
        var strategy: LotStrategy
        var valueCap: Exact?
        var bundleBelow: Exact?
        var decentralisedGoods: Exact
        var decentralisedWorks: Exact
        var greenRule: GreenRule
        var optionalCoverage: Exact
        var optionalKinds: OptionalKinds
        var catalogue: [Category]
        var projects: [Project]

        init(_ scenario: Scenario) {
            let policy = scenario.policy
            catalogue = scenario.catalogue
            projects = scenario.projects
            strategy = policy.lotting.strategy
            valueCap = policy.lotting.valueCap
            bundleBelow = policy.lotting.bundleBelow
            decentralisedGoods = policy.thresholds.decentralisedGoods
            decentralisedWorks = policy.thresholds.decentralisedWorks
            greenRule = policy.greenRule
            optionalCoverage = policy.optionalCoverage
            optionalKinds = policy.optionalKinds
        }

        /// The green rule's plan reads the catalogue, the projects and the green rule.
        func sameGreenPlan(as other: Inputs) -> Bool {
            greenRule == other.greenRule && optionalCoverage == other.optionalCoverage
                && optionalKinds == other.optionalKinds && catalogue == other.catalogue && projects == other.projects
        }

        /// The pools read those, the strategy and the decentralised limits.
        func samePools(as other: Inputs) -> Bool {
            strategy == other.strategy && decentralisedGoods == other.decentralisedGoods
                && decentralisedWorks == other.decentralisedWorks && sameGreenPlan(as: other)
        }
    }

    fileprivate let inputs: Inputs
    fileprivate let drafts: [LotDraft]
    fileprivate let excluded: [ExcludedLine]
    fileprivate let green: [ProjectGreenPlan]
    /// The pools of step 1 and the lines it excluded.
    fileprivate let pooled: (pools: [DemandPool], excluded: [ExcludedLine])

    /// Whether these lots were drafted from what `scenario` has (the same catalogue, projects, lotting but the
    /// reserve, decentralised limits and green rule): then ``LotPlanner/draft(_:reusing:)`` of `scenario` drafts them
    /// again.
    public func fits(_ scenario: Scenario) -> Bool { inputs == Inputs(scenario) }
}

/// A lot before its method and reserve are decided, with its ceiling computed once.
private struct LotDraft: Sendable {
    var id: String
    var categories: [String]
    var lines: [DemandLine]
    var ceiling: Exact
    var isWorks: Bool
    var green: Bool
    var order: LotOrder

    init(
        id: String,
        categories: [String],
        lines: [DemandLine],
        ceiling: Exact,
        isWorks: Bool,
        green: Bool,
        order: LotOrder
    ) {
        self.id = id
        self.categories = categories
        self.lines = lines
        self.ceiling = ceiling
        self.isWorks = isWorks
        self.green = green
        self.order = order
    }

    init(single pool: DemandPool) {
        self.init(
            id: pool.baseID,
            categories: [pool.category],
            lines: pool.lines,
            ceiling: pool.ceiling,
            isWorks: pool.isWorks,
            green: pool.green,
            order: LotOrder(bundle: false, rank: pool.rank, label: pool.label ?? "", green: pool.green, piece: 0)
        )
    }

    /// `members` are in catalogue order already (the pools are sorted).
    init(bundleOf members: [DemandPool], label: String?, green: Bool) {
        self.init(
            id: (label.map { "bundle@\($0)" } ?? "bundle") + (green ? "" : DemandPool.nonGreenSuffix),
            categories: members.map(\.category),
            lines: members.flatMap(\.lines),
            ceiling: members.map(\.ceiling).sum(),
            isWorks: members.allSatisfy(\.isWorks),
            green: green,
            order: LotOrder(bundle: true, rank: 0, label: label ?? "", green: green, piece: 0)
        )
    }
}

/// The documented lot order: single-category lots (catalogue rank, label, green before non-green, piece), then
/// bundles by label (green before non-green).
private struct LotOrder: Comparable {
    var bundle: Bool
    var rank: Int
    var label: String
    var green: Bool
    var piece: Int

    static func < (a: LotOrder, b: LotOrder) -> Bool {
        (a.bundle ? 1 : 0, a.rank, a.label, a.green ? 0 : 1, a.piece)
            < (b.bundle ? 1 : 0, b.rank, b.label, b.green ? 0 : 1, b.piece)
    }
}

/// Bundles are made per label and never mix green and non-green lines.
private struct BundleKey: Hashable {
    var label: String?
    var green: Bool
}
