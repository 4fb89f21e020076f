import ExactNumbers
import TenderModel

/// What bidding on one lot needs that does not depend on the draws, prepared once per scenario and lot (an
/// ``EvaluationContext`` prepares every lot of its plan) and read by every replication: the potential bidders
/// (eligible suppliers, in scenario order) with their cost models as ready-to-sample parameters, the labels of
/// their random streams already hashed, their participation and markup bounds as `Double`, their SME
/// declaration; the lot's quantities and ceiling unit prices per category; the equilibrium bids already
/// computed (``EquilibriumTable``).
final class LotBidding: Sendable {
    let lot: Lot
    let seed: UInt64
    /// `policy.evaluation.collusion-detection`: the chance a ring member's bid carries the ring's trace
    /// (``CollusionDetection``).
    let collusionDetection: Exact
    /// The lot's categories, in lot order; the arrays below are aligned with it.
    let categories: [String]
    /// Total quantity per category of the lot (0 for a category without lines).
    let quantities: [Exact]
    /// Quantity-weighted ceiling unit price per category: Σ quantity × ceiling unit price / Σ quantity (nil
    /// without quantity).
    let ceilingUnitPrices: [Exact?]
    /// The eligible suppliers, in scenario order: n, the number of potential bidders, is their count.
    let bidders: [Bidder]
    /// Whether a bidder is a member of a ring (whose cover bids are priced after the designated winners').
    let hasRing: Bool
    /// `<bid date>T08:`, the start of every submission time.
    let submissionPrefix: String
    /// The 3,600 submission times `<bid date>T08:MM:SS` by second, shared by the context's lots; nil for a lot
    /// prepared on its own (the time is then written when drawn).
    let submissionTimes: [String]?
    /// Whether bids carry their submission time; false where nothing reads it (``EvaluationContext/keepsDetail``
    /// off, a sealed lot, ties drawn by lot): the time is then neither drawn nor written, and the bid's is empty.
    let writesSubmissionTimes: Bool

    /// One eligible supplier, as its bids on this lot read it (an object: a replication reading a bidder
    /// copies one reference, not its arrays and strings).
    final class Bidder: Sendable {
        let id: String
        let behaviour: Behaviour
        let participation: Participation
        let participationLabel: UInt64
        /// Per category of the lot: the cost model ready to sample, nil without one.
        let costs: [PreparedCost?]
        /// The markup's bounds (low, high − low) as doubles, for `.markup`.
        let markupDraw: (low: Double, width: Double)
        let markupLabel: UInt64
        let submissionLabel: UInt64
        /// The hashed label of the stream of its final quote (``FinalQuotes``).
        let finalQuoteLabel: UInt64
        /// The listed unit price per category, for `.fixedPrices`.
        let listed: [Exact?]
        let declaration: SMEDeclaration
        /// Per category: the equilibrium unit bids already computed, for `.equilibrium`.
        let equilibrium: [EquilibriumTable?]
        /// Under the solved equilibrium, for `.equilibrium`: its class's bid function and entry probability.
        let solved: SolvedBid?

        init(
            id: String,
            behaviour: Behaviour,
            participation: Participation,
            participationLabel: UInt64,
            costs: [PreparedCost?],
            markupDraw: (low: Double, width: Double),
            markupLabel: UInt64,
            submissionLabel: UInt64,
            finalQuoteLabel: UInt64,
            listed: [Exact?],
            declaration: SMEDeclaration,
            equilibrium: [EquilibriumTable?],
            solved: SolvedBid? = nil
        ) {
            self.id = id
            self.behaviour = behaviour
            self.participation = participation
            self.participationLabel = participationLabel
            self.costs = costs
            self.markupDraw = markupDraw
            self.markupLabel = markupLabel
            self.submissionLabel = submissionLabel
            self.finalQuoteLabel = finalQuoteLabel
            self.listed = listed
            self.declaration = declaration
            self.equilibrium = equilibrium
            self.solved = solved
        }
    }

