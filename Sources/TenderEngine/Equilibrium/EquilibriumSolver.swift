/// Best-response iteration on a cost grid (Docs/behaviour.md).
///
/// Each class's bid function is piecewise linear on a grid of its costs (from its lowest cost to the lower of
/// its highest cost and the ceiling, denser at the low costs). At each step, for every class and grid cost, the bid maximising
/// (bid − cost) × P(win | bid) against the rivals' current bid functions and entry probabilities is found
/// (a scan of a 201-point bid grid, refined by golden-section search); the bid functions move towards these
/// best responses with weight max(1/(t + 1), damping) (fictitious play), kept non-decreasing in cost, between
/// cost and ceiling. Plain damped best responses pool types on a few bids (a rival's flat step makes the win
/// probability jump, and the best response sits just under the jump); the best response is therefore taken
/// against the win probability smoothed by a triangular moving average over 12 bid-grid steps, shrinking by
/// 2 % an iteration to one step, while the convergence figure uses the win probability itself. Where that does
/// not converge the iteration is run again with logit responses (the profit-weighted mean of the bid grid's
/// prices, the temperature falling from 10 % of the best profit to 0 on the same schedule) and the closer of the
/// two to an equilibrium is kept; each ends, unconverged, with its iterate of the smallest largest gain share.
/// P(win) follows the engine's
/// rules: deduction, ceiling, the ratio rule with technical points, rejection of abnormally low prices,
/// the minimum number of valid bids, ties shared. Where the rule reduces to the lowest evaluated price it is
/// a product over rivals, integrated exactly (with a count of the valid rivals for the minimum); otherwise it
/// is simulated over fixed rival profiles drawn once from the stream `equilibrium/<lot>` (common random
/// numbers: the solve is deterministic).
///
/// Entry (Levin and Smith 1994): a member of a class with a preparation cost K enters with probability p;
/// p rises while the expected profit of entering exceeds K and falls while it is below it.
///
/// Converged when no class can gain more than `tolerance` × its expected profit by any deviation at a grid
/// cost, and every entry probability meets its condition (0 < p < 1: |profit − K| ≤ tolerance × K; p = 1:
/// profit ≥ K; p = 0: profit ≤ K).
public enum EquilibriumSolver {
    public static func solve(_ problem: EquilibriumProblem, settings: EquilibriumSettings = .init())
        -> EquilibriumSolution
    {
        // Where the rule reduces to the lowest evaluated price (and every rival is strategic), the differential
        // equations of the asymmetric auction; the best-response iteration where they do not apply or do not
        // meet the criterion (the better of the two is kept). The equations ignore the minimum number of valid
        // bids: where more than one is needed their bids are still tried and held to the criterion under the
        // rule itself (they meet it where every potential bidder always bids validly: entry 1, costs below the
        // ceiling).
        // A lot without a strategic class that can bid: nothing to solve (its rivals' figures alone).
        if !problem.classes.contains(where: \.isStrategic) {
            let state = State(problem, settings: settings)
            return Outcome(state: state, report: state.evaluate(), iterations: 0, converged: true, approach: "none")
                .solution(problem)
        }
        // The differential equations assume every rival strategic: with non-strategic rivals (`bidders:
        // declared`), the best-response iteration alone.
        var boundary: Outcome?
        if problem.reducesToPrice, problem.classes.allSatisfy(\.isStrategic) {
            boundary = solveByBoundary(problem, settings: settings)
            if let boundary, boundary.converged { return boundary.solution(problem) }
        }
        // Smoothed fictitious play, its best responses taken against the smoothed win probability; where that
        // does not converge, again with logit responses, and the closer of the two to an equilibrium is kept.
        var iterative = solveByBestResponse(problem, settings: settings, logit: false)
        if !iterative.converged {
            let logit = solveByBestResponse(problem, settings: settings, logit: true)
            if logit.converged || logit.worst < iterative.worst { iterative = logit }
        }
        if let boundary, boundary.share <= iterative.share { return boundary.solution(problem) }
        return iterative.solution(problem)
    }

    /// A finished solve: the state, its last evaluation, the steps taken.
    struct Outcome {
        var state: State
        var report: Report
        var iterations: Int
        var converged: Bool
        var approach: String

        /// How far the outcome is from an equilibrium (``Worst``).
        var worst: Worst { EquilibriumSolver.worst(report, state) }

        var share: Double {
            state.problem.classes.indices.filter { state.active[$0] }.map { report.largestGainShare[$0] }.max() ?? 0
        }

