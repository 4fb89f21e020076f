import Foundation
import JSONOutput
import TenderEngine
import TenderModel
import TenderSimulation

/// The `tender-equilibrium` document of `tender equilibrium --format json` (Docs/behaviour.md): what was solved
/// (scenario, digest, seed, variant, solver settings) and, per lot of the plan, either why the lot was refused or
/// its classes with every grid point of their bid functions, entry, expected profit and convergence figures.
///
/// `tender report` and `tender export` read it back; a result file is untrusted, so ``check()`` refuses what no
/// solve writes and the renderers rely on.
package struct EquilibriumDocument: Codable, Sendable, Equatable {
    package static let schemaName = "tender-equilibrium"
    /// The version written: 3 says how each class bids (by the equilibrium, or, a rival under
    /// `policy.equilibrium.bidders: declared`, by its declared behaviour) and its members' participation; 2
    /// describes each class (deduction, technical points, member sizes); a document without `schemaVersion` is
    /// version 1, whose classes may lack the description.
    package static let version = 3

    package var schema: String
    /// Nil in a version-1 document.
    package var schemaVersion: Int?
    package var toolVersion: String?
    package var scenario: String
    package var digest: String?
    package var seed: UInt64
    package var variant: String?
    /// Points of each class's cost grid.
    package var grid: Int
    /// The convergence tolerance: the largest deviation gain as a share of expected profit.
    package var tolerance: Double
    /// The preparation cost given on the command line (yuan), nil when each supplier's own applies.
    package var preparationCost: Double?
    package var lots: [Lot]

    package struct Lot: Codable, Sendable, Equatable {
        package var lot: String
        /// Why the lot was not solved (its rule is not supported); the other fields are then absent.
        package var refused: String?
        package var method: String?
        /// How the bid functions were found: the asymmetric auction's differential equations or best-response
        /// iteration (Docs/behaviour.md).
        package var approach: String?
        package var iterations: Int?
        package var converged: Bool?
        package var expectedBidders: Double?
        package var largestGain: Double?
        /// The largest gain share of its classes; nil when it is unbounded (a class that can gain with no
        /// expected profit).
        package var largestGainShare: Double?
        package var classes: [Class]?
    }

    package struct Class: Codable, Sendable, Equatable {
        package var id: String
        package var members: [String]
        package var entry: Double
        package var expectedProfit: Double
        package var preparationCost: Double
        package var winProbability: Double
        package var largestGain: Double
        /// The largest gain as a share of the expected profit; nil (JSON `null`) when the class can gain but
        /// expects no profit, i.e. the share is unbounded.
        package var largestGainShare: Double?
        /// What defines the class besides its cost model (schema version 2; nil in version 1): the SME price
        /// deduction of its bids (0.1 = 10 %), the points its bids earn on the non-price criteria, and its
        /// members' sizes (a code of another version kept as its text).
        package var deduction: Double?
        package var technicalPoints: Double?
        package var sizes: [Coded<EnterpriseSize>]?
        /// How the members bid (schema version 3; nil before, when every class was strategic): `equilibrium`, or a
        /// rival's declared behaviour, which the solve takes as given; the probability that a member takes part;
        /// a rival's markup range [low, high] (fractions of 1; absent for a strategic class).
        package var bidsBy: Coded<EquilibriumBidding>? = nil
        package var participation: Double? = nil
        package var markup: [Double]? = nil
        /// The cost grid (yuan, ascending) and the bid at each cost (a rival's: its mean price at each cost).
        package var costs: [Double]
        package var bids: [Double]

        /// The class in a few words, for a chart's legend: its members' sizes, its deduction and technical points
        /// when not 0 (`small, micro; −10%; 8 pts`); empty for a version-1 class.
        package var shortDefinition: String {
            var parts: [String] = []
            if !isStrategic { parts.append(behaviour) }
            if let sizes, !sizes.isEmpty { parts.append(sizes.map(\.label.en).joined(separator: ", ")) }
            if let deduction, deduction > 0 {
                parts.append("−" + (StatisticText.exact(deduction).map(ChartNumber.percentTick) ?? "–"))
            }
            if let technicalPoints, technicalPoints > 0 {
                parts.append("\(EquilibriumReport.points(technicalPoints)) pts")
            }
            return parts.joined(separator: "; ")
        }

        /// The class in words, from its description and preparation cost: `small, micro; deduction 10%;
        /// technical points 8; preparation cost 0.00 yuan` (what a version-1 document lacks is left out; the
        /// preparation cost too when `preparationCost` is false, for a table that has a column of its own for it).
        package func definition(preparationCost withCost: Bool = true) -> String {
            var parts: [String] = []
            if !isStrategic { parts.append(behaviour) }
            if let sizes, !sizes.isEmpty { parts.append(sizes.map(\.label.en).joined(separator: ", ")) }
            if let deduction { parts.append("deduction " + Self.percent(deduction)) }
            if let technicalPoints { parts.append("technical points \(EquilibriumReport.points(technicalPoints))") }
            if let participation, participation != 1 { parts.append("participation " + Self.percent(participation)) }
            if withCost, isStrategic {
                parts.append("preparation cost \(EquilibriumReport.money(preparationCost)) yuan")
            }
            return parts.joined(separator: "; ")
        }

        /// Whether the class bids by the equilibrium (every class of a document before version 3).
        package var isStrategic: Bool { bidsBy.map { $0.known == .equilibrium } ?? true }

        /// A rival's rule in words: `rival bidding markup 5%–10%`, `rival bidding truthful`, `rival bidding ring,
        /// markup 8%`.
        package var behaviour: String {
            var text = "rival bidding " + (bidsBy?.label.en ?? "")
            if let markup, markup.count == 2, markup[1] > 0 || markup[0] != 0 {
                let low = Self.percent(markup[0])
                let high = Self.percent(markup[1])
                text +=
                    bidsBy?.known == .markup ? " \(low)–\(high)" : ", markup \(low == high ? low : "\(low)–\(high)")"
            }
            return text
        }

        static func percent(_ value: Double) -> String {
            StatisticText.exact(value).map(ChartNumber.percentTick) ?? "–"
        }

        /// Markup at grid point `i`: bid / cost − 1; nil where the cost is not positive.
        package func markup(_ i: Int) -> Double? { costs[i] > 0 ? bids[i] / costs[i] - 1 : nil }
    }

    /// The document of a solve: `results` in plan order.
    package init(
        _ results: [Result<EquilibriumSolution, LotEquilibrium.Refusal>],
        scenario: String,
        digest: String?,
        seed: UInt64,
        variant: String?,
        settings: EquilibriumSettings,
        preparationCost: Double?
    ) {
        self.schema = Self.schemaName
        self.schemaVersion = Self.version
        self.toolVersion = ToolVersion.current
        self.scenario = scenario
        self.digest = digest
        self.seed = seed
        self.variant = variant
        self.grid = settings.grid
        self.tolerance = settings.tolerance
        self.preparationCost = preparationCost
        self.lots = results.map { result in
            switch result {
            case .failure(let refusal):
                let lot: String
                switch refusal {
                case .unsupportedRule(let id, _): lot = id
                }
                return Lot(lot: lot, refused: refusal.description)
            case .success(let s):
                return Lot(
                    lot: s.lot,
                    method: s.method,
                    approach: s.approach,
                    iterations: s.iterations,
                    converged: s.converged,
                    expectedBidders: s.expectedBidders,
                    largestGain: s.largestGain,
                    largestGainShare: s.largestGainShare.isFinite ? s.largestGainShare : nil,
                    classes: s.classes.map(Class.init)
                )
            }
        }
    }

    /// Lots solved (not refused).
    package var solved: [Lot] { lots.filter { $0.refused == nil } }

    /// The JSON text, keys in a fixed order, ended by a newline.
    package var json: String {
        func number(_ value: Double) -> JSONValue { .number(value) }
        var top: [(String, JSONValue)] = [("schema", .string(schema))]
        if let schemaVersion { top.append(("schemaVersion", .number(schemaVersion))) }
        if let toolVersion { top.append(("toolVersion", .string(toolVersion))) }
        top.append(("scenario", .string(scenario)))
        if let digest { top.append(("digest", .string(digest))) }
        top.append(("seed", .number(String(seed))))
        if let variant { top.append(("variant", .string(variant))) }
        top += [("grid", .number(grid)), ("tolerance", number(tolerance))]
        if let preparationCost { top.append(("preparationCost", number(preparationCost))) }
        let lots: [JSONValue] = lots.map { lot in
            var fields: [(String, JSONValue)] = [("lot", .string(lot.lot))]
            if let refused = lot.refused { return .object(fields + [("refused", .string(refused))]) }
            fields += [
                ("method", .string(lot.method ?? "")), ("approach", .string(lot.approach ?? "")),
                ("iterations", .number(lot.iterations ?? 0)),
                ("converged", .bool(lot.converged ?? false)), ("expectedBidders", number(lot.expectedBidders ?? 0)),
                ("largestGain", number(lot.largestGain ?? 0)),
                ("largestGainShare", lot.largestGainShare.map(number) ?? .null),
            ]
            let classes: [JSONValue] = (lot.classes ?? []).map { c in
                var fields: [(String, JSONValue)] = [
                    ("id", .string(c.id)), ("members", .array(c.members.map { .string($0) })),
                ]
                if let sizes = c.sizes { fields.append(("sizes", .array(sizes.map { .string($0.code) }))) }
                if let deduction = c.deduction { fields.append(("deduction", number(deduction))) }
                if let points = c.technicalPoints { fields.append(("technicalPoints", number(points))) }
                if let bidsBy = c.bidsBy { fields.append(("bidsBy", .string(bidsBy.code))) }
                if let participation = c.participation { fields.append(("participation", number(participation))) }
                if let markup = c.markup { fields.append(("markup", .array(markup.map(number)))) }
                fields += [
                    ("entry", number(c.entry)), ("expectedProfit", number(c.expectedProfit)),
                    ("preparationCost", number(c.preparationCost)), ("winProbability", number(c.winProbability)),
                    ("largestGain", number(c.largestGain)),
                    ("largestGainShare", c.largestGainShare.map(number) ?? .null),
                    ("costs", .array(c.costs.map(number))), ("bids", .array(c.bids.map(number))),
                ]
                return .object(fields)
            }
            return .object(fields + [("classes", .array(classes))])
        }
        top.append(("lots", .array(lots)))
        return JSONValue.object(top).rendered() + "\n"
    }

    /// Most grid points a class may have: the command's `--grid` allows 401.
    static let maximumGrid = 1001

    /// What decoding lets through but no solve writes: a schema other than this one, a schema version other than 1
    /// to 3; repeated lot or class ids;
    /// a solved lot without its fields; a class whose bids are not one per cost, with fewer than 2 or more than
    /// ``maximumGrid`` points, costs not ascending, or numbers out of range (probabilities outside 0–1, negative
    /// gains or counts); a class description out of range (a deduction outside 0–1, negative technical points), or
    /// missing from a version-2 class; how a class bids and its participation missing from a version-3 class, a
    /// participation outside (0, 1], a markup range that is not [low, high]. `field: expected …` on failure.
    package func check() throws(ResultDocument.Failure) {
        func fail(_ text: String) -> ResultDocument.Failure { .invalid(text) }
        guard schema == Self.schemaName else { throw fail("schema: expected \(Self.schemaName)") }
        let version = schemaVersion ?? 1
        guard (1...Self.version).contains(version) else {
            throw fail("schemaVersion: \(version); expected 1 to \(Self.version) (a newer tender wrote it?)")
        }
        guard grid >= 2, grid <= Self.maximumGrid else { throw fail("grid: expected 2 to \(Self.maximumGrid)") }
        guard tolerance > 0, tolerance < 1 else { throw fail("tolerance: expected a share between 0 and 1") }
        if let preparationCost, preparationCost < 0 { throw fail("preparationCost: expected 0 or more") }
        var lotIds: Set<String> = []
        for (l, lot) in lots.enumerated() {
            let at = "lots[\(l)]"
            guard lotIds.insert(lot.lot).inserted else {
                throw fail("\(at).lot: \(ResultDocument.quoted(lot.lot)) repeats; expected each lot once")
            }
            if lot.refused != nil { continue }
            guard let classes = lot.classes, lot.method != nil, let iterations = lot.iterations, iterations >= 0,
                lot.converged != nil, let bidders = lot.expectedBidders, bidders >= 0,
                let gain = lot.largestGain, gain >= 0, (lot.largestGainShare ?? 0) >= 0
            else {
                throw fail(
                    "\(at): expected either refused or method, iterations, converged, expectedBidders, "
                        + "largestGain, largestGainShare (not negative) and classes"
                )
            }
            var classIds: Set<String> = []
            for (k, c) in classes.enumerated() {
                let at = "\(at).classes[\(k)]"
                guard classIds.insert(c.id).inserted else {
                    throw fail("\(at).id: \(ResultDocument.quoted(c.id)) repeats; expected each class once per lot")
                }
                guard (0...1).contains(c.entry) else { throw fail("\(at).entry: expected a probability 0 to 1") }
                guard (0...1).contains(c.winProbability) else {
                    throw fail("\(at).winProbability: expected a probability 0 to 1")
                }
                guard c.largestGain >= 0, (c.largestGainShare ?? 0) >= 0, c.preparationCost >= 0 else {
                    throw fail("\(at): expected largestGain, largestGainShare and preparationCost of 0 or more")
                }
                if version >= 2 {
                    for (field, present) in [
                        ("sizes", c.sizes != nil), ("deduction", c.deduction != nil),
                        ("technicalPoints", c.technicalPoints != nil),
                    ] where !present {
                        throw fail("\(at).\(field): missing; expected it in every class of schema version 2")
                    }
                }
                if version >= 3 {
                    for (field, present) in [("bidsBy", c.bidsBy != nil), ("participation", c.participation != nil)]
                    where !present {
                        throw fail("\(at).\(field): missing; expected it in every class of schema version 3")
                    }
                }
                if let participation = c.participation, !(participation > 0 && participation <= 1) {
                    throw fail("\(at).participation: \(participation); expected a probability above 0, at most 1")
                }
                if let markup = c.markup, markup.count != 2 || !(markup[0] > -1 && markup[0] <= markup[1]) {
                    throw fail("\(at).markup: expected [low, high], low above −1 and at most high")
                }
                if let deduction = c.deduction, !(0..<1).contains(deduction) {
                    throw fail("\(at).deduction: \(deduction); expected a share from 0 up to 1")
                }
                if let points = c.technicalPoints, !(points >= 0) {
                    throw fail("\(at).technicalPoints: \(points); expected 0 or more points")
                }
                guard (2...Self.maximumGrid).contains(c.costs.count) else {
                    throw fail("\(at).costs: \(c.costs.count) values; expected 2 to \(Self.maximumGrid)")
                }
                guard c.bids.count == c.costs.count else {
                    throw fail(
                        "\(at).bids: \(c.bids.count) values for \(c.costs.count) costs; expected one bid per cost"
                    )
                }
                for i in c.costs.indices.dropFirst() where !(c.costs[i] >= c.costs[i - 1]) {
                    throw fail("\(at).costs[\(i)]: \(c.costs[i]) is below the cost before it; expected ascending costs")
                }
            }
        }
    }
}

extension EquilibriumDocument.Class {
    /// A solved class as the document records it (an unbounded gain share as none).
    init(_ c: EquilibriumSolution.ClassSolution) {
        self.init(
            id: c.id,
            members: c.members,
            entry: c.entry,
            expectedProfit: c.expectedProfit,
            preparationCost: c.preparationCost,
            winProbability: c.winProbability,
            largestGain: c.largestGain,
            largestGainShare: c.largestGainShare.isFinite ? c.largestGainShare : nil,
            deduction: c.deduction,
            technicalPoints: c.technicalPoints,
            sizes: c.sizes.map(Coded.init),
            bidsBy: Coded(c.bidsBy),
            participation: c.participation,
            markup: c.isStrategic ? nil : [c.markupRange.low, c.markupRange.high],
            costs: c.costs,
            bids: c.bids
        )
    }
}
