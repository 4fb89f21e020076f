import Foundation
import ScenarioFormat
import TenderEngine
import Testing

/// The scenario fuzzer bounded by time rather than rounds, and going further than loading: a mutant that
/// loads is planned and run. `TENDER_FUZZ_SECONDS` (default 3) sets the time — the CI's 60-second run and a
/// 10-minute run set it. The mutant being tried is written to `$TMPDIR/tender-fuzz-scenario.yaml` first, so a
/// crash leaves it behind; add it to `Tests/Corpus/scenarios/` as a regression case.
@Suite struct ScenarioFuzzTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus/scenarios")

    static func exercise(_ bytes: [UInt8], catalogue: [UInt8]) -> LoadResult {
        let result = MemoryFiles(bytes: ["/s/main.yaml": bytes, "/s/shared/catalogue-2025.yaml": catalogue]).load()
        if let scenario = result.scenario { _ = TenderRun.run(scenario) }
        return result
    }

    @Test func corpusCasesLoadOrAreRefusedWithAPosition() throws {
        let catalogue = try MutationFuzzTests().sharedCatalogue()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter {
            $0.hasSuffix(".yaml")
        }
        #expect(!files.isEmpty)
        for file in files.sorted() {
            let bytes = Array(try Data(contentsOf: Self.corpus.appendingPathComponent(file)))
            let result = Self.exercise(bytes, catalogue: catalogue)
            #expect(result.scenario != nil || result.errors.allSatisfy { $0.location.line >= 1 }, "\(file)")
        }
    }

    @Test func mutantsLoadAndRunWithoutTrapping() throws {
        let seconds = Double(ProcessInfo.processInfo.environment["TENDER_FUZZ_SECONDS"] ?? "") ?? 3
        let fixtures = MutationFuzzTests()
        let bases = [LoaderFixtures.valid] + (try fixtures.bundledScenarios())
        let catalogue = try fixtures.sharedCatalogue()
        let last = FileManager.default.temporaryDirectory.appendingPathComponent("tender-fuzz-scenario.yaml")
        var mutator = MutationFuzzTests.Mutator(state: 1_818)
        let start = Date()
        var tried = 0
        var loaded = 0
        while Date().timeIntervalSince(start) < seconds || tried < bases.count {
            var bytes = mutator.mutate(bases[tried % bases.count])
            if mutator.below(4) == 0 { bytes = mutator.mutate(String(decoding: bytes, as: UTF8.self)) }
            try Data(bytes).write(to: last)
            let result = Self.exercise(bytes, catalogue: catalogue)
            if result.scenario != nil {
                loaded += 1
            } else {
                #expect(!result.errors.isEmpty, "refused without an error: \(last.path)")
            }
            tried += 1
        }
        try? FileManager.default.removeItem(at: last)
        print("scenario fuzz: \(tried) mutants in \(Int(seconds)) s, \(loaded) loaded and run")
        if tried >= 500 { #expect(loaded > 0, "every mutant refused: the mutations are too coarse") }
    }
}