        func solution(_ problem: EquilibriumProblem) -> EquilibriumSolution {
            // The non-strategic rivals' figures: win probability and expected profit against the solution.
            let profiles =
                problem.reducesToPrice || problem.classes.allSatisfy(\.isStrategic)
                ? [] : state.simulatedProfiles()
            return EquilibriumSolution(
                lot: problem.lot,
                classes: problem.classes.indices.map { j in
                    if let fixed = problem.classes[j].fixed {
                        return state.fixedSolution(j, fixed, profiles: profiles)
                    }
                    return EquilibriumSolution.ClassSolution(
                        id: problem.classes[j].id,
                        members: problem.classes[j].members,
                        costs: state.costs[j],
                        bids: state.bids[j],
                        entry: state.entry[j],
                        expectedProfit: report.expectedProfit[j],
                        preparationCost: problem.classes[j].preparationCost,
                        deduction: problem.classes[j].deduction,
                        technicalPoints: problem.classes[j].technicalPoints,
                        sizes: problem.classes[j].sizes,
                        largestGain: report.largestGain[j],
                        largestGainShare: report.largestGainShare[j],
                        winProbability: report.winProbability[j],
                        participation: problem.classes[j].participation
                    )
                },
                iterations: iterations,
                converged: converged,
                method: problem.reducesToPrice ? "integration" : "simulation",
                approach: approach
            )
        }
    }

    /// The differential equations (``EquilibriumBoundary``) for the bids; with preparation costs, the entry
    /// probabilities move as in the best-response iteration and the equations are solved again, until both
    /// meet the criterion or the step limit. Nil when the equations are out of reach.
    static func solveByBoundary(_ problem: EquilibriumProblem, settings: EquilibriumSettings) -> Outcome? {
        var state = State(problem, settings: settings)
        let entryMatters = problem.classes.contains { $0.preparationCost > 0 }
        var outcome: Outcome?
        for iteration in 0..<max(settings.maximumIterations, 1) {
            guard
                let bids = EquilibriumBoundary.solve(
                    problem,
                    costs: state.costs,
                    entry: state.presence,
                    active: state.active,
                    top: state.top
                )
            else { return outcome }
            for j in problem.classes.indices where state.active[j] { state.bids[j] = bids[j] }
            let report = state.evaluate()
            let converged = report.converged(state, tolerance: settings.tolerance)
            outcome = Outcome(
                state: state,
                report: report,
                iterations: iteration,
                converged: converged,
                approach: "boundary value"
            )
            if converged || !entryMatters { break }
            state.updateEntry(towards: report)
        }
        return outcome
    }

    /// Smoothed fictitious play on the cost grid (Docs/behaviour.md): the best responses taken against the
    /// smoothed win probability, or (`logit`) the logit responses to the win probability itself.
    static func solveByBestResponse(_ problem: EquilibriumProblem, settings: EquilibriumSettings, logit: Bool)
        -> Outcome
    {
        var state = State(problem, settings: settings)
        var iterations = 0
        var converged = false
        var report = state.evaluate(smoothing: Self.smoothing(after: 0), logit: logit)
        var best: (key: Worst, state: State, report: Report)?
        while iterations < settings.maximumIterations {
            // Not before the smoothing has shrunk to one step: a solve that stopped while the win probability
            // was still smoothed wide would stop short of the equilibrium where profit is flat in the bid.
            if Self.smoothing(after: iterations) == 1, report.converged(state, tolerance: settings.tolerance) {
                converged = true
                break
            }
            iterations += 1
            // Fictitious play: the bid functions are the running average of the best responses (weight
            // 1/(t + 1), at least `damping`).
            state.step(towards: report, damping: max(1 / Double(iterations + 1), settings.damping))
            // The win probability the best responses face is smoothed over 12 bid-grid steps at first, the
            // width shrinking by 2 % an iteration down to one step (or the logit responses' temperature falls).
            report = state.evaluate(smoothing: Self.smoothing(after: iterations), logit: logit)
            // Fictitious play's iterates need not settle: keep the one closest to an equilibrium (smallest
            // largest gain share, then gain) among those evaluated once the smoothing is down to one step.
            if Self.smoothing(after: iterations) == 1 {
                let key = Self.worst(report, state)
                if best.map({ key < $0.key }) ?? true { best = (key, state, report) }
            }
        }
        if !converged, let best, best.key < Self.worst(report, state) {
            return Outcome(
                state: best.state,
                report: best.report,
                iterations: iterations,
                converged: false,
                approach: "best response"
            )
        }
        return Outcome(
            state: state,
            report: report,
            iterations: iterations,
            converged: converged,
            approach: "best response"
        )
    }

    /// How far a state is from an equilibrium: the largest gain share of its classes, then the largest gain.
    struct Worst: Comparable {
        var share: Double
        var gain: Double
        static func < (a: Worst, b: Worst) -> Bool { a.share != b.share ? a.share < b.share : a.gain < b.gain }
    }

