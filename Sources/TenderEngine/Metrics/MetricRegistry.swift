import ExactNumbers
import TenderModel

/// What a metric measures, which decides how it is totalled, printed and compared.
public enum MetricKind: String, Sendable, Codable, CaseIterable {
    /// An amount of money in yuan; its total over replications is kept exactly.
    case amount
    /// A whole number (bids, failed lots); its total is kept exactly.
    case count
    /// A fraction 0–1 (savings rate, SME share); printed as a percentage, compared in percentage points.
    case share
    /// 0 or 1 per replication (a lot failed, an SME won); its mean is a rate, compared in percentage points.
    case indicator
    /// An index such as the HHI (0–10,000).
    case index

    /// Whether the exact total over replications is kept.
    public var keepsExactTotal: Bool { self == .amount || self == .count || self == .indicator }
}

/// One figure users read off a run: its name, kind, labels, and how it is read off the run's metrics.
///
/// A run metric is named by itself (`contract`); a lot metric is measured on every lot of the plan and named
/// `lot[<id>].<name>` (`lot[concrete].contract`). A metric is undefined (nil) where it has no value in a run,
/// such as the contract of a failed lot; statistics count such replications apart.
public struct Metric: Sendable {
    public enum Scope: Sendable, Equatable {
        case run
        case lot
    }

    public let name: String
    public let kind: MetricKind
    public let label: Label
    /// What it is, in a sentence, for tables and documentation.
    public let summary: String
    public let scope: Scope
    private let readRun: (@Sendable (RunMetrics) -> Exact?)?
    private let readLot: (@Sendable (LotMetrics) -> Exact?)?

    /// A metric of the whole run, read off its totals.
    public static func run(
        _ name: String,
        _ kind: MetricKind,
        _ label: Label,
        _ summary: String,
        read: @escaping @Sendable (RunMetrics) -> Exact?
    ) -> Metric {
        Metric(name: name, kind: kind, label: label, summary: summary, scope: .run, readRun: read, readLot: nil)
    }

    /// A metric of each lot, read off the lot's figures.
    public static func lot(
        _ name: String,
        _ kind: MetricKind,
        _ label: Label,
        _ summary: String,
        read: @escaping @Sendable (LotMetrics) -> Exact?
    ) -> Metric {
        Metric(name: name, kind: kind, label: label, summary: summary, scope: .lot, readRun: nil, readLot: read)
    }

    /// The metric's value in a run (a run metric), nil where undefined.
    public func value(of run: RunMetrics) -> Exact? { readRun?(run) }

    /// The metric's value on a lot (a lot metric), nil where undefined.
    public func value(of lot: LotMetrics) -> Exact? { readLot?(lot) }

    /// How a run metric is read (nil for a lot metric): for code that reads many runs slot by slot, which keeps
    /// the readers apart rather than copy the metric (its texts) for every read.
    package var runReader: (@Sendable (RunMetrics) -> Exact?)? { readRun }

    /// How a lot metric is read (nil for a run metric), as ``runReader``.
    package var lotReader: (@Sendable (LotMetrics) -> Exact?)? { readLot }

    /// `lot[<id>].<name>`: the name of a lot metric on one lot.
    public func name(lot: String) -> String { "lot[\(lot)].\(name)" }
}

/// The metrics every result reports, defined once: the simulation's catalogue and replication records, the
/// run document's `metrics`, the reports' labels and the exports all iterate a registry.
///
/// Adding a metric is one entry here plus, when its figure is new, its computation in ``RunMetrics`` or
/// ``LotMetrics``. A registry is a value: a study may extend ``standard`` with metrics of its own
/// (``registering(_:)``) and pass it to the simulation and the renderers.
public struct MetricRegistry: Sendable {
    /// Run metrics first, then lot metrics, each in registration order.
    public private(set) var metrics: [Metric]

    public init(_ metrics: [Metric]) {
        self.metrics = []
        for metric in metrics { append(metric) }
    }

