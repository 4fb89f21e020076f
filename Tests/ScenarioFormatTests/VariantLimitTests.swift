import ScenarioFormat
import Testing

/// At most 100 variants: 1,000 took two minutes to validate.
@Suite struct VariantLimitTests {
    static func scenario(variants count: Int) -> String {
        let variants = (0..<count).map { "  v\($0):\n    set:\n      policy.sme.deduction: 20%\n" }.joined()
        return LoaderFixtures.valid.replacingOccurrences(of: "variants:\n", with: "variants:\n" + variants)
    }

    @Test func aHundredVariantsAreAccepted() {
        let result = MemoryFiles(["/s/main.yaml": Self.scenario(variants: 99)]).load()
        #expect(result.errors.isEmpty, "\(LoaderFixtures.lines(result))")
        #expect(result.variants.count == 100)
    }

    @Test func moreThanAHundredAreRefusedAtTheFirstBeyond() {
        let result = MemoryFiles(["/s/main.yaml": Self.scenario(variants: 1_000)]).load()
        let lines = LoaderFixtures.lines(result)
        #expect(
            lines.contains {
                $0.contains("error: variants.v100: more than 100 variants; expected fewer")
            },
            "\(lines.prefix(3))"
        )
        #expect(result.variants.count == 100)
    }
}