    static func worst(_ report: Report, _ state: State) -> Worst {
        let active = state.problem.classes.indices.filter { state.active[$0] }
        return Worst(
            share: active.map { report.largestGainShare[$0] }.max() ?? 0,
            gain: active.map { report.largestGain[$0] }.max() ?? 0
        )
    }

    /// The half-width, in bid-grid steps, of the smoothing of the win probability after `iterations` steps.
    static func smoothing(after iterations: Int) -> Int { max(1, Int(12 * pow(0.98, Double(iterations)))) }

    /// The temperature of the logit responses, as a share of the best profit, on the same schedule: 0.1 at a
    /// smoothing of 12 steps, 0 at one step (from step 89 on).
    static func temperature(smoothing: Int) -> Double { Double(max(smoothing - 1, 0)) / 11 * 0.1 }

    /// The logit (smoothed) best response of a grid cost: the mean of the prices above the cost weighted by
    /// exp((profit − best profit) / (temperature × best profit)), profit = (price − cost) × P(win | price) on
    /// the price grid; nil at temperature 0 or where no price earns a profit (the best response itself is
    /// then taken).
    static func logitResponse(cost: Double, prices: [Double], table: [Double], temperature: Double) -> Double? {
        guard temperature > 0 else { return nil }
        var best = 0.0
        for (i, p) in prices.enumerated() where p > cost { best = max(best, (p - cost) * table[i]) }
        guard best > 0 else { return nil }
        var sum = 0.0
        var weight = 0.0
        for (i, p) in prices.enumerated() where p > cost {
            let w = exp(((p - cost) * table[i] - best) / (temperature * best))
            sum += w * p
            weight += w
        }
        return sum / weight
    }

    /// What one evaluation of the current bid functions finds, per class.
    struct Report {
        /// Per class and grid cost, the bid the next step moves towards.
        var bestResponses: [[Double]]
        var expectedProfit: [Double]
        var largestGain: [Double]
        var largestGainShare: [Double]
        var winProbability: [Double]

        func converged(_ state: State, tolerance: Double) -> Bool {
            for j in state.problem.classes.indices where state.active[j] {
                if largestGainShare[j] > tolerance { return false }
                if !state.entryHolds(j, profit: expectedProfit[j], tolerance: tolerance) { return false }
            }
            return true
        }
    }

    struct State {
        let problem: EquilibriumProblem
        let settings: EquilibriumSettings
        /// Per class: the cost grid, the bids on it, the entry probability.
        var costs: [[Double]]
        var bids: [[Double]]
        var entry: [Double]
        /// A class whose lowest cost is at or above the ceiling cannot bid.
        let active: [Bool]
        /// The highest price any bid may have.
        let top: Double
        /// The highest cost of any class.
        let highestCost: Double
        /// Fixed draws for simulated win probabilities: per profile, per class, per member, (cost quantile,
        /// entry draw).
        let draws: [[[(Double, Double)]]]
        var entryStep: [Double]
        var lastEntrySign: [Double]

        init(_ problem: EquilibriumProblem, settings: EquilibriumSettings) {
            self.problem = problem
            self.settings = settings
            // The highest cost, or a non-strategic rival's highest price (all there is to bound a lot without a
            // ceiling).
            let highest =
                problem.classes.map { $0.fixed.map { max($0.prices.high, $0.base.high) } ?? $0.cost.high }.max() ?? 0
            let top = problem.ceiling.isFinite ? problem.ceiling : highest
            self.top = top
            highestCost = highest
            let g = min(max(settings.grid, 2), 1001)
            var costs: [[Double]] = []
            var bids: [[Double]] = []
            var active: [Bool] = []
            let potential = problem.classes.reduce(0) { $0 + $1.members.count }
            for bidderClass in problem.classes {
                let low = bidderClass.cost.low
                let high = min(bidderClass.cost.high, top)
                let canBid = low < top && !bidderClass.members.isEmpty && bidderClass.isStrategic
                active.append(canBid)
                // Denser at the low costs, where the bid functions are steepest (a class that joins the bidding
                // above the lowest bid does so with an infinite slope) and the largest gains sit: the i-th of the
                // g points at low + (high − low) × (i / (g − 1))².
                let grid = (0..<g).map { i in
                    let x = Double(i) / Double(g - 1)
                    return canBid ? low + (high - low) * x * x : low
                }
                costs.append(grid)
                // Start from the symmetric uniform guess: cost + (top − cost) / n.
                bids.append(grid.map { min(top, $0 + (top - $0) / Double(max(potential, 1))) })
            }
            self.costs = costs
            self.bids = bids
            self.active = active
            entry = active.map { $0 ? 1 : 0 }
            entryStep = problem.classes.map { _ in 0.5 }
            lastEntrySign = problem.classes.map { _ in 0 }
            if problem.reducesToPrice {
                draws = []
            } else {
                var stream = RandomStream(seed: settings.seed, replication: 0, label: "equilibrium/\(problem.lot)")
                draws = (0..<max(settings.samples, 1)).map { _ in
                    problem.classes.map { c in c.members.map { _ in (stream.unit(), stream.unit()) } }
                }
            }
        }