    /// A bidder's part of the solved equilibrium of the lot (Docs/behaviour.md): its class's bid function of the
    /// lot cost (piecewise linear on the class's cost grid, yuan) and its entry probability, drawn against a
    /// uniform number from the stream `entry/<lot>/<supplier>` (a stream of its own: no other draw moves).
    struct SolvedBid: Sendable {
        let costs: [Double]
        let bids: [Double]
        let entry: Double
        let entryLabel: UInt64

        /// The bid at a lot cost, nil above the grid (no valid bid under the ceiling).
        func bid(at cost: Double) -> Double? {
            guard let last = costs.last, cost <= last else { return nil }
            return EquilibriumGrid.interpolate(costs, bids, at: cost)
        }
    }

    enum Participation: Sendable {
        case never
        case always
        /// Bids when a draw is below this probability.
        case draw(Double)
    }

    /// A cost model with its parameters as doubles, and the hashed label of its stream.
    struct PreparedCost: Sendable {
        /// A fixed cost, rounded exactly; nil for a drawn one.
        let fixed: Exact?
        let distribution: CostDistribution
        let label: UInt64
        /// (Q / Q₀)^elasticity of the supplier's ``ScaleEconomy`` at the lot's quantity; nil without one.
        var scale: Double? = nil
        /// The transport cost per unit on this lot (``DeliveryReach/transportCost(_:category:on:)``), added to
        /// the drawn (and scaled) cost before it is rounded to the cent; nil without one.
        var transport: Exact? = nil
    }

