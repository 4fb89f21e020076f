import Foundation
import ScenarioFormat
import TenderEngine
import Testing

@testable import TenderReports

/// Mutated result files (the run JSON of every bundled scenario, changed at random places): each is either
/// refused by the reader with a message or rendered as HTML, CSV and OCDS; none traps. The crash cases of
/// issue 18 are replayed from `Tests/Corpus/results/`.
///
/// Bounded by time: `TENDER_FUZZ_SECONDS` (default 3) — the CI's 60-second run and a 10-minute run set it.
/// The mutant being tried is written to `$TMPDIR/tender-fuzz-result.json` first, so a crash leaves it behind;
/// add it to `Tests/Corpus/results/` as a regression case.
@Suite struct ResultFuzzTests {
    static let corpus = Fixtures.root.appendingPathComponent("Tests/Corpus/results")

    /// Reads `data` as `tender report` and `tender export` do, and renders whatever it accepts.
    static func exercise(_ data: Data) -> Bool {
        guard let document = try? ResultDocument.read(data) else { return false }
        _ = document.html()
        _ = document.summary
        for (_, table) in document.csvTables() { _ = table.text }
        if case .run(let view) = document { _ = try? OCDSExport.releasePackage(view).rendered() }
        return true
    }

    @Test func corpusCasesAreRefusedOrRendered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter {
            $0.hasSuffix(".json")
        }
        #expect(!files.isEmpty)
        for file in files.sorted() {
            let data = try Data(contentsOf: Self.corpus.appendingPathComponent(file))
            #expect(!Self.exercise(data), "\(file) is a refused document")
        }
    }

    struct Mutator {
        /// The engine's own seedable stream: the same mutants for the same seed, on any machine.
        var random: RandomStream

        init(state seed: UInt64) { random = RandomStream(seed: seed) }

        mutating func next() -> UInt64 { random.next() }

        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

        static var values: [Any] {
            [
                "+1", "01", "-1", "0", "", "x", "1/3", "-1/3", "1/0", "0/0", "1e5", "NaN", "-0", "999999999999",
                String(repeating: "9", count: 300), "\u{1B}[2J", "<script>alert(1)</script>", "=1+2", "a\nb",
                -5, 0, 1, 999_999, 1e308, NSNull(), [Any](), [String: Any](), true,
            ]
        }

        /// Every path into the tree, as (container path, key or index).
        static func paths(_ value: Any, _ prefix: [Any] = [], into out: inout [[Any]]) {
            if let object = value as? [String: Any] {
                for (key, child) in object {
                    out.append(prefix + [key])
                    paths(child, prefix + [key], into: &out)
                }
            } else if let array = value as? [Any] {
                for (index, child) in array.enumerated() {
                    out.append(prefix + [index])
                    paths(child, prefix + [index], into: &out)
                }
            }
        }

        /// Applies `change` to the container holding the last step of `path`.
        static func edit(_ value: inout Any, _ path: ArraySlice<Any>, _ change: (inout Any, Any) -> Void) {
            guard let step = path.first else { return }
            if path.count == 1 {
                change(&value, step)
                return
            }
            if var object = value as? [String: Any], let key = step as? String, var child = object[key] {
                edit(&child, path.dropFirst(), change)
                object[key] = child
                value = object
            } else if var array = value as? [Any], let index = step as? Int, index < array.count {
                var child = array[index]
                edit(&child, path.dropFirst(), change)
                array[index] = child
                value = array
            }
        }

        mutating func mutate(_ document: inout Any) {
            var all: [[Any]] = []
            Self.paths(document, into: &all)
            guard !all.isEmpty else { return }
            let path = all[below(all.count)]
            let replacement = Self.values[below(Self.values.count)]
            let operation = below(5)
            let sibling = below(1_000)
            Self.edit(&document, path[...]) { container, step in
                if var object = container as? [String: Any], let key = step as? String {
                    switch operation {
                    case 0: object[key] = replacement
                    case 1: object[key] = nil
                    case 2:
                        let value = object[key]
                        object[key] = nil
                        object["\(replacement)"] = value
                    default: object[key] = replacement
                    }
                    container = object
                } else if var array = container as? [Any], let index = step as? Int {
                    switch operation {
                    case 0: array[index] = replacement
                    case 1: array.remove(at: index)
                    case 2, 3: array.insert(array[index], at: sibling % (array.count + 1))
                    default:
                        // The element's id becomes that of another element (duplicate ids).
                        if var element = array[index] as? [String: Any],
                            let other = array[sibling % array.count]
                                as? [String: Any], let id = other["id"]
                        {
                            element["id"] = id
                            array[index] = element
                        }
                    }
                    container = array
                }
            }
        }
    }

    @Test func mutatedRunDocumentsNeverTrap() throws {
        let seeds = try Self.bundledRunJSON()
        let seconds = Double(ProcessInfo.processInfo.environment["TENDER_FUZZ_SECONDS"] ?? "") ?? 3
        let last = FileManager.default.temporaryDirectory.appendingPathComponent("tender-fuzz-result.json")
        let start = Date()
        var mutator = Mutator(state: 18)
        var tried = 0
        var accepted = 0
        while Date().timeIntervalSince(start) < seconds || tried < seeds.count {
            var document = try JSONSerialization.jsonObject(with: seeds[tried % seeds.count])
            for _ in 0...mutator.below(3) { mutator.mutate(&document) }
            let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
            try data.write(to: last)
            if Self.exercise(data) { accepted += 1 }
            tried += 1
        }
        try? FileManager.default.removeItem(at: last)
        print("result fuzz: \(tried) mutants in \(Int(seconds)) s, \(accepted) accepted and rendered")
        #expect(tried >= seeds.count)
        #expect(accepted > 0, "every mutant refused: the mutations are too coarse")
    }
}

extension ResultFuzzTests {
    /// The run JSON of every bundled scenario, in-process.
    static func bundledRunJSON() throws -> [Data] {
        let directory = Fixtures.root.appendingPathComponent("Scenarios")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
        return try names.sorted().map { name in
            let result = ScenarioLoader().load(directory.appendingPathComponent(name).path)
            guard let scenario = result.scenario else { throw FixtureError(description: "\(name) does not load") }
            return Data(try JSONReport.render(TenderRun.run(scenario), scenario: scenario).utf8)
        }
    }
}
