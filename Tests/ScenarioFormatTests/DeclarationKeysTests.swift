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
}
