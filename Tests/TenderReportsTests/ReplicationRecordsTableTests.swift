import Foundation
import ScenarioFormat
import TenderEngine
import TenderModel
import Testing

@testable import TenderReports

/// The draws of `simulate --records` are the draws behind the outcome, also for a lot re-tendered after a
/// failure (Daqing: `policy.on-failure: retender`), which draws from streams of its own.
@Suite struct ReplicationRecordsTableTests {
    @Test func theDrawsAreThoseOfTheRoundThatDecidedTheLot() throws {
        let path = Fixtures.root.appendingPathComponent("Scenarios/daqing-2023.yaml").path
        let scenario = try #require(ScenarioLoader().load(path).scenario)
        let context = EvaluationContext(scenario)
        let table = ReplicationRecordsTable()
        let header = table.header
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        var retendered = 0
        for replication in 0..<12 {
            let result = TenderRun.run(context, replication: replication)
            let rows = table.rows(result, context: context).split(separator: "\r\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            #expect(rows.count == result.outcomes.count)
            for (row, outcome) in zip(rows, result.outcomes) {
                let bidders = row[try column("costs")].split(separator: ";").map { String($0.prefix { $0 != "=" }) }
                // One cost per bid evaluated, by the same bidders in the same order, the winner among them.
                #expect(bidders == outcome.evaluations.map(\.bid.bidder), "\(replication) \(outcome.lot.id)")
                #expect(row[try column("bids")] == String(outcome.evaluations.count))
                if let winner = outcome.winner { #expect(bidders.contains(winner)) }
                #expect(row[try column("round")] == String(outcome.round))
                if outcome.round == 1 { retendered += 1 }
            }
        }
        #expect(retendered > 0, "the check needs a re-tendered lot")
    }
}