        /// Per class: the probability that one member is present, participation × entry (a non-strategic rival's
        /// entry is 1).
        var presence: [Double] {
            problem.classes.indices.map { k in
                problem.classes[k].isStrategic
                    ? entry[k] * problem.classes[k].participation
                    : problem.classes[k].participation
            }
        }

        func entryHolds(_ j: Int, profit: Double, tolerance: Double) -> Bool {
            let k = problem.classes[j].preparationCost
            guard k > 0 else { return true }
            let p = entry[j]
            if p >= 1 { return profit >= k * (1 - tolerance) }
            if p <= 0 { return profit <= k * (1 + tolerance) }
            return abs(profit - k) <= tolerance * k
        }

        /// The bid of class `k` at `cost`; nil when the cost is above its grid (no valid bid).
        func bid(_ k: Int, at cost: Double) -> Double? {
            guard active[k], let last = costs[k].last, cost <= last else { return nil }
            return EquilibriumGrid.interpolate(costs[k], bids[k], at: cost)
        }

        /// Non-strategic class `j` as the solution reports it: its cost at evenly spaced quantiles of its grid's
        /// size and its mean price there; entry 1 and no gains (it does not best-respond); its win probability and
        /// expected profit, (price − cost) × P(win | price) over its costs and markups (200 × 8 midpoints), given
        /// that it takes part, against the solved bid functions (`profiles`: the simulated profiles, where the
        /// rule does not reduce to price).
        func fixedSolution(_ j: Int, _ fixed: EquilibriumProblem.FixedBids, profiles: [[SimulatedBid]])
            -> EquilibriumSolution.ClassSolution
        {
            let c = problem.classes[j]
            let g = max(costs[j].count, 2)
            let quantiles = (0..<g).map { Double($0) / Double(g - 1) }
            let win: (Double) -> Double
            if problem.reducesToPrice {
                win = { integratedWin(j, price: $0) }
            } else {
                // P(win) on 241 prices from its lowest price to the ceiling, linear in between.
                let low = min(fixed.prices.low, top)
                let prices = (0..<241).map { low + (top - low) * Double($0) / 240 }
                let table: [Double]
                if let thresholds = winThresholds(j, profiles: profiles) {
                    table = prices.map { Self.shareAbove(thresholds, $0) / Double(max(profiles.count, 1)) }
                } else {
                    let rivals = simulatedRivals(j, profiles: profiles)
                    table = prices.map { simulatedWin(j, price: $0, rivals: rivals) }
                }
                win = { price in price > top ? 0 : EquilibriumGrid.interpolate(prices, table, at: price) }
            }
            let steps = 200
            let markups = fixed.markupHigh > fixed.markupLow ? 8 : 1
            var profit = 0.0
            var wins = 0.0
            for q in 0..<steps {
                let u = (Double(q) + 0.5) / Double(steps)
                let cost = c.cost.quantile(u)
                for k in 0..<markups {
                    let m = fixed.markupLow + (fixed.markupHigh - fixed.markupLow) * (Double(k) + 0.5) / Double(markups)
                    let price = fixed.base.quantile(u) * (1 + m)
                    guard price <= top else { continue }
                    let w = win(price)
                    profit += (price - cost) * w
                    wins += w
                }
            }
            let count = Double(steps * markups)
            return EquilibriumSolution.ClassSolution(
                id: c.id,
                members: c.members,
                costs: quantiles.map { c.cost.quantile($0) },
                bids: quantiles.map { fixed.meanPrice(quantile: $0) },
                entry: 1,
                expectedProfit: profit / count,
                preparationCost: c.preparationCost,
                deduction: c.deduction,
                technicalPoints: c.technicalPoints,
                sizes: c.sizes,
                largestGain: 0,
                largestGainShare: 0,
                winProbability: wins / count,
                participation: c.participation,
                bidsBy: fixed.kind,
                markupRange: (fixed.markupLow, fixed.markupHigh)
            )
        }

        // MARK: Win probability