    /// - Parameter tables: the equilibrium tables to share with the other lots of the context (a lot whose
    ///   equilibrium bidder faces the same distribution, number of bidders and reserve reads the same table:
    ///   the bids of the projects' one-line lots of a category and ceiling price are computed once in all);
    ///   nil for tables of the lot's own.
    /// - Parameter solution: the lot's solved equilibrium, for its `behaviour: equilibrium` suppliers (with
    ///   `policy.equilibrium.bidders: all`, every supplier that can price the lot); nil: the formula.
    /// - Parameter writesSubmissionTimes: whether bids carry their submission time (``writesSubmissionTimes``).
    init(
        lot: Lot,
        scenario: Scenario,
        tables: EquilibriumTables? = nil,
        solution: EquilibriumSolution? = nil,
        writesSubmissionTimes: Bool = true
    ) {
        self.lot = lot
        self.writesSubmissionTimes = writesSubmissionTimes
        seed = scenario.meta.seed
        collusionDetection = scenario.policy.evaluation.collusionDetection
        categories = lot.categories
        var quantities: [String: Exact] = [:]
        var amounts: [String: Exact] = [:]
        for line in lot.lines {
            quantities[line.category, default: .zero] += line.quantity
            amounts[line.category, default: .zero] += line.ceilingAmount
        }
        self.quantities = lot.categories.map { quantities[$0] ?? .zero }
        let ceilingUnitPrices: [Exact?] = lot.categories.map { category in
            guard let quantity = quantities[category], let amount = amounts[category] else { return nil }
            return try? amount / quantity
        }
        self.ceilingUnitPrices = ceilingUnitPrices
        submissionPrefix = "\(scenario.meta.bidDate)T08:"
        submissionTimes = tables?.submissionTimes(prefix: submissionPrefix)
        let eligible = BidGenerator.eligibleSuppliers(for: lot, scenario: scenario)
        let reach = DeliveryReach(scenario)
        let sme = scenario.policy.sme
        let lotID = lot.id
        let everyone = scenario.policy.equilibrium.bidders == .all
        bidders = eligible.map { supplier in
            let prefix = "\(lotID)/\(supplier.id)"
            // `policy.equilibrium.bidders: all`: a supplier that can price every category of the lot bids by the
            // equilibrium and enters by it, whatever its declared behaviour and participation.
            let drafted = everyone && lot.categories.allSatisfy { supplier.costs[$0] != nil }
            let behaviour: Behaviour = drafted ? .equilibrium : supplier.behaviour
            let participation: Participation =
                drafted
                ? .always
                : supplier.participation <= .zero
                    ? .never
                    : supplier.participation >= .one ? .always : .draw(DoubleMath.double(supplier.participation))
            let costs: [PreparedCost?] = lot.categories.map { category in
                guard let model = supplier.costs[category] else { return nil }
                let fixed: Exact? =
                    if case .fixed(let value) = model { max(value, .zero).rounded(places: 2, mode: .halfUp) } else {
                        nil
                    }
                var factor: Double?
                if let economy = supplier.scale[category], let quantity = quantities[category], quantity > .zero,
                    let ratio = try? quantity / economy.referenceQuantity
                {
                    factor = DoubleMath.power(DoubleMath.double(ratio), DoubleMath.double(economy.elasticity))
                }
                return PreparedCost(
                    fixed: fixed,
                    distribution: tables?.distribution(of: model) ?? CostDistribution(model),
                    label: RandomStream.fnv1a("cost/\(prefix)/\(category)"),
                    scale: factor,
                    transport: reach.transportCost(supplier, category: category, on: lot)
                )
            }
            var markupDraw = (low: 0.0, width: 0.0)
            if case .markup(let low, let high) = behaviour {
                markupDraw = (DoubleMath.double(low), DoubleMath.double(high - low))
            }
            var listed: [Exact?] = lot.categories.map { _ in nil }
            if case .fixedPrices(let prices) = behaviour { listed = lot.categories.map { prices[$0] } }
            var equilibrium: [EquilibriumTable?] = lot.categories.map { _ in nil }
            var solved: SolvedBid?
            if case .equilibrium = behaviour, let solution,
                let solvedClass = solution.classes.first(where: { $0.members.contains(supplier.id) })
            {
                solved = SolvedBid(
                    costs: solvedClass.costs,
                    bids: solvedClass.bids,
                    entry: solvedClass.entry,
                    entryLabel: RandomStream.fnv1a("entry/\(prefix)")
                )
            }
            if case .equilibrium = behaviour, solved == nil {
                equilibrium = lot.categories.indices.map { k in
                    guard let cost = costs[k], let reserve = ceilingUnitPrices[k] else { return nil }
                    let reserveUnit = DoubleMath.double(reserve)
                    guard let model = supplier.costs[lot.categories[k]] else { return nil }
                    guard let tables else {
                        let memo = EquilibriumBidMemo(
                            model: model,
                            distribution: cost.distribution,
                            bidders: eligible.count,
                            reserve: reserveUnit
                        )
                        return EquilibriumTable(
                            distribution: cost.distribution,
                            bidders: eligible.count,
                            reserve: reserveUnit,
                            memo: memo
                        )
                    }
                    let key = EquilibriumTables.Key(
                        model: model,
                        bidders: eligible.count,
                        reserve: reserveUnit.bitPattern
                    )
                    return tables.table(for: key, distribution: cost.distribution, model: model)
                }
            }
            return Bidder(
                id: supplier.id,
                behaviour: behaviour,
                participation: participation,
                participationLabel: RandomStream.fnv1a("participation/\(prefix)"),
                costs: costs,
                markupDraw: markupDraw,
                markupLabel: RandomStream.fnv1a("markup/\(prefix)"),
                submissionLabel: RandomStream.fnv1a("submission/\(prefix)"),
                finalQuoteLabel: RandomStream.fnv1a("final-quote/\(prefix)"),
                listed: listed,
                declaration: Self.declaration(supplier, categories: lot.categories, sme: sme),
                equilibrium: equilibrium,
                solved: solved
            )
        }
        hasRing = bidders.contains { if case .ring = $0.behaviour { true } else { false } }
    }

