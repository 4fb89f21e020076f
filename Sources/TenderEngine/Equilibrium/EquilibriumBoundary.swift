/// The asymmetric first-price auction's differential equations, solved by shooting (Docs/behaviour.md), where
/// the rule reduces to the lowest evaluated price and one valid bid suffices.
///
/// In evaluated bids β = price × (1 − deduction), let u_k(β) be the cost quantile of class k whose bid is β
/// (its inverse bid function in quantile terms) and H_k = 1 − e_k u_k the probability that one member of class
/// k (entering with probability e_k) does not undercut β. A member of class j with cost c = Q_j(u_j(β)) bidding
/// β maximises (β / f_j − c) Π_k H_k^(n_k − [k = j]), f_j = 1 − deduction; its first-order condition is
/// Σ_k (n_k − [k = j]) (ln H_k)' = −r_j, r_j = 1 / (β − f_j Q_j(u_j)). Over the classes bidding at β (n_A
/// members in all) this linear system gives (ln H_j)' = r_j − Σ_A n_k r_k / (n_A − 1), so
/// u_j' = (1 − e_j u_j) / e_j × (Σ_A n_k r_k / (n_A − 1) − r_j) (Marshall, Meurer, Richard and Stromquist 1994;
/// Bajari 2001, in the procurement form with a preference as in Marshall et al.).
///
/// Every class bidding starts at a common lowest evaluated bid β_L with u = 0 (a class whose lowest evaluated
/// cost is above β_L joins where its lowest cost's first-order condition first holds). The equations are
/// integrated upwards (fourth-order Runge–Kutta, 4000 steps) and β_L is found by bisection: too low and a
/// class's margin β − f_j Q_j(u_j) vanishes before its highest cost is reached (or every class is done before
/// its ceiling); too high and a class reaches its evaluated ceiling with costs left.
enum EquilibriumBoundary {
    /// The bids of every class on `costs` (nil for a class that does not bid), or nil when the problem is out of
    /// the method's reach (fewer than two potential bidders, or a bisection that does not close).
    static func solve(
        _ problem: EquilibriumProblem,
        costs: [[Double]],
        entry: [Double],
        active: [Bool],
        top: Double
    ) -> [[Double]]? {
        let classes = problem.classes
        let all = classes.indices.filter { active[$0] && entry[$0] > 1e-9 && !classes[$0].members.isEmpty }
        guard all.reduce(0, { $0 + classes[$1].members.count }) >= 2 else { return nil }
        let f = classes.map { 1 - $0.deduction }
        let n = classes.map { Double($0.members.count) }
        // The highest quantile that bids validly: costs above the ceiling do not.
        let finalQuantile = classes.indices.map { k in
            min(max(1 - classes[k].cost.survival(min(classes[k].cost.high, top)), 0), 1)
        }
        let highest = all.map { f[$0] * top }.max() ?? top
        // The lowest β_L with two members able to bid below it.
        let order = all.sorted { f[$0] * classes[$0].cost.low < f[$1] * classes[$1].cost.low }
        var count = 0
        var lowest = highest
        for k in order {
            count += classes[k].members.count
            if count >= 2 {
                lowest = f[k] * classes[k].cost.low
                break
            }
        }
        guard lowest < highest else { return nil }
        let shooter = Shooter(
            problem: problem,
            classes: all,
            f: f,
            n: n,
            entry: entry,
            finalQuantile: finalQuantile,
            top: top,
            highest: highest
        )
        var lo = lowest
        var hi = highest
        for _ in 0..<64 {
            let mid = (lo + hi) / 2
            if mid <= lo || mid >= hi { break }
            if shooter.run(from: mid, record: false).tooHigh { hi = mid } else { lo = mid }
        }
        let path = shooter.run(from: lo, record: true)
        guard path.betas.count >= 2 else { return nil }
        // Inverse bid functions → bids on each class's cost grid.
        var bids: [[Double]] = costs
        for k in all {
            let grid = costs[k]
            var phis: [Double] = []
            var prices: [Double] = []
            for (i, beta) in path.betas.enumerated() {
                let u = path.quantiles[i][k]
                guard u >= 0 else { continue }  // not yet bidding
                let phi = classes[k].cost.quantile(u)
                if let last = phis.last, phi <= last { continue }
                phis.append(phi)
                prices.append(beta / f[k])
            }
            guard let firstCost = phis.first, let lastCost = phis.last else {
                bids[k] = grid  // never bids where it could win
                continue
            }
            var previous = -Double.infinity
            bids[k] = grid.map { c in
                var b: Double
                if phis.count == 1 || c <= firstCost {
                    b = prices[0] + max(c - firstCost, 0)
                } else if c >= lastCost {
                    // Costs the path did not reach cannot win at a price above their cost (or are the top of
                    // the support): the last markup, kept.
                    b = prices[prices.count - 1] + (c - lastCost)
                } else {
                    b = EquilibriumGrid.interpolate(phis, prices, at: c)
                }
                b = min(max(b, c, previous), top)
                previous = b
                return b
            }
        }
        return bids
    }