        /// P(a rival of class k enters with a valid bid whose evaluated price exceeds `evaluated`), and
        /// P(it does not enter or has no valid bid).
        func rivalOdds(_ k: Int, evaluated: Double) -> (above: Double, absent: Double) {
            let c = problem.classes[k].cost
            let factor = 1 - problem.classes[k].deduction
            let participation = problem.classes[k].participation
            if let fixed = problem.classes[k].fixed {
                // A non-strategic rival: present with its participation, its price drawn from its fixed
                // distribution, invalid above the ceiling.
                let survivalTop = fixed.prices.survival(top)
                let above = participation * max(fixed.prices.survival(evaluated / factor) - survivalTop, 0)
                return (above, (1 - participation) + participation * survivalTop)
            }
            guard active[k] else { return (0, 1) }
            let grid = costs[k]
            let last = grid[grid.count - 1]
            let survivalTop = c.survival(last)
            // Present with participation × entry (a participation of 1 leaves the entry probability as it is).
            let present = entry[k] * participation
            let absent = (1 - present) + present * survivalTop
            // The evaluated bid function is non-decreasing: c* = the largest grid cost whose evaluated bid is
            // at most `evaluated`, linear in between.
            let ys = bids[k]
            let threshold: Double
            if ys[0] * factor > evaluated {
                threshold = grid[0]
            } else if ys[ys.count - 1] * factor <= evaluated {
                return (0, absent)
            } else {
                var lo = 0
                var hi = ys.count - 1
                while hi - lo > 1 {
                    let mid = (lo + hi) / 2
                    if ys[mid] * factor <= evaluated { lo = mid } else { hi = mid }
                }
                let a = ys[lo] * factor
                let b = ys[hi] * factor
                let f = b > a ? (evaluated - a) / (b - a) : 1
                threshold = grid[lo] + f * (grid[hi] - grid[lo])
            }
            let above = present * max(c.survival(threshold) - survivalTop, 0)
            return (above, absent)
        }

        /// P(win) of one member of class `j` bidding `price`, by integration (``EquilibriumProblem/reducesToPrice``).
        func integratedWin(_ j: Int, price: Double) -> Double {
            guard price <= top else { return 0 }
            let evaluated = price * (1 - problem.classes[j].deduction)
            let needed = max(problem.minimumValidBids - 1, 0)
            // counts[i]: P(every rival so far loses to the bid or is absent, and i of them (capped at
            // `needed`) have valid bids).
            var counts = [Double](repeating: 0, count: needed + 1)
            counts[0] = 1
            for k in problem.classes.indices {
                let rivals = problem.classes[k].members.count - (k == j ? 1 : 0)
                guard rivals > 0 else { continue }
                let (above, absent) = rivalOdds(k, evaluated: evaluated)
                if needed == 0 {
                    counts[0] *= pow(above + absent, Double(rivals))
                    continue
                }
                for _ in 0..<rivals {
                    var next = [Double](repeating: 0, count: needed + 1)
                    for i in 0...needed {
                        next[i] += counts[i] * absent
                        next[min(i + 1, needed)] += counts[i] * above
                    }
                    counts = next
                }
            }
            return counts[needed]
        }

        /// One simulated bid: its class, member, price, evaluated price and points.
        struct SimulatedBid {
            var bidderClass: Int
            var member: Int
            var price: Double
            var evaluated: Double
            var points: Double
        }

        /// The valid bids of every simulated profile under the current bid functions and entry probabilities.
        func simulatedProfiles() -> [[SimulatedBid]] {
            draws.map { profile in
                var bids: [SimulatedBid] = []
                for k in problem.classes.indices {
                    let c = problem.classes[k]
                    // Present with participation × entry (a non-strategic rival: participation), by the same draw.
                    let present = c.isStrategic ? entry[k] * c.participation : c.participation
                    for (member, draw) in profile[k].enumerated() {
                        let price: Double
                        if let fixed = c.fixed {
                            price = fixed.prices.quantile(draw.0)
                            guard draw.1 < present, price <= top else { continue }
                        } else {
                            guard draw.1 < present, let bid = bid(k, at: c.cost.quantile(draw.0)) else { continue }
                            price = bid
                        }
                        bids.append(
                            SimulatedBid(
                                bidderClass: k,
                                member: member,
                                price: price,
                                evaluated: price * (1 - c.deduction),
                                points: c.technicalPoints
                            )
                        )
                    }
                }
                return bids
            }
        }

        /// The rivals of a member of class `j` (member 0 of the class stands for it) in each simulated profile:
        /// (price, evaluated price, points).
        func simulatedRivals(_ j: Int, profiles: [[SimulatedBid]]) -> [[(Double, Double, Double)]] {
            profiles.map { profile in
                profile.filter { !($0.bidderClass == j && $0.member == 0) }.map { ($0.price, $0.evaluated, $0.points) }
            }
        }

