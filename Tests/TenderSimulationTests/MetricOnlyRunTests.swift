import Foundation
import ScenarioFormat
import TenderModel
import Testing

@testable import TenderEngine

/// A simulation that keeps only metrics runs the engine without the detail only reports read (the audit trail,
/// the settlement's lines: ``EvaluationContext/keepsDetail``). Its metrics must be exactly those of the full run.
@Suite struct MetricOnlyRunTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every bundled scenario and every variant of it.
    static let cases: [(file: String, variant: String?)] = {
        let directory = root.appendingPathComponent("Scenarios")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return names.flatMap { name -> [(file: String, variant: String?)] in
            let path = directory.appendingPathComponent(name).path
            let variants = ScenarioLoader().load(path).variants.map(\.name)
            return [(path, nil)] + variants.map { (path, $0) }
        }
    }()

    @Test func everyBundledScenarioAndVariantIsCovered() {
        // Six scenario files with variants of their own: a silent empty list would make the test below vacuous.
        #expect(Self.cases.count >= 20)
    }

    @Test func theMetricsWithoutDetailAreTheMetricsOfTheFullRun() throws {
        for (file, variant) in Self.cases {
            let scenario = try #require(ScenarioLoader().load(file, variant: variant).scenario)
            let full = EvaluationContext(scenario, equilibria: nil, keepsDetail: true)
            let lean = EvaluationContext(scenario, equilibria: nil, keepsDetail: false)
            var settledLines = 0
            for replication in 0..<12 {
                let detailed = TenderRun.run(full, replication: replication)
                let metricsOnly = TenderRun.run(lean, replication: replication)
                let name = "\(file) \(variant ?? "base") #\(replication)"
                #expect(metricsOnly.metrics == detailed.metrics, "\(name)")
                #expect(metricsOnly.lotMetrics == detailed.lotMetrics, "\(name)")
                #expect(metricsOnly.settlements.isEmpty, "\(name)")
                // Generated sealed bids carry no submission time without detail (nothing reads it), and carry
                // one with it; an auction's or a framework agreement's entries are ordered by it, so keep it.
                if scenario.bids.isEmpty {
                    for (lean, full) in zip(metricsOnly.outcomes, detailed.outcomes) {
                        let sealed = lean.lot.method != .reverseAuction && lean.lot.method != .frameworkAgreement
                        let leanTimes = lean.evaluations.map(\.bid.submittedAt)
                        let fullTimes = full.evaluations.map(\.bid.submittedAt)
                        if sealed {
                            #expect(leanTimes.allSatisfy { $0.isEmpty }, "\(name) \(lean.lot.id)")
                            #expect(fullTimes.allSatisfy { !$0.isEmpty }, "\(name) \(lean.lot.id)")
                        } else {
                            #expect(leanTimes == fullTimes, "\(name) \(lean.lot.id)")
                        }
                    }
                }
                settledLines += detailed.settlements.reduce(0) { $0 + $1.lines.count }
            }
            // The comparison is only worth something where the full run settles lines.
            #expect(settledLines > 0, "\(file) \(variant ?? "base") settles no line")
        }
    }

    /// Under the tie-break `earliest-submission` the ranking reads a sealed bid's submission time: a run without
    /// detail keeps it, and its metrics are the full run's (Daqing, whose policy draws lots, switched).
    @Test func earliestSubmissionKeepsTheSubmissionTimes() throws {
        let file = Self.root.appendingPathComponent("Scenarios/daqing-2023.yaml").path
        var scenario = try #require(ScenarioLoader().load(file).scenario)
        scenario.policy.evaluation.tieBreak = .earliestSubmission
        let full = EvaluationContext(scenario, equilibria: nil, keepsDetail: true)
        let lean = EvaluationContext(scenario, equilibria: nil, keepsDetail: false)
        for replication in 0..<6 {
            let detailed = TenderRun.run(full, replication: replication)
            let metricsOnly = TenderRun.run(lean, replication: replication)
            #expect(metricsOnly.metrics == detailed.metrics && metricsOnly.lotMetrics == detailed.lotMetrics)
            for (leanOutcome, fullOutcome) in zip(metricsOnly.outcomes, detailed.outcomes) {
                let times = leanOutcome.evaluations.map(\.bid.submittedAt)
                #expect(!times.isEmpty && times == fullOutcome.evaluations.map(\.bid.submittedAt))
                #expect(times.allSatisfy { !$0.isEmpty }, "\(leanOutcome.lot.id) #\(replication)")
            }
        }
    }

    /// Where no capacity can bind (``EvaluationContext/capacityNeverBinds``), each lot goes to its first
    /// candidate without adding up the awards; adding them up must then change nothing.
    @Test func awardsAddedUpChangeNothingWhereNoCapacityBinds() throws {
        var covered = 0
        for (file, variant) in Self.cases {
            let scenario = try #require(ScenarioLoader().load(file, variant: variant).scenario)
            let context = EvaluationContext(scenario, equilibria: nil, keepsDetail: true)
            guard context.capacityNeverBinds else { continue }
            covered += 1
            for replication in 0..<12 {
                let outcomes = TenderRun.run(context, replication: replication).outcomes
                var addedUp = outcomes
                CapacityAward.resolve(&addedUp, context: context, everyCandidateFits: false)
                #expect(addedUp == outcomes, "\(file) \(variant ?? "base") #\(replication)")
            }
        }
        // Daqing and its variants among them: the shortcut is taken where simulations spend their time.
        #expect(covered >= 5)
    }
}