    /// The SME declaration of a bid: `.smallMicro` when the supplier is small or micro and offers a product made
    /// by a small or micro firm for every category, else `.consortium(share:)` when its consortium's share
    /// reaches the policy's minimum, else `.none`.
    static func declaration(_ supplier: Supplier, categories: [String], sme: SMEPolicy) -> SMEDeclaration {
        let allSmallMade =
            !categories.isEmpty && categories.allSatisfy { supplier.products[$0]?.madeBySmallOrMicro == true }
        if supplier.isSmallOrMicro && allSmallMade { return .smallMicro }
        if let consortium = supplier.consortium, consortium.smallMicroShare >= sme.consortiumMinimumShare {
            return .consortium(share: consortium.smallMicroShare)
        }
        return .none
    }

    func stream(_ label: UInt64, replication: Int) -> RandomStream {
        RandomStream(seed: seed, replication: replication, labelHash: label)
    }

    /// Whether the bidder bids: a draw below its participation probability (0 never, 1 always), then, under
    /// the solved equilibrium, a draw below its entry probability (stream `entry/<lot>/<supplier>`; 1 always,
    /// without a draw).
    func participates(_ bidder: Bidder, replication: Int) -> Bool {
        switch bidder.participation {
        case .never: return false
        case .always: break
        case .draw(let probability):
            var s = stream(bidder.participationLabel, replication: replication)
            guard s.unit() < probability else { return false }
        }
        guard let solved = bidder.solved, solved.entry < 1 else { return true }
        var s = stream(solved.entryLabel, replication: replication)
        return s.unit() < solved.entry
    }

    /// The drawn unit costs of the lot's categories (nil without a cost model), and the total cost when every
    /// category has one.
    func costs(of bidder: Bidder, replication: Int) -> (unit: PerCategory<Exact?>, total: Exact?) {
        var unit = PerCategory<Exact?>()
        var total: Exact? = .zero
        for k in categories.indices {
            guard let prepared = bidder.costs[k] else {
                unit.append(nil)
                total = nil
                continue
            }
            var cost: Exact
            if let fixed = prepared.fixed {
                cost = prepared.scale.map { DoubleMath.cents(DoubleMath.double(fixed) * $0) } ?? fixed
            } else {
                var s = stream(prepared.label, replication: replication)
                let drawn = prepared.distribution.draw(&s)
                cost = DoubleMath.cents(prepared.scale.map { drawn * $0 } ?? drawn)
            }
            if let transport = prepared.transport { cost = (cost + transport).rounded(places: 2, mode: .halfUp) }
            unit.append(cost)
            total = total.map { $0 + quantities[k] * cost }
        }
        return (unit, total)
    }

    /// A bid before it is sealed: its price (not yet rounded) and what the generated bid reports of it.
    struct Priced {
        var unitCosts: PerCategory<Exact?>
        var cost: Exact?
        /// Per category, where the behaviour prices per unit; empty otherwise.
        var unitPrices: PerCategory<Exact>
        var markup: Exact?
        var price: Exact
    }