        /// Where no price is rejected as abnormally low, a member of class `j` wins a profile exactly when its
        /// price is below a threshold of the profile (its score falls and every rival's rises with its price):
        /// the sorted thresholds, a profile that cannot be won (too few valid bids) counting as 0. Nil under the
        /// abnormally-low rejection, where validity depends on the price.
        func winThresholds(_ j: Int, profiles: [[SimulatedBid]]) -> [Double]? {
            guard problem.abnormallyLowRejection == nil, problem.ranking.winsBelowThreshold else { return nil }
            let mine = problem.classes[j]
            let factor = 1 - mine.deduction
            var thresholds: [Double] = []
            thresholds.reserveCapacity(profiles.count)
            for profile in profiles {
                var valid = 1
                var lowest = Double.infinity
                for r in profile where !(r.bidderClass == j && r.member == 0) {
                    valid += 1
                    lowest = min(lowest, r.evaluated)
                }
                guard valid >= problem.minimumValidBids else {
                    thresholds.append(0)
                    continue
                }
                var threshold = Double.infinity
                for r in profile where !(r.bidderClass == j && r.member == 0) {
                    // Always a number here: the ranking has thresholds (the guard above).
                    guard
                        let beaten = Self.beats(
                            r,
                            lowest: lowest,
                            points: mine.technicalPoints,
                            ranking: problem.ranking
                        )
                    else { return nil }
                    threshold = min(threshold, beaten)
                }
                thresholds.append(threshold / factor)
            }
            thresholds.sort()
            return thresholds
        }

        /// The mean of the valid evaluated prices of a profile: the bid's and its valid rivals' (`valid` of them
        /// in all).
        static func mean(of evaluated: Double, rivals: [(Double, Double, Double)], floor: Double, valid: Int)
            -> Double
        {
            var sum = evaluated
            for r in rivals where r.0 >= floor { sum += r.1 }
            return sum / Double(valid)
        }

        /// The evaluated price below which a bid with `points` outranks rival `r` when the lowest rival
        /// evaluated price is `lowest` (``share(price:evaluated:points:rivals:problem:)``'s order, ties aside).
        /// Ratio rule, P price points: below `lowest` the bid sets the base, its score is P + points and r's is
        /// e / e_r × P + t_r, so it wins below e_r (P + points − t_r) / P; above, its score is lowest / e × P +
        /// points, and it wins below lowest × P / (lowest × P / e_r + t_r − points) (always when that is ≤ 0).
        /// Nil for the rankings without such a threshold (``EquilibriumProblem/Ranking/winsBelowThreshold``).
        static func beats(_ r: SimulatedBid, lowest: Double, points: Double, ranking: EquilibriumProblem.Ranking)
            -> Double?
        {
            switch ranking {
            case .deviation, .averageBid:
                return nil
            case .lowestPrice:
                return r.evaluated
            case .ratio(let pricePoints):
                guard pricePoints > 0 else { return points > r.points ? .infinity : 0 }
                let below = r.evaluated * (pricePoints + points - r.points) / pricePoints
                if below <= lowest { return max(below, 0) }
                let denominator = lowest * pricePoints / r.evaluated + r.points - points
                return denominator > 0 ? lowest * pricePoints / denominator : .infinity
            }
        }

        /// The number of `sorted` values above `x`.
        static func shareAbove(_ sorted: [Double], _ x: Double) -> Double {
            var lo = 0
            var hi = sorted.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if sorted[mid] > x { hi = mid } else { lo = mid + 1 }
            }
            return Double(sorted.count - lo)
        }

        /// P(win) of one member of class `j` bidding `price` against the simulated `rivals`.
        func simulatedWin(_ j: Int, price: Double, rivals: [[(Double, Double, Double)]]) -> Double {
            guard price <= top, !rivals.isEmpty else { return 0 }
            let mine = problem.classes[j]
            let evaluated = price * (1 - mine.deduction)
            var wins = 0.0
            for profile in rivals {
                wins += Self.share(
                    price: price,
                    evaluated: evaluated,
                    points: mine.technicalPoints,
                    rivals: profile,
                    problem: problem
                )
            }
            return wins / Double(rivals.count)
        }

