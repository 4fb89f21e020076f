import ScenarioFormat
import Testing

/// A diagnostic is one line, always, and shows no more of a file than the offending token.
@Suite struct DiagnosticEscapingTests {
    @Test func newlineInAKeyCannotForgeASecondDiagnostic() {
        let text = LoaderFixtures.valid.replacingOccurrences(
            of: "  seed: 7\n",
            with: "  seed: 7\n  \"a\\nmain.yaml:1:1: error: forged\": 1\n"
        )
        let result = MemoryFiles(["/s/main.yaml": text]).load()
        let lines = result.diagnostics.map(\.description)
        #expect(lines.allSatisfy { !$0.contains("\n") })
        #expect(lines.contains { $0.contains("unknown key 'a\\nmain.yaml:1:1: error: forged'") }, "\(lines)")
    }

    @Test func terminalControlCharactersAreEscaped() {
        let text = LoaderFixtures.valid.replacingOccurrences(of: "id: S01", with: "id: \"S\\e[2J\\a\"")
        let result = MemoryFiles(["/s/main.yaml": text]).load()
        let lines = result.diagnostics.map(\.description)
        #expect(lines.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{7F}" } }, "\(lines)")
        #expect(lines.contains { $0.contains("found 'S\\u{1B}[2J\\u{7}'") }, "\(lines)")
    }

    @Test func longTokensAreCutShort() {
        let long = String(repeating: "x", count: 5_000)
        let text = LoaderFixtures.valid.replacingOccurrences(of: "  seed: 7\n", with: "  seed: 7\n  \(long): 1\n")
        let result = MemoryFiles(["/s/main.yaml": text]).load()
        let line = result.diagnostics.map(\.description).first { $0.contains("unknown key") } ?? ""
        #expect(line.count < 300, "\(line)")
    }
}