    /// The price of a bidder that is not a ring's cover bidder; nil when it cannot price the lot.
    func price(of bidder: Bidder, replication: Int) -> Priced? {
        let (unitCosts, cost) = costs(of: bidder, replication: replication)
        switch bidder.behaviour {
        case .truthful:
            return cost.map {
                Priced(unitCosts: unitCosts, cost: cost, unitPrices: PerCategory(), markup: nil, price: $0)
            }
        case .markup(let low, let high):
            guard let cost else { return nil }
            var s = stream(bidder.markupLabel, replication: replication)
            let drawn = bidder.markupDraw.low + s.unit() * bidder.markupDraw.width
            let m = min(max(DoubleMath.fourPlaces(drawn), low), high)
            return Priced(
                unitCosts: unitCosts,
                cost: cost,
                unitPrices: PerCategory(),
                markup: m,
                price: cost * (.one + m)
            )
        case .equilibrium:
            if let solved = bidder.solved {
                // The class's bid at the lot cost, whole cents, never below the cost; a cost above the grid
                // cannot bid under the ceiling: the supplier took part but submits no bid.
                guard let cost, let bid = solved.bid(at: DoubleMath.double(cost)) else { return nil }
                let price = max(DoubleMath.cents(bid), cost.rounded(places: 2, mode: .ceiling))
                return Priced(unitCosts: unitCosts, cost: cost, unitPrices: PerCategory(), markup: nil, price: price)
            }
            var unitPrices = PerCategory<Exact>()
            for k in categories.indices {
                guard let prepared = bidder.costs[k], let unitCost = unitCosts[k] else { return nil }
                if let table = bidder.equilibrium[k] {
                    unitPrices.append(table.unitBid(cost: unitCost))
                } else {
                    // No ceiling unit price for the category: the reserve is the cost itself.
                    unitPrices.append(
                        BidGenerator.equilibriumUnitBid(
                            cost: unitCost,
                            distribution: prepared.distribution,
                            bidders: bidders.count,
                            reserve: unitCost
                        )
                    )
                }
            }
            return Priced(
                unitCosts: unitCosts,
                cost: cost,
                unitPrices: unitPrices,
                markup: nil,
                price: total(of: unitPrices)
            )
        case .fixedPrices:
            var unitPrices = PerCategory<Exact>()
            for k in categories.indices {
                guard let unit = bidder.listed[k] ?? unitCosts[k] else { return nil }
                unitPrices.append(unit)
            }
            return Priced(
                unitCosts: unitCosts,
                cost: cost,
                unitPrices: unitPrices,
                markup: nil,
                price: total(of: unitPrices)
            )
        case .ring(_, _, let markup, _):
            return cost.map {
                Priced(
                    unitCosts: unitCosts,
                    cost: cost,
                    unitPrices: PerCategory(),
                    markup: markup,
                    price: $0 * (.one + markup)
                )
            }
        }
    }

    /// A ring member's complementary bid: `winnerPrice` × (1 + cover), or, with no designated winner bidding,
    /// its own cost × (1 + markup).
    func coverPrice(of bidder: Bidder, winnerPrice: Exact?, markup: Exact, cover: Exact, replication: Int) -> Priced? {
        let (unitCosts, cost) = costs(of: bidder, replication: replication)
        if let winnerPrice {
            return Priced(
                unitCosts: unitCosts,
                cost: cost,
                unitPrices: PerCategory(),
                markup: nil,
                price: winnerPrice * (.one + cover)
            )
        }
        guard let cost else { return nil }
        return Priced(
            unitCosts: unitCosts,
            cost: cost,
            unitPrices: PerCategory(),
            markup: markup,
            price: cost * (.one + markup)
        )
    }

    /// Σ quantity × unit price over the lot's categories.
    func total(of unitPrices: PerCategory<Exact>) -> Exact {
        var sum = Exact.zero
        for k in categories.indices { sum = sum + quantities[k] * unitPrices[k] }
        return sum
    }

    /// The sealed bid: SME declaration, bond, signature, submission time. It offers the supplier's registered
    /// products (a bid without products of its own is evaluated on those), so it carries no copy of them.
    func makeBid(_ bidder: Bidder, price: Exact, replication: Int) -> Bid {
        // Built in one initializer call, its evidence included: a bid built and then changed in place was
        // copied on return.
        Bid(
            lot: lot.id,
            bidder: bidder.id,
            price: price.rounded(places: 2, mode: .halfUp),
            declaration: bidder.declaration,
            bondPaid: true,
            signed: true,
            submittedAt: writesSubmissionTimes ? submissionTime(bidder, replication: replication) : "",
            evidence: CollusionDetection.evidence(
                lot: lot.id,
                bidder: bidder.id,
                behaviour: bidder.behaviour,
                seed: seed,
                replication: replication,
                probability: collusionDetection
            )
        )
    }

