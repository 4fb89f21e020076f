import ExactNumbers
import Foundation
import Synchronization
import TenderModel

/// The solved equilibria of a scenario's lots, as simulations use them (`policy.equilibrium.method: solved`,
/// Docs/behaviour.md): solved once per scenario (a variant, a sweep cell) before the replications, and read by
/// every replication's bid generation.
///
/// - Lots: the lots of the plan. The lines left to the projects' own purchases keep the formula.
/// - Preparation cost: each supplier's `preparation-cost`, else the policy's `equilibrium.preparation-cost`.
/// - Settings: the policy's grid and tolerance; the scenario's seed draws the simulated rival profiles.
/// - Cache: the solutions of a process are kept by their problem and settings (``EquilibriumCache``): a compare,
///   a sweep or a plan search solves each distinct lot problem once, and variants that leave a lot's problem
///   alone share its solution.
public struct SolvedEquilibria: Sendable {
    /// By lot id: the solution, or why the lot cannot be solved.
    public let lots: [String: Result<EquilibriumSolution, LotEquilibrium.Refusal>]
    /// The plan's lot ids, in plan order.
    public let order: [String]

    /// The solutions in plan order.
    public var results: [Result<EquilibriumSolution, LotEquilibrium.Refusal>] { order.compactMap { lots[$0] } }

    /// The solution of `lot`, nil when it was refused or is not a lot of the plan.
    public func solution(of lot: String) -> EquilibriumSolution? {
        guard case .success(let solution) = lots[lot] else { return nil }
        return solution
    }

    /// The settings a scenario's policy asks for.
    public static func settings(for scenario: Scenario) -> EquilibriumSettings {
        let policy = scenario.policy.equilibrium
        return EquilibriumSettings(
            grid: policy.grid,
            tolerance: DoubleMath.double(policy.tolerance),
            seed: scenario.meta.seed
        )
    }

    /// Lots solved at once when the caller does not say: the machine's cores (the solution does not depend on it).
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Whether the scenario asks for the solved equilibrium and has generated bids to apply it to: suppliers of
    /// `behaviour: equilibrium`, or every supplier (`policy.equilibrium.bidders: all`).
    public static func isAsked(by scenario: Scenario) -> Bool {
        let policy = scenario.policy.equilibrium
        return policy.method == .solved && scenario.bids.isEmpty
            && (policy.bidders == .all
                || scenario.suppliers.contains { if case .equilibrium = $0.behaviour { true } else { false } })
    }

    /// Solves every lot of the context's plan (through the process's cache).
    /// - Parameter preparationCost: overrides every supplier's preparation cost (yuan) when given.
    public static func solve(
        _ context: EvaluationContext,
        preparationCost: Double? = nil,
        settings: EquilibriumSettings? = nil,
        jobs: Int = 1,
        cache: EquilibriumCache = .shared
    ) -> SolvedEquilibria {
        let settings = settings ?? Self.settings(for: context.scenario)
        let scenario = context.scenario
        let fallback = scenario.policy.equilibrium.preparationCost
        var problems: [(lot: String, problem: Result<EquilibriumProblem, LotEquilibrium.Refusal>)] = []
        var seen: Set<String> = []
        for lot in context.plan.lots where seen.insert(lot.id).inserted {
            do throws(LotEquilibrium.Refusal) {
                let problem = try LotEquilibrium.problem(for: lot, context: context) { supplier in
                    preparationCost ?? DoubleMath.double(supplier.preparationCost ?? fallback)
                }
                problems.append((lot.id, .success(problem)))
            } catch {
                problems.append((lot.id, .failure(error)))
            }
        }
        let solvable = problems.compactMap { try? $0.problem.get() }
        let solutions = cache.solutions(of: solvable, settings: settings, jobs: jobs)
        var lots: [String: Result<EquilibriumSolution, LotEquilibrium.Refusal>] = [:]
        var next = 0
        for (lot, problem) in problems {
            switch problem {
            case .success:
                lots[lot] = .success(solutions[next])
                next += 1
            case .failure(let refusal):
                lots[lot] = .failure(refusal)
            }
        }
        return SolvedEquilibria(lots: lots, order: context.plan.lots.map(\.id))
    }

