import ExactNumbers
import Foundation
import ScenarioFormat
import TenderModel
import Testing

@testable import TenderEngine

/// The equilibrium bids of a simulation come from tabulated tail integrals (``EquilibriumTail``) where the
/// per-cost integral (``EquilibriumBid``) is the reference: on the bid functions of every bundled scenario and
/// variant, the tabulated bid is the integrated one, cent for cent.
@Suite struct EquilibriumTailTests {
    /// Every equilibrium table the bundled scenarios' lots and project purchases prepare, one per memo.
    static func tables() throws -> [(name: String, table: EquilibriumTable)] {
        var found: [(name: String, table: EquilibriumTable)] = []
        for (file, variant) in MetricOnlyRunTests.cases {
            let scenario = try #require(ScenarioLoader().load(file, variant: variant).scenario)
            let context = EvaluationContext(scenario, equilibria: nil, keepsDetail: false)
            var seen = Set<ObjectIdentifier>()
            for lot in context.plan.lots + context.projectPurchaseLots {
                for bidder in context.bidding(for: lot).bidders {
                    for case let table? in bidder.equilibrium where seen.insert(ObjectIdentifier(table.memo)).inserted {
                        let name = "\((file as NSString).lastPathComponent) \(variant ?? "base") \(lot.id) \(bidder.id)"
                        found.append((name, table))
                    }
                }
            }
        }
        return found
    }

    @Test func tabulatedBidsAreTheIntegratedBidsOnEveryBundledBidFunction() throws {
        let tables = try Self.tables()
        var tabulatedFunctions = 0
        var compared = 0
        var guarded = 0
        var largestDifference = 0.0
        for (name, table) in tables {
            let memo = table.memo
            guard memo.count > 0, let tail = memo.tabulated else { continue }
            tabulatedFunctions += 1
            // Up to 600 costs per function, evenly spread over every cent the memo holds (all where fewer).
            let stride = max(1, memo.count / 600)
            for cents in Swift.stride(from: memo.first, to: memo.first + Int64(memo.count), by: stride) {
                let cost = DoubleMath.exactCents(cents)
                let unit = DoubleMath.double(cost)
                let integrated = BidGenerator.equilibriumUnitBid(
                    cost: cost,
                    distribution: table.distribution,
                    bidders: table.bidders,
                    reserve: table.reserve
                )
                if let raw = tail.value(cost: unit) {
                    let reference = EquilibriumBid.unitBid(
                        cost: unit,
                        distribution: table.distribution,
                        bidders: table.bidders,
                        reserve: table.reserve
                    )
                    largestDifference = max(largestDifference, abs(raw - reference))
                }
                compared += 1
                guard let tabulated = tail.unitBid(cost: unit) else {
                    guarded += 1
                    continue
                }
                #expect(max(tabulated, cost) == integrated, "\(name) at \(cost)")
            }
        }
        // Daqing's bidders alone tabulate dozens of functions (uniform, triangular, truncated normal, lognormal).
        #expect(tabulatedFunctions >= 40)
        #expect(compared >= 20_000)
        // The two computations differ far inside the guard band, so the guard is what keeps bids at a half
        // cent integrated, not what absorbs a difference; and it integrates few costs per cost.
        #expect(largestDifference < EquilibriumTail.guardBand / 10, "largest difference \(largestDifference)")
        #expect(Double(guarded) < 0.05 * Double(compared), "\(guarded) of \(compared) integrated per cost")
    }

    /// The tail integral against closed forms: n bidders with costs U[0, 1] and reserve 1 bid
    /// b(c) = c + (1 − c)/n; with a triangular model the kink at its mode is integrated exactly.
    @Test func tailIntegralsMatchTheClosedForms() {
        let uniform = CostDistribution(.uniform(low: 0, high: 1))
        let tail = try! #require(EquilibriumTail.table(distribution: uniform, bidders: 4, reserve: 1, start: 0))
        for c in [0.0, 0.1234, 0.5, 0.87, 0.99] {
            let value = try! #require(tail.value(cost: c))
            #expect(abs(value - (c + (1 - c) / 4)) < 1e-12, "at \(c)")
        }
        // Near the top, where (1 − c)³ falls by half within one of the 1,024 segments, the per-cost integral.
        #expect(tail.value(cost: 0.996) == nil && tail.value(cost: 1) == nil)
        // Triangular on [0, 2] with mode 1, two bidders: b(c) = c + ∫_c^2 S / S(c).
        // For c ≤ 1: ∫_c^1 (1 − t²/2) dt + ∫_1^2 (2 − t)²/2 dt = (1 − c) − (1 − c³)/6 + 1/6.
        let triangular = CostDistribution(.triangular(low: 0, mode: 1, high: 2))
        // (From 0.3, so that the mode falls inside a segment, not on a node.) Above the mode b(c) = c + (2 − c)/3.
        let kinked = try! #require(EquilibriumTail.table(distribution: triangular, bidders: 2, reserve: 2, start: 0.3))
        for c in [0.3, 0.5, 0.9995, 0.999] {
            let integral = (1 - c) - (1 - c * c * c) / 6 + 1.0 / 6
            let value = try! #require(kinked.value(cost: c))
            #expect(abs(value - (c + integral / (1 - c * c / 2))) < 1e-12, "at \(c)")
        }
        for c in [1.2, 1.7] { #expect(abs(try! #require(kinked.value(cost: c)) - (c + (2 - c) / 3)) < 1e-12) }
        // Nothing to tabulate: one bidder, a discrete model.
        #expect(EquilibriumTail.table(distribution: uniform, bidders: 1, reserve: 1, start: 0) == nil)
        let empirical = CostDistribution(.empirical([1, 2, 3]))
        #expect(EquilibriumTail.table(distribution: empirical, bidders: 3, reserve: 3, start: 1) == nil)
    }
}
