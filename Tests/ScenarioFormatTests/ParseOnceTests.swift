import ExactNumbers
import Foundation
import ScenarioFormat
import Synchronization
import Testing

/// A loader reads and parses each file once: the base scenario and its variants are loaded from the same
/// parsed trees, each variant overlaid on a copy (so one variant never leaks into another load).
@Suite struct ParseOnceTests {
    typealias L = LoaderFixtures

    private let catalogue = """
        catalogue:
          - id: rebar
            name: 钢筋
            unit: t
        """

    @Test func eachFileIsReadOnceAndVariantsDoNotLeak() throws {
        let main = L.valid.replacingOccurrences(of: "catalogue:\n", with: "includes: [shared.yaml]\ncatalogue:\n")
        let files = ["/s/main.yaml": Array(main.utf8), "/s/shared.yaml": Array(catalogue.utf8)]
        let reads = Mutex<[String: Int]>([:])
        let loader = ScenarioLoader { path in
            reads.withLock { $0[path, default: 0] += 1 }
            guard let bytes = files[path] else { throw CocoaError(.fileNoSuchFile) }
            return bytes
        }
        let base = loader.load("/s/main.yaml")
        let variant = loader.load("/s/main.yaml", variant: "d20")
        let again = loader.load("/s/main.yaml")
        #expect(reads.withLock { $0 } == ["/s/main.yaml": 1, "/s/shared.yaml": 1])
        #expect(base.diagnostics.isEmpty && variant.diagnostics.isEmpty)
        #expect(base.scenario?.catalogue.map(\.id) == ["rebar", "concrete"])
        #expect(base.scenario?.policy.sme.deduction == Exact("10%"))
        #expect(variant.scenario?.policy.sme.deduction == Exact("20%"))
        #expect(variant.scenario?.suppliers.first?.participation == Exact("50%"))
        // The variant changed a copy: the base loaded after it is the base.
        #expect(again.scenario?.policy == base.scenario?.policy)
        #expect(again.scenario?.suppliers == base.scenario?.suppliers)
    }

    @Test func keysThatReadAlikeAreDuplicatesWhateverTheQuoting() {
        // With the default resolver Yams would read `1` as an integer and `"1"` as text, two keys; every key of
        // a scenario is read as text, so they are the same key.
        let lines = L.lines(MemoryFiles(["/s/main.yaml": "x-anchors:\n  1: a\n  \"1\": b\n"]).load())
        #expect(lines.first?.hasPrefix("main.yaml:2:3: error: duplicate key '1' in one mapping") == true)
    }
}