        /// The bid's share of the win in one profile: 1 when it ranks first alone, 1/k when tied with k − 1
        /// others, 0 otherwise or when the lot fails. Rivals' prices are all at most the ceiling.
        static func share(
            price: Double,
            evaluated: Double,
            points: Double,
            rivals: [(Double, Double, Double)],
            problem: EquilibriumProblem
        ) -> Double {
            var floor = -Double.infinity
            if let threshold = problem.abnormallyLowRejection {
                // Order 87 Art 60 as AbnormallyLowRule applies it: a price below total × f / (n − 1 + f).
                var total = price
                for r in rivals { total += r.0 }
                let others = Double(rivals.count)
                let factor = 1 - threshold
                if others >= 1, others + factor > 0 { floor = total * factor / (others + factor) }
            }
            if price < floor { return 0 }
            var valid = 1
            var lowest = evaluated
            for r in rivals where r.0 >= floor {
                valid += 1
                lowest = min(lowest, r.1)
            }
            guard valid >= problem.minimumValidBids else { return 0 }
            var tied = 1.0
            switch problem.ranking {
            case .lowestPrice:
                for r in rivals where r.0 >= floor {
                    if r.1 < evaluated { return 0 }
                    if r.1 == evaluated { tied += 1 }
                }
            case .ratio(let pricePoints):
                let score = lowest / evaluated * pricePoints + points
                for r in rivals where r.0 >= floor {
                    let other = lowest / r.1 * pricePoints + r.2
                    if other > score { return 0 }
                    if other == score { tied += 1 }
                }
            case .deviation(let pricePoints, let above, let below):
                let mean = Self.mean(of: evaluated, rivals: rivals, floor: floor, valid: valid)
                func score(_ e: Double, _ t: Double) -> Double {
                    let percent = (e - mean) / mean * 100
                    return max(0, pricePoints - (percent >= 0 ? percent * above : -percent * below)) + t
                }
                let mine = score(evaluated, points)
                for r in rivals where r.0 >= floor {
                    let other = score(r.1, r.2)
                    if other > mine { return 0 }
                    if other == mine { tied += 1 }
                }
            case .averageBid:
                let mean = Self.mean(of: evaluated, rivals: rivals, floor: floor, valid: valid)
                let mine = abs(evaluated - mean)
                for r in rivals where r.0 >= floor {
                    let other = abs(r.1 - mean)
                    if other < mine { return 0 }
                    if other == mine { tied += 1 }
                }
            }
            return 1 / tied
        }

        // MARK: Best responses

        /// - Parameter smoothing: the half-width of the smoothing after the step (``smoothing(after:)``); 0: the
        ///   best responses themselves.
        /// - Parameter logit: smooth the responses (``logitResponse(cost:prices:table:temperature:)``) instead of
        ///   the win probability.
        func evaluate(smoothing: Int = 0, logit: Bool = false) -> Report {
            let b = 201
            var report = Report(
                bestResponses: bids,
                expectedProfit: problem.classes.map { _ in 0 },
                largestGain: problem.classes.map { _ in 0 },
                largestGainShare: problem.classes.map { _ in 0 },
                winProbability: problem.classes.map { _ in 0 }
            )
            // Every simulated profile's bids, built once per evaluation.
            let profiles = problem.reducesToPrice ? [] : simulatedProfiles()
            for j in problem.classes.indices where active[j] {
                let low = costs[j][0]
                // 201 prices up to the highest cost any class can have (below the ceiling), where the bids
                // compete; 40 more up to the ceiling, where only a bidder without valid rivals wins.
                // (Only when the ceiling is more than 5 % above that cost.)
                let competitive = top > highestCost * 1.05 ? highestCost : top
                var prices = (0..<b).map { low + (competitive - low) * Double($0) / Double(b - 1) }
                if top > competitive {
                    prices += (1...40).map { competitive + (top - competitive) * Double($0) / 40 }
                }
                let win: (Double) -> Double
                let table: [Double]
                if problem.reducesToPrice {
                    win = { integratedWin(j, price: $0) }
                    table = prices.map(win)
                } else {
                    if let thresholds = winThresholds(j, profiles: profiles) {
                        // Sorted thresholds: P(win | price) = share of the profiles whose threshold is above it.
                        table = prices.map { price in
                            price > top ? 0 : Self.shareAbove(thresholds, price) / Double(profiles.count)
                        }
                    } else {
                        let rivals = simulatedRivals(j, profiles: profiles)
                        table = prices.map { simulatedWin(j, price: $0, rivals: rivals) }
                    }
                    // Between the bid grid's points, linear in the simulated table.
                    win = { price in price > top ? 0 : EquilibriumGrid.interpolate(prices, table, at: price) }
                }
                // The smoothed win probability: a triangular kernel of `smoothing` bid-grid steps each side.
                var smooth = table
                if smoothing > 0, !logit {
                    for i in table.indices {
                        var sum = 0.0
                        var weight = 0.0
                        for o in -smoothing...smoothing {
                            let w = Double(smoothing + 1 - abs(o))
                            let index = min(max(i + o, 0), table.count - 1)
                            sum += w * table[index]
                            weight += w
                        }
                        smooth[i] = sum / weight
                    }
                }
                let smoothTable = smooth
                let smoothWin: (Double) -> Double = { price in
                    price > top ? 0 : EquilibriumGrid.interpolate(prices, smoothTable, at: price)
                }
                let temperature = EquilibriumSolver.temperature(smoothing: smoothing)
                var gains: [Double] = []
                for (g, cost) in costs[j].enumerated() {
                    // The gain is measured against the win probability itself; the step moves towards the best
                    // response to the smoothed one, or towards the logit response.
                    let (bestBid, bestProfit) = Self.bestResponse(cost: cost, prices: prices, table: table, win: win)
                    if logit {
                        report.bestResponses[j][g] =
                            EquilibriumSolver.logitResponse(
                                cost: cost,
                                prices: prices,
                                table: table,
                                temperature: temperature
                            ) ?? bestBid
                    } else {
                        report.bestResponses[j][g] =
                            smoothing > 0
                            ? Self.bestResponse(cost: cost, prices: prices, table: smooth, win: smoothWin).0 : bestBid
                    }
                    let current = bids[j][g]
                    gains.append(max(bestProfit - (current - cost) * win(current), 0))
                }
                // Ex ante over the class's cost: midpoints of 400 quantile steps.
                let steps = 400
                var profit = 0.0
                var exAnteWin = 0.0
                for q in 0..<steps {
                    let cost = problem.classes[j].cost.quantile((Double(q) + 0.5) / Double(steps))
                    guard let price = bid(j, at: cost) else { continue }
                    let w = win(price)
                    profit += (price - cost) * w
                    exAnteWin += w
                }
                profit /= Double(steps)
                report.expectedProfit[j] = profit
                report.winProbability[j] = exAnteWin / Double(steps)
                let largest = gains.max() ?? 0
                report.largestGain[j] = largest
                report.largestGainShare[j] = profit > 0 ? largest / profit : (largest > 0 ? .infinity : 0)
            }
            return report
        }