    private mutating func append(_ metric: Metric) {
        precondition(
            !metrics.contains { $0.name == metric.name && $0.scope == metric.scope },
            "metric '\(metric.name)' is registered twice"
        )
        let end = metric.scope == .run ? (metrics.firstIndex { $0.scope == .lot } ?? metrics.count) : metrics.count
        metrics.insert(metric, at: end)
    }

    /// This registry with `metric` added after the metrics of its scope.
    public func registering(_ metric: Metric) -> MetricRegistry {
        var copy = self
        copy.append(metric)
        return copy
    }

    public var runMetrics: ArraySlice<Metric> { metrics.prefix { $0.scope == .run } }
    public var lotMetrics: ArraySlice<Metric> { metrics.drop { $0.scope == .run } }

    /// The metric a full name refers to: a run metric (`contract`) or a lot metric (`lot[concrete].contract`),
    /// with the lot id for the latter.
    public func metric(named name: String) -> (metric: Metric, lot: String?)? {
        if name.hasPrefix("lot["), let close = name.lastIndex(of: "]") {
            let lot = String(name[name.index(name.startIndex, offsetBy: 4)..<close])
            let suffix = name[name.index(after: close)...].dropFirst()
            return lotMetrics.first { $0.name == suffix }.map { ($0, lot) }
        }
        return runMetrics.first { $0.name == name }.map { ($0, nil) }
    }

    /// The label of the metric a full name refers to, nil for a name this registry does not know (a metric
    /// of another version or study).
    public func label(of name: String) -> Label? {
        if let known = metric(named: name) { return known.metric.label }
        // The bidder-response metrics are known to every registry's labels, recorded or not.
        guard self.metrics.count != Self.withBidderResponse.metrics.count else { return nil }
        return Self.withBidderResponse.label(of: name)
    }

    /// Every metric's value in a run, in catalogue order: run metrics (with a nil lot), then each lot's in
    /// `lots` order (the plan's lots). A lot missing from the result has every lot metric undefined.
    public func values(of result: RunResult, lots: [String], _ body: (Metric, _ lot: String?, Exact?) -> Void) {
        for metric in runMetrics { body(metric, nil, metric.value(of: result.metrics)) }
        let lotMetrics = self.lotMetrics
        for (position, lot) in lots.enumerated() {
            // The result's lots are the plan's, in plan order: found by position, else searched.
            let measured =
                position < result.lotMetrics.count && result.lotMetrics[position].lot == lot
                ? result.lotMetrics[position] : result.lotMetrics.first { $0.lot == lot }
            for metric in lotMetrics { body(metric, lot, measured.flatMap { metric.value(of: $0) }) }
        }
    }
}