    /// The solved equilibria the scenario asks for, nil when it does not (see ``isAsked(by:)``).
    public static func asked(by scenario: Scenario) -> SolvedEquilibria? {
        guard isAsked(by: scenario) else { return nil }
        return solve(EvaluationContext(scenario, equilibria: nil), jobs: defaultJobs)
    }
}

extension LotEquilibrium {
    /// The problem of `lot` with each supplier's own preparation cost: the classes of
    /// ``problem(for:context:preparationCost:)`` split further by preparation cost (members in the same order),
    /// numbered again C1, C2, … in order of their first member.
    public static func problem(
        for lot: Lot,
        context: EvaluationContext,
        preparationCost: (Supplier) -> Double
    ) throws(Refusal) -> EquilibriumProblem {
        var problem = try problem(for: lot, context: context, preparationCost: 0)
        var classes: [EquilibriumProblem.BidderClass] = []
        for base in problem.classes {
            // A non-strategic rival does not decide to enter: its preparation cost plays no part.
            guard base.isStrategic else {
                classes.append(base)
                continue
            }
            var split: [EquilibriumProblem.BidderClass] = []
            for member in base.members {
                let cost = context.suppliers[member].map(preparationCost) ?? 0
                if let index = split.firstIndex(where: { $0.preparationCost == cost }) {
                    split[index].members.append(member)
                } else {
                    var one = base
                    one.members = [member]
                    one.preparationCost = cost
                    split.append(one)
                }
            }
            classes += split
        }
        for index in classes.indices {
            classes[index].id = "C\(index + 1)"
            classes[index].sizes = sizes(of: classes[index].members, context: context)
        }
        problem.classes = classes
        return problem
    }
}

/// The equilibrium solutions of this process, by problem and settings (their full description: the classes'
/// members, cost tables, deductions, technical points and preparation costs, the rules, the grid, tolerance,
/// iterations, samples and seed), so that the same problem is solved once however many variants or cells ask
/// for it. Solves run outside the lock, in parallel (two threads that miss the same problem at once may both
/// solve it; the first kept wins). Solutions are deterministic, so the cache changes no result.
public final class EquilibriumCache: Sendable {
    public static let shared = EquilibriumCache()
    private let solutions = Mutex<[String: EquilibriumSolution]>([:])

    public init() {}

    /// The solutions of `problems` under `settings`, in order: those not in the cache solved on up to `jobs`
    /// threads (outside the lock, each distinct problem once) and kept. Solutions depend on their problem and
    /// settings only, so the result is the same for any `jobs`.
    public func solutions(
        of problems: [EquilibriumProblem],
        settings: EquilibriumSettings,
        jobs: Int
    ) -> [EquilibriumSolution] {
        let keys = problems.map { "\($0)|\(settings)" }
        let known = solutions.withLock { cached in keys.map { cached[$0] } }
        var missing: [(key: String, problem: EquilibriumProblem)] = []
        var queued: Set<String> = []
        for (index, key) in keys.enumerated() where known[index] == nil && queued.insert(key).inserted {
            missing.append((key, problems[index]))
        }
        let solved = ParallelLots.map(missing.map(\.problem), jobs: jobs) {
            EquilibriumSolver.solve($0, settings: settings)
        }
        var fresh: [String: EquilibriumSolution] = [:]
        for (item, solution) in zip(missing, solved) { fresh[item.key] = solution }
        solutions.withLock { cached in
            for (key, solution) in fresh where cached[key] == nil { cached[key] = solution }
        }
        return keys.indices.map {
            known[$0] ?? fresh[keys[$0]] ?? EquilibriumSolver.solve(problems[$0], settings: settings)
        }
    }

    /// How many solutions the cache holds.
    public var count: Int { solutions.withLock { $0.count } }
}