    /// The generated bid: the sealed bid and what is behind it, per category id.
    func generated(_ bidder: Bidder, _ priced: Priced, replication: Int) -> GeneratedBid {
        var unitCosts: [String: Exact] = [:]
        var unitPrices: [String: Exact] = [:]
        for (k, category) in categories.enumerated() {
            if let cost = priced.unitCosts[k] { unitCosts[category] = cost }
            if k < priced.unitPrices.count { unitPrices[category] = priced.unitPrices[k] }
        }
        return GeneratedBid(
            bid: makeBid(bidder, price: priced.price, replication: replication),
            unitCosts: unitCosts,
            cost: priced.cost,
            unitPrices: unitPrices,
            markup: priced.markup,
            behaviour: bidder.behaviour
        )
    }

    /// `<bid date>T08:MM:SS`, the second drawn uniformly in the hour before a 09:00 opening.
    func submissionTime(_ bidder: Bidder, replication: Int) -> String {
        var s = stream(bidder.submissionLabel, replication: replication)
        let second = min(Int(s.unit() * 3600), 3599)
        if let submissionTimes { return submissionTimes[second] }
        return Self.submissionTime(prefix: submissionPrefix, second: second)
    }

    static func submissionTime(prefix submissionPrefix: String, second: Int) -> String {
        let minutes = second / 60
        let seconds = second % 60
        var text = submissionPrefix
        text.reserveCapacity(submissionPrefix.utf8.count + 5)
        if minutes < 10 { text += "0" }
        text += String(minutes)
        text += ":"
        if seconds < 10 { text += "0" }
        text += String(seconds)
        return text
    }
}

/// The equilibrium tables of one context, by what the bid function depends on: the cost model, the number of
/// potential bidders and the reserve (suppliers with the same cost model for a category share one), and the cost
/// distributions of its cost models, one per model for all its lots and suppliers. Filled while the context
/// prepares its lots (one thread), read after. The bids themselves are kept in the ``EquilibriumBidMemos``
/// given, which the contexts of a simulation's workers share.
final class EquilibriumTables: @unchecked Sendable {
    struct Key: Hashable {
        let model: CostModel
        let bidders: Int
        let reserve: UInt64
    }

    private var tables: [Key: EquilibriumTable] = [:]
    private var distributions: [CostModel: CostDistribution] = [:]
    private var times: (prefix: String, texts: [String])?
    private let memos: EquilibriumBidMemos

    init(memos: EquilibriumBidMemos = EquilibriumBidMemos()) {
        self.memos = memos
    }

    /// The submission times of every second of the hour, written once per prefix (one bid date).
    func submissionTimes(prefix: String) -> [String] {
        if let times, times.prefix == prefix { return times.texts }
        let texts = (0..<3600).map { LotBidding.submissionTime(prefix: prefix, second: $0) }
        times = (prefix, texts)
        return texts
    }

    /// The distribution of `model`, built once.
    func distribution(of model: CostModel) -> CostDistribution {
        if let known = distributions[model] { return known }
        let distribution = CostDistribution(model)
        distributions[model] = distribution
        return distribution
    }

    func table(for key: Key, distribution: CostDistribution, model: CostModel) -> EquilibriumTable {
        if let known = tables[key] { return known }
        let reserve = Double(bitPattern: key.reserve)
        let memo = memos.memo(for: key) {
            EquilibriumBidMemo(model: model, distribution: distribution, bidders: key.bidders, reserve: reserve)
        }
        let table = EquilibriumTable(distribution: distribution, bidders: key.bidders, reserve: reserve, memo: memo)
        tables[key] = table
        return table
    }
}

/// Values per category of a lot, in the lot's order, with the first held inline: a one-category lot (most lots)
/// allocates nothing for a bid's unit costs and unit prices.
struct PerCategory<Value> {
    private var head: Value?
    private var tail: [Value] = []
    private(set) var count = 0

    init() {}

    mutating func append(_ value: Value) {
        if count == 0 { head = value } else { tail.append(value) }
        count += 1
    }

    subscript(k: Int) -> Value {
        precondition(k >= 0 && k < count, "category \(k) of \(count)")
        return k == 0 ? head! : tail[k - 1]
    }
}
