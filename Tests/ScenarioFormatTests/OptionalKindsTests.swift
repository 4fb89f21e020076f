import ScenarioFormat
import TenderModel
import Testing

/// `optional-kinds` (policy and project): read, checked, and refused as inert under the 2022 rule.
@Suite struct OptionalKindsTests {
    typealias L = LoaderFixtures

    func load(policy: String, project: String = "") -> LoadResult {
        let text = L.valid
            .replacingOccurrences(of: "  sme: { deduction: 10% }", with: "  sme: { deduction: 10% }\n" + policy)
            .replacingOccurrences(of: "    budget: 90000000\n", with: "    budget: 90000000\n" + project)
        return MemoryFiles(["/s/main.yaml": text]).load()
    }

    @Test func choicesAndListsAreRead() throws {
        let cheapest = try #require(load(policy: "  green-rule: \"2025\"\n").scenario)
        #expect(cheapest.policy.optionalKinds == .cheapest)
        let all = try #require(
            load(policy: "  green-rule: \"2025\"\n  optional-kinds: all\n", project: "    optional-kinds: [concrete]\n")
                .scenario
        )
        #expect(all.policy.optionalKinds == .all)
        #expect(all.projects[0].optionalKinds == .listed(["concrete"]))
    }

    @Test func badValuesAndInertKeysAreReported() {
        #expect(
            L.lines(load(policy: "  green-rule: \"2025\"\n  optional-kinds: some\n")) == [
                "main.yaml:42:19: error: policy.optional-kinds: expected all, cheapest, or a list of category ids such as [coatings, pipes], found 'some'"
            ]
        )
        #expect(
            L.lines(load(policy: "  green-rule: \"2025\"\n", project: "    optional-kinds: [concret, concrete]\n")) == [
                "main.yaml:20:22: error: projects[P01].optional-kinds[0]: unknown category 'concret'; did you mean 'concrete'?",
                "main.yaml:20:31: warning: projects[P01].optional-kinds[1]: category 'concrete' is mandatory (必选), not optional: it must comply anyway under the 2025 rule",
            ]
        )
        #expect(
            L.lines(load(policy: "  green-rule: \"2022\"\n  optional-kinds: all\n")) == [
                "main.yaml:42:19: warning: policy.optional-kinds: optional-kinds has no effect under the 2022 green rule (every covered material must comply); set policy.green-rule: \"2025\" for it to apply"
            ]
        )
    }
}
