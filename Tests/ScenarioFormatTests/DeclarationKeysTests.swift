import ExactNumbers
import ScenarioFormat
import TenderModel
import Testing

/// The keys of issue 13's reserve and declaration rules: read, and refused with a positioned message.
@Suite struct DeclarationKeysTests {
    typealias L = LoaderFixtures

    func load(_ text: String) -> LoadResult { MemoryFiles(["/s/main.yaml": text]).load(variant: nil) }

    @Test func reserveRuleIsReadAndCheckedAgainstItsValues() throws {
        let smallest = L.valid.replacingOccurrences(
            of: "sme: { deduction: 10% }",
            with: "sme: { deduction: 10%, reserve-rule: smallest-first }"
        )
        #expect(try #require(load(smallest).scenario).policy.sme.reserveRule == .smallestFirst)
        #expect(try #require(load(L.valid).scenario).policy.sme.reserveRule == .smeSupply)
        let wrong = L.valid.replacingOccurrences(
            of: "sme: { deduction: 10% }",
            with: "sme: { deduction: 10%, reserve-rule: largest-first }"
        )
        #expect(
            L.lines(load(wrong)) == [
                "main.yaml:40:40: error: policy.sme.reserve-rule: expected one of sme-supply, smallest-first, "
                    + "found 'largest-first'; did you mean 'smallest-first'?"
            ]
        )
    }

    func withBids(_ bids: String) -> String { L.valid + "\nbids:\n" + bids }

    @Test func bidConditionsAndEvidenceAreRead() throws {
        let text = withBids(
            """
              - lot: concrete
                bidder: S01
                price: 5000000
                conditions: 预付款 30%
                conditions-accepted: true
                evidence: { prepared-by: 张三, bond-account: "6217 01" }
                offer: { concrete: { brand: qj, test-report-valid-until: 2023-06-01 } }
            """
        )
        let scenario = try #require(load(text).scenario)
        let bid = try #require(scenario.bids.first)
        #expect(bid.conditions == "预付款 30%" && bid.conditionsAccepted)
        #expect(bid.evidence == [.preparedBy: "张三", .bondAccount: "6217 01"])
        // A stated validity implies a test report.
        let product = try #require(bid.products["concrete"])
        #expect(product.testReport && product.testReportValidUntil == Day(year: 2023, month: 6, day: 1))
    }

    @Test func acceptedConditionsNeedConditionsAndEvidenceKnowsItsSituations() {
        let text = withBids(
            """
              - lot: concrete
                bidder: S01
                price: 5000000
                conditions-accepted: true
                evidence: { same-preparer: 张三 }
            """
        )
        #expect(
            L.lines(load(text)) == [
                "main.yaml:52:5: error: bids[0]: 'conditions-accepted' without 'conditions': expected the conditions "
                    + "attached to the bid",
                "main.yaml:56:17: error: bids[0].evidence: unknown key 'same-preparer' "
                    + "(expected one of: prepared-by, agent, contact, anomaly, price-pattern, bond-account)",
            ]
        )
    }

    @Test func collusionDetectionIsAProbability() throws {
        let set = L.valid.replacingOccurrences(
            of: "price-points: 40",
            with: "price-points: 40\n    collusion-detection: 25%"
        )
        #expect(try #require(load(set).scenario).policy.evaluation.collusionDetection == .percent(25))
        let wrong = L.valid.replacingOccurrences(
            of: "price-points: 40",
            with: "price-points: 40\n    collusion-detection: 2"
        )
        #expect(load(wrong).scenario == nil)
    }
}