    struct Path {
        var tooHigh: Bool
        var betas: [Double] = []
        /// Per recorded β, per class: u (−1 while the class does not bid yet).
        var quantiles: [[Double]] = []
    }

    struct Shooter {
        let problem: EquilibriumProblem
        let classes: [Int]
        let f: [Double]
        let n: [Double]
        let entry: [Double]
        let finalQuantile: [Double]
        let top: Double
        let highest: Double
        let steps = 4000

        /// Σ_A n_k r_k / (n_A − 1) and the r_k, or nil when a margin has vanished or fewer than two bid.
        func rates(_ beta: Double, _ u: [Double], _ bidding: [Bool], _ r: inout [Double]) -> Double? {
            var members = 0.0
            var sum = 0.0
            for k in classes where bidding[k] {
                let margin = beta - f[k] * problem.classes[k].cost.quantile(u[k])
                guard margin > 0 else { return nil }
                r[k] = 1 / margin
                members += n[k]
                sum += n[k] * r[k]
            }
            guard members >= 2 else { return nil }
            return sum / (members - 1)
        }

        func derivative(_ beta: Double, _ u: [Double], _ bidding: [Bool], _ out: inout [Double]) -> Bool {
            var r = [Double](repeating: 0, count: u.count)
            guard let s = rates(beta, u, bidding, &r) else { return false }
            for k in classes where bidding[k] {
                let e = entry[k]
                out[k] = max((1 - e * u[k]) / e * (s - r[k]), 0)
            }
            return true
        }

        func run(from start: Double, record: Bool) -> Path {
            let count = problem.classes.count
            var u = [Double](repeating: 0, count: count)
            var bidding = [Bool](repeating: false, count: count)
            var waiting = [Bool](repeating: false, count: count)
            var done = [Bool](repeating: false, count: count)
            for k in classes {
                if f[k] * problem.classes[k].cost.low < start { bidding[k] = true } else { waiting[k] = true }
            }
            var r = [Double](repeating: 0, count: count)
            // A class whose lowest cost's first-order condition fails at β_L, (β_L − f_j c_low) × Σ_A n_k r_k /
            // (n_A − 1) < 1 (its u′ would be negative), does not bid there: it waits, and joins as above. The
            // class furthest from the condition waits first, and the rest are judged again without it.
            while let s = rates(start, u, bidding, &r) {
                var furthest: Int?
                var value = 1.0
                for k in classes where bidding[k] {
                    let condition = (start - f[k] * problem.classes[k].cost.low) * s
                    if condition < value {
                        value = condition
                        furthest = k
                    }
                }
                guard let k = furthest else { break }
                bidding[k] = false
                waiting[k] = true
            }
            var path = Path(tooHigh: false)
            func note(_ beta: Double) {
                guard record else { return }
                path.betas.append(beta)
                path.quantiles.append(
                    (0..<count).map { bidding[$0] || done[$0] ? u[$0] : -1 }
                )
            }
            let h = (highest - start) / Double(steps)
            var beta = start
            note(beta)
            var k1 = [Double](repeating: 0, count: count)
            var k2 = k1
            var k3 = k1
            var k4 = k1
            for _ in 0..<steps {
                // A waiting class joins where its lowest cost's first-order condition first holds:
                // (β − f_j c_low) × Σ_A n_k r_k / (n_A − 1) ≥ 1.
                if waiting.contains(true), let s = rates(beta, u, bidding, &r) {
                    for j in classes where waiting[j] {
                        if (beta - f[j] * problem.classes[j].cost.low) * s >= 1 {
                            waiting[j] = false
                            bidding[j] = true
                        }
                    }
                }
                func shifted(_ d: [Double], _ w: Double) -> [Double] {
                    var v = u
                    for k in classes where bidding[k] { v[k] = u[k] + w * d[k] }
                    return v
                }
                guard derivative(beta, u, bidding, &k1),
                    derivative(beta + h / 2, shifted(k1, h / 2), bidding, &k2),
                    derivative(beta + h / 2, shifted(k2, h / 2), bidding, &k3),
                    derivative(beta + h, shifted(k3, h), bidding, &k4)
                else {
                    return path  // a margin vanished: β_L too low
                }
                for k in classes where bidding[k] {
                    u[k] += h / 6 * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k])
                }
                beta += h
                for k in classes where bidding[k] {
                    if u[k] >= finalQuantile[k] {
                        u[k] = finalQuantile[k]
                        bidding[k] = false
                        done[k] = true
                    } else if beta >= f[k] * top {
                        path.tooHigh = true
                        note(beta)
                        return path
                    }
                }
                note(beta)
                if !bidding.contains(true) { return path }  // every class done below its ceiling: too low
            }
            path.tooHigh = bidding.contains(true)
            return path
        }
    }
}