extension MetricRegistry {
    /// The metrics of the rule book's "what users read off a run".
    public static let standard = MetricRegistry([
        .run("contract", .amount, Label("中标金额", "contract amount"), "total contract amount of awarded lots (yuan)") {
            $0.contract
        },
        .run("ceiling", .amount, Label("最高限价", "ceiling"), "total ceiling of all lots (yuan)") { $0.ceiling },
        .run("awarded-ceiling", .amount, Label("已授包限价", "awarded ceiling"), "total ceiling of awarded lots (yuan)") {
            $0.awardedCeiling
        },
        .run("savings-rate", .share, Label("节约率", "savings rate"), "(awarded ceiling − contract) / awarded ceiling") {
            $0.savingsRate
        },
        .run(
            "savings",
            .amount,
            Label("节约资金", "savings"),
            "awarded ceiling − contract (yuan): how much less the awarded lots cost than their ceilings"
        ) { $0.savings },
        .run(
            "savings-rate-all",
            .share,
            Label("节约率（全部限价）", "savings rate of all ceilings"),
            "savings / ceiling of all lots, failed lots included"
        ) { $0.savingsRateOfAllCeilings },
        .run("lots", .count, Label("包数", "lots"), "lots in the plan") { Exact($0.lots) },
        .run("failed-lots", .count, Label("废标包数", "failed lots"), "lots that failed (废标) after the failure policy") {
            Exact($0.failedLots)
        },
        .run("failed-lot-rate", .share, Label("废标率", "failed-lot rate"), "failed lots / lots") {
            $0.lots == 0 ? nil : try? Exact(numerator: $0.failedLots, denominator: $0.lots)
        },
        .run("bids", .count, Label("投标数", "bids"), "bids submitted") { Exact($0.bids) },
        .run("valid-bids", .count, Label("有效投标数", "valid bids"), "bids that passed both reviews") {
            Exact($0.validBids)
        },
        .run("sme-amount", .amount, Label("中小企业中标金额", "SME amount"), "contract amount won by SMEs (yuan)") {
            $0.smeAmount
        },
        .run("sme-share", .share, Label("中小企业份额", "SME share"), "SME share of the contract amount") { $0.smeShare },
        .run(
            "small-micro-share",
            .share,
            Label("小微企业份额", "small/micro share"),
            "small and micro share of the contract amount"
        ) { $0.smallMicroShare },
        .run("green-share-1", .share, Label("一星及以上份额", "share 1★ or more"), "contract share certified one star or more")
        {
            $0.greenShare(atLeast: 1)
        },
        .run(
            "green-share-2",
            .share,
            Label("二星及以上份额", "share 2★ or more"),
            "contract share certified two stars or more"
        ) {
            $0.greenShare(atLeast: 2)
        },
        .run("green-share-3", .share, Label("三星份额", "share 3★"), "contract share certified three stars") {
            $0.greenShare(atLeast: 3)
        },
        .run(
            "cost-increment-rate",
            .share,
            Label("成本增量", "cost increment"),
            "contract / conventional reference cost − 1"
        ) {
            $0.costIncrementRate
        },
        .run("hhi", .index, Label("集中度", "HHI"), "Herfindahl–Hirschman index of contract value, 0–10,000") {
            $0.contract.isZero ? nil : $0.hhi
        },
        .run("red-flags", .count, Label("风险提示", "red flags"), "red flags raised on lots") {
            Exact($0.redFlags.values.reduce(0, +))
        },
        .run(
            "reserved-lots",
            .count,
            Label("预留包数", "reserved lots"),
            "lots reserved for SMEs (财库〔2020〕46号), when the plan reserves any"
        ) { $0.reserve.map { Exact($0.reservedLots) } },
        .run(
            "reserve-small-micro-share",
            .share,
            Label("预留份额小微企业占比", "small/micro share of the reserve"),
            "small and micro share of the contract amount of awarded reserved lots (at least 60%)"
        ) { $0.reserve?.smallMicroShare },
        .run(
            "reserve-small-micro-below",
            .indicator,
            Label("预留份额小微占比不足", "reserve small/micro share below the required"),
            "1 when the small/micro share of the reserve is below the required share, when a reserved lot is awarded"
        ) { $0.reserve?.isBelowRequired.map { $0 ? .one : .zero } },
        .run(
            "procurements",
            .count,
            Label("采购次数", "procurements"),
            "procedures held: lots, lots held again, and the projects' own purchases of the lines left to them"
        ) { $0.procurement.map { Exact($0.procurements) } },
        .run(
            "administrative-cost",
            .amount,
            Label("采购组织成本", "administrative cost"),
            "procurements × policy.procurement-cost (yuan)"
        ) { $0.procurement?.administrativeCost },
        .run(
            "total-cost",
            .amount,
            Label("采购总成本", "total cost"),
            "payable by the projects + the ceilings of the lines not bought + administrative cost (yuan)"
        ) { metrics in
            metrics.procurement.map { metrics.payable + metrics.unboughtCeiling + $0.administrativeCost }
        },
        .run(
            "unbought-ceiling",
            .amount,
            Label("未采购限价", "unbought ceiling"),
            "ceilings of the demand lines not bought (failed lots and purchases), which must still be bought (yuan)"
        ) { $0.unboughtCeiling },
        .run(
            "payable",
            .amount,
            Label("项目应付金额", "payable by projects"),
            "what the projects pay for their demand lines, batch and own purchases (yuan)"
        ) { $0.payable },
        .run(
            "project-savings",
            .amount,
            Label("项目节约资金", "project savings"),
            "ceilings of the projects' bought lines − payable (yuan)"
        ) { $0.projectSavings },
        .run(
            "project-savings-rate",
            .share,
            Label("项目节约率（限价）", "project savings rate of ceilings"),
            "project savings / ceilings of the bought lines"
        ) { $0.projectSavingsRate },
        .run(
            "budget-savings-rate",
            .share,
            Label("项目节约率（预算）", "project savings rate of budgets"),
            "project savings / the projects' budgets"
        ) { $0.budgetSavingsRate },
        .run(
            "green-premium",
            .amount,
            Label("绿色溢价", "green premium"),
            "Σ over lines bought green of amount − quantity × reference price (yuan)"
        ) { $0.greenPremium },
        .run(
            "green-compliance-rate",
            .share,
            Label("绿色建材达标项目比例", "projects meeting the green rule"),
            "projects meeting the green rule / projects"
        ) { $0.projects == 0 ? nil : try? Exact(numerator: $0.compliantProjects, denominator: $0.projects) },
        .lot("contract", .amount, Label("中标价", "contract price"), "contract price (yuan), when awarded") {
            $0.contract
        },
        .lot("savings-rate", .share, Label("节约率", "savings rate"), "(ceiling − contract) / ceiling, when awarded") {
            $0.savingsRate
        },
        .lot("savings", .amount, Label("节约资金", "savings"), "ceiling − contract (yuan), when awarded") {
            $0.savings
        },
        .lot("bids", .count, Label("投标数", "bids"), "bids submitted") { Exact($0.bids) },
        .lot("valid-bids", .count, Label("有效投标数", "valid bids"), "bids that passed both reviews") {
            Exact($0.validBids)
        },
        .lot("failed", .indicator, Label("废标", "failed"), "1 when the lot failed") { $0.failed ? .one : .zero },
        .lot("sme-winner", .indicator, Label("中小企业中标", "SME winner"), "1 when an SME won, when awarded") {
            $0.contract == nil ? nil : ($0.winnerIsSME ? .one : .zero)
        },
    ])

