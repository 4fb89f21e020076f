import ScenarioFormat
import TenderModel
import Testing

/// `meta.project-number` and `meta.committee`: read into `Scenario.meta`, wrong types reported where they are.
@Suite struct MetaCommitteeTests {
    typealias L = LoaderFixtures

    func load(_ meta: String) -> LoadResult {
        MemoryFiles(["/s/main.yaml": L.valid.replacingOccurrences(of: "  seed: 7", with: "  seed: 7\n" + meta)]).load()
    }

    @Test func projectNumberAndCommitteeAreRead() throws {
        let result = load(
            """
              project-number: HLJ-2023-017
              committee:
                - { name: 王建国, role: 组长 }
                - name: 李敏
            """
        )
        #expect(result.diagnostics.isEmpty, "\(L.lines(result))")
        let meta = try #require(result.scenario).meta
        #expect(meta.projectNumber == "HLJ-2023-017")
        #expect(meta.committee == [CommitteeMember(name: "王建国", role: "组长"), CommitteeMember(name: "李敏")])
    }

    @Test func bothAreOptional() throws {
        let meta = try #require(MemoryFiles(["/s/main.yaml": L.valid]).load().scenario).meta
        #expect(meta.projectNumber == nil)
        #expect(meta.committee.isEmpty)
    }

    @Test func wrongTypesAreReportedAtTheirLines() {
        // The fixture's `seed: 7` is line 5: the added keys start on line 6.
        let notAList = load("  committee: 王建国")
        #expect(
            L.lines(notAList) == [
                "main.yaml:6:14: error: meta.committee: expected a list of committee members ({ name: 张三, role: 组长 }), found '王建国'"
            ]
        )
        let wrongMember = load(
            """
              project-number: { a: 1 }
              committee:
                - 王建国
                - { name: [a, b] }
                - { nmae: 李敏 }
            """
        )
        let lines = L.lines(wrongMember)
        #expect(
            lines.contains("main.yaml:6:19: error: meta.project-number: expected text, found a mapping"),
            "\(lines)"
        )
        #expect(lines.contains { $0.hasPrefix("main.yaml:8:7: error: meta.committee[0]: expected a committee member") })
        #expect(
            lines.contains("main.yaml:9:15: error: meta.committee[1].name: expected text, found a list"),
            "\(lines)"
        )
        #expect(
            lines.contains {
                $0.hasPrefix("main.yaml:10:9: error: meta.committee[2]: unknown key 'nmae'; did you mean 'name'?")
            },
            "\(lines)"
        )
        #expect(
            lines.contains { $0.hasPrefix("main.yaml:10:7: error: meta.committee[2]: missing required key 'name'") },
            "\(lines)"
        )
    }
}
