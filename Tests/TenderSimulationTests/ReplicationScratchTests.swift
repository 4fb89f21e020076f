import Foundation
import ScenarioFormat
import TenderModel
import Testing

@testable import TenderEngine

/// A simulation worker lends one ``ReplicationScratch`` to each of its replications in turn, and takes back
/// each result's lists once read (``ReplicationScratch/recycle(_:)``). Lending decides where a replication's
/// lists come from, never what it computes: every result must be the result of a replication run on its own.
@Suite struct ReplicationScratchTests {
    @Test func aReplicationRunOnALentScratchIsTheReplicationRunAlone() throws {
        var compared = 0
        for (file, variant) in MetricOnlyRunTests.cases {
            let scenario = try #require(ScenarioLoader().load(file, variant: variant).scenario)
            for keepsDetail in [false, true] {
                let context = EvaluationContext(scenario, equilibria: nil, keepsDetail: keepsDetail)
                let scratch = ReplicationScratch()
                for replication in 0..<10 {
                    let lent = TenderRun.run(context, replication: replication, scratch: scratch)
                    let alone = TenderRun.run(context, replication: replication)
                    #expect(lent == alone, "\(file) \(variant ?? "base") detail \(keepsDetail) #\(replication)")
                    compared += lent.outcomes.count + lent.projectPurchases.count
                    scratch.recycle(lent)
                }
            }
        }
        // Lots and purchases compared: the bundled scenarios have hundreds; none would make the test vacuous.
        #expect(compared > 1000)
    }

    /// One scratch lent across scenarios of different sizes (lists grown by a large plan reused by a small one,
    /// and the other way round), with results kept past the next replication (never recycled) or recycled:
    /// the same results.
    @Test func lendingAcrossScenariosAndKeptResultsChangesNoResult() throws {
        let contexts = try MetricOnlyRunTests.cases.map { file, variant in
            let scenario = try #require(ScenarioLoader().load(file, variant: variant).scenario)
            return EvaluationContext(scenario, equilibria: nil, keepsDetail: false)
        }
        let scratch = ReplicationScratch()
        var kept: [RunResult] = []
        for round in 0..<3 {
            for (index, context) in contexts.enumerated() {
                let replication = round * 7 + index
                let lent = TenderRun.run(context, replication: replication, scratch: scratch)
                #expect(lent == TenderRun.run(context, replication: replication), "case \(index) #\(replication)")
                // Every other result is kept while the scratch goes on lending: it must not change.
                if index % 2 == 0 {
                    kept.append(lent)
                } else {
                    scratch.recycle(lent)
                }
            }
        }
        var position = 0
        for round in 0..<3 {
            for (index, context) in contexts.enumerated() where index % 2 == 0 {
                #expect(kept[position] == TenderRun.run(context, replication: round * 7 + index), "kept \(index)")
                position += 1
            }
        }
    }

    /// What a scratch keeps is bounded by one replication: given back or not, its lists do not pile up over
    /// replications (a worker runs millions).
    @Test func aScratchKeepsNoMoreThanOneReplicationsLists() throws {
        let file = MetricOnlyRunTests.root.appendingPathComponent("Scenarios/daqing-2023.yaml").path
        let scenario = try #require(ScenarioLoader().load(file).scenario)
        let context = EvaluationContext(scenario, equilibria: nil, keepsDetail: false)
        let recycled = ReplicationScratch()
        let kept = ReplicationScratch()
        var results: [RunResult] = []
        for replication in 0..<20 {
            let result = TenderRun.run(context, replication: replication, scratch: recycled)
            let lots = result.outcomes.count + result.projectPurchases.count
            recycled.recycle(result)
            #expect(recycled.evaluationLists.count <= lots && recycled.candidateLists.count <= lots)
            // Points lists: one per lot evaluated, a lot held again evaluated twice.
            #expect(recycled.pointLists.count <= 2 * lots && recycled.lentPointLists.isEmpty)
            // Lists lent to a result never given back stay with it: the scratch holds only this replication's.
            results.append(TenderRun.run(context, replication: replication, scratch: kept))
            #expect(kept.lentPointLists.count <= 2 * lots, "#\(replication)")
        }
        // Daqing scores criteria: the points lists are lent and come back.
        #expect(!recycled.pointLists.isEmpty)
        #expect(results.count == 20)
    }

    /// A worker recycles every result: the lists its scratch keeps for the next replications must not grow with
    /// the number of replications. Lots whose outcome takes no list from the scratch (a reverse auction, a
    /// framework agreement) or gives back one it did not take (a failed lot's candidates) would otherwise add a
    /// list per replication; the scratch keeps no more evaluation or candidate lists than the largest result
    /// given back had lots and purchases, across scenarios of different sizes.
    @Test func recyclingEveryResultKeepsTheScratchBounded() throws {
        let scratch = ReplicationScratch()
        var largest = 0
        var auctions = 0
        for (file, variant) in MetricOnlyRunTests.cases {
            let scenario = try #require(ScenarioLoader().load(file, variant: variant).scenario)
            let context = EvaluationContext(scenario, equilibria: nil, keepsDetail: false)
            for replication in 0..<25 {
                let result = TenderRun.run(context, replication: replication, scratch: scratch)
                largest = max(largest, result.outcomes.count + result.projectPurchases.count)
                auctions += result.outcomes.count(where: { $0.lot.method == .reverseAuction })
                scratch.recycle(result)
                let name = "\(file) \(variant ?? "base") #\(replication)"
                #expect(scratch.evaluationLists.count <= largest, "\(name)")
                #expect(scratch.candidateLists.count <= largest, "\(name)")
            }
        }
        // The cases include lots that take no list from the scratch: without them the bound is not exercised.
        #expect(auctions > 0)
    }

    /// A result given back leaves its outcomes' evaluation and candidate lists to the scratch, emptied with their
    /// storage, for the next replication's lots: one per outcome (a lot's or a project purchase's), except a
    /// list with no storage (a failed lot has no candidates), which the next lot would only have to grow.
    @Test func recyclingAResultKeepsEachOutcomesListsForTheNextReplication() throws {
        let file = MetricOnlyRunTests.root.appendingPathComponent("Scenarios/daqing-2023.yaml").path
        let scenario = try #require(ScenarioLoader().load(file).scenario)
        let context = EvaluationContext(scenario, equilibria: nil, keepsDetail: false)
        let scratch = ReplicationScratch()
        let result = TenderRun.run(context, replication: 0, scratch: scratch)
        let purchases = result.projectPurchases.compactMap(\.outcome)
        let lists = result.outcomes.count + purchases.count
        let evaluations = (result.outcomes + purchases).reduce(0) { $0 + $1.evaluations.count }
        let awarded = (result.outcomes + purchases).count { !$0.candidates.isEmpty }
        // Daqing's first replication has lots awarded and lots failed: both kinds are exercised.
        #expect(lists > 10 && evaluations > 100 && awarded > 10 && awarded < lists)
        scratch.recycle(result)
        #expect(scratch.evaluationLists.count == lists)
        #expect(scratch.candidateLists.count == awarded)
        #expect(scratch.evaluationLists.allSatisfy(\.isEmpty) && scratch.candidateLists.allSatisfy(\.isEmpty))
        #expect(scratch.evaluationLists.reduce(0) { $0 + $1.capacity } >= evaluations)
        // The next replication fills them: the same result as run alone.
        #expect(TenderRun.run(context, replication: 1, scratch: scratch) == TenderRun.run(context, replication: 1))
    }
}
