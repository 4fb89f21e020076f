import ScenarioFormat
import Testing

/// Limits across a whole load, and a node limit that refuses alias bombs but not large honest files.
@Suite struct LoadLimitTests {
    /// Three includes of 6 MB each: the one that brings the load above 16 MB is refused at its include.
    @Test func totalSizeAcrossIncludesIsLimited() {
        let padding = String(
            repeating: "# padding padding padding padding padding padding padding padding\n",
            count: 95_000
        )
        var files = [
            "/s/main.yaml": LoaderFixtures.valid.replacingOccurrences(
                of: "catalogue:\n",
                with: "includes: [a.yaml, b.yaml, c.yaml]\ncatalogue:\n"
            )
        ]
        for name in ["a", "b", "c"] { files["/s/\(name).yaml"] = padding + "catalogue: []\n" }
        let lines = LoaderFixtures.lines(MemoryFiles(files).load())
        #expect(
            lines == [
                "main.yaml:6:28: error: includes[2]: the scenario and its includes come to more than 16 MB with this "
                    + "file; expected less in all"
            ],
            "\(lines)"
        )
    }

    /// 600,000 nodes without an alias (1.2 MB) are an honest file, not a bomb.
    @Test func largeFileWithoutAliasesIsAccepted() {
        let list = "[" + String(repeating: "1,", count: 600_000) + "1]"
        let text = LoaderFixtures.valid + "\nx-data: \(list)\n"
        let result = MemoryFiles(["/s/main.yaml": text]).load()
        #expect(result.errors.isEmpty, "\(LoaderFixtures.lines(result))")
    }
}