        /// The bid maximising (bid − cost) × win(bid): the best point of the bid grid at or above the cost,
        /// refined by golden-section search between its neighbours. A cost that cannot win bids itself.
        static func bestResponse(
            cost: Double,
            prices: [Double],
            table: [Double],
            win: (Double) -> Double
        ) -> (Double, Double) {
            var best = -1
            var bestProfit = 0.0
            for (i, p) in prices.enumerated() where p > cost {
                let profit = (p - cost) * table[i]
                if profit > bestProfit {
                    bestProfit = profit
                    best = i
                }
            }
            guard best >= 0 else { return (min(cost, prices[prices.count - 1]), 0) }
            var a = max(best > 0 ? prices[best - 1] : prices[best], cost)
            var d = best + 1 < prices.count ? prices[best + 1] : prices[best]
            let ratio = (5.0.squareRoot() - 1) / 2
            var b = d - ratio * (d - a)
            var c = a + ratio * (d - a)
            var fb = (b - cost) * win(b)
            var fc = (c - cost) * win(c)
            for _ in 0..<40 {
                if fb >= fc {
                    d = c
                    c = b
                    fc = fb
                    b = d - ratio * (d - a)
                    fb = (b - cost) * win(b)
                } else {
                    a = b
                    b = c
                    fb = fc
                    c = a + ratio * (d - a)
                    fc = (c - cost) * win(c)
                }
            }
            let candidates = [(prices[best], bestProfit), (b, fb), (c, fc)]
            return candidates.max { $0.1 < $1.1 } ?? (prices[best], bestProfit)
        }

        /// Moves each bid function a damped step towards its best responses (non-decreasing, between cost and
        /// ceiling), and each entry probability towards its condition.
        mutating func step(towards report: Report, damping: Double) {
            for j in problem.classes.indices where active[j] {
                var previous = -Double.infinity
                for g in bids[j].indices {
                    var next = (1 - damping) * bids[j][g] + damping * report.bestResponses[j][g]
                    next = min(max(next, costs[j][g], previous), top)
                    bids[j][g] = next
                    previous = next
                }
            }
            updateEntry(towards: report)
        }

        /// Moves each entry probability towards its condition: p += step × p × (profit / K − 1) (bounded), the
        /// step halved each time the condition changes side.
        mutating func updateEntry(towards report: Report) {
            for j in problem.classes.indices where active[j] {
                let k = problem.classes[j].preparationCost
                guard k > 0 else { continue }
                let excess = report.expectedProfit[j] / k - 1
                let sign: Double = excess > 0 ? 1 : excess < 0 ? -1 : 0
                // Halve the step whenever the condition changes side: a bisection in the limit.
                if sign != 0, lastEntrySign[j] != 0, sign != lastEntrySign[j] { entryStep[j] /= 2 }
                if sign != 0 { lastEntrySign[j] = sign }
                entry[j] = min(max(entry[j] + entryStep[j] * max(min(excess, 1), -1) * max(entry[j], 0.05), 0), 1)
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