    /// The bidders' response (``BidderResponse``): entry and markups by firm size. Recorded only where the bids
    /// respond to the rules — a scenario under the solved equilibrium, or a comparison or sweep with one
    /// (``withBidderResponse``) — so that the outputs of other scenarios do not change.
    public static let bidderResponse: [Metric] = [
        .run(
            "markup-small-micro",
            .share,
            Label("小微企业投标加价率", "small/micro markup"),
            "mean (price − cost) / cost of small and micro firms' bids"
        ) { $0.response?.smallMicroMeanMarkup },
        .run(
            "markup-large",
            .share,
            Label("大型企业投标加价率", "large-firm markup"),
            "mean (price − cost) / cost of large firms' bids"
        ) { $0.response?.largeMeanMarkup },
        .run("entry-rate", .share, Label("参与投标率", "entry rate"), "entrants / potential bidders over the lots") {
            $0.response?.entryRate
        },
        .run("bidders-per-lot", .count, Label("每包投标人数", "bidders per lot"), "entrants / lots") {
            $0.response?.biddersPerLot
        },
        .lot("entrants", .count, Label("参与投标人数", "entrants"), "potential bidders that took part") {
            $0.response.map { Exact($0.entrants) }
        },
    ]

    /// ``standard`` with the ``bidderResponse`` metrics.
    public static let withBidderResponse = standard.including(bidderResponse)

    /// This registry with those of `metrics` it does not have yet.
    public func including(_ added: [Metric]) -> MetricRegistry {
        var registry = self
        for metric in added where !metrics.contains(where: { $0.name == metric.name && $0.scope == metric.scope }) {
            registry = registry.registering(metric)
        }
        return registry
    }

    /// Whether the registry records the bidder-response metrics.
    public var recordsBidderResponse: Bool { metrics.contains { $0.name == "entry-rate" && $0.scope == .run } }
}
