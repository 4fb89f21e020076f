import Foundation
import ScenarioFormat
import TenderEngine
import Testing

/// Thousands of mutated scenario files: each either loads or is refused with a positioned diagnostic;
/// none traps or hangs. A valid mutant also goes through the lot planner.
@Suite struct MutationFuzzTests {
    struct Mutator {
        /// The engine's own seedable stream: the same mutants for the same seed, on any machine.
        var random: RandomStream

        init(state seed: UInt64) { random = RandomStream(seed: seed) }

        mutating func next() -> UInt64 { random.next() }

        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }

        static let replacements = [
            "", "~", "-1", "0", "1e308", "-0.005", "99999999999999999999999999999999999999999", "0.0000000000000000001",
            "[]", "{}", "[1, 2]", "{ a: 1 }", "true", "NaN", ".inf", "1,234", "0x10", "\"\"", "'", "*alias",
            "&anchor x",
            "2023-13-45", "很长的中文值", "!!binary AAAA", "- - - x", "? complex", "|", ">", "%", "12.5%",
            String(repeating: "9", count: 5000),
        ]

        /// One random mutation of the text's lines or bytes.
        mutating func mutate(_ text: String) -> [UInt8] {
            var lines = text.components(separatedBy: "\n")
            switch below(9) {
            case 0 where !lines.isEmpty:
                lines.remove(at: below(lines.count))
            case 1 where !lines.isEmpty:
                let i = below(lines.count)
                lines.insert(lines[i], at: i)
            case 2 where !lines.isEmpty:
                // Replace a value with something of another type.
                let i = below(lines.count)
                if let colon = lines[i].firstIndex(of: ":") {
                    lines[i] = lines[i][...colon] + " " + Self.replacements[below(Self.replacements.count)]
                }
            case 3 where lines.count > 1:
                lines.swapAt(below(lines.count), below(lines.count))
            case 4:
                // Deep nesting.
                let depth = 1 + below(200)
                lines.append("deep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
            case 5 where !lines.isEmpty:
                let i = below(lines.count)
                lines[i] = String(repeating: " ", count: below(40)) + lines[i]
            case 6:
                var bytes = Array(lines.joined(separator: "\n").utf8)
                for _ in 0..<(1 + below(8)) where !bytes.isEmpty {
                    bytes[below(bytes.count)] = UInt8(truncatingIfNeeded: next())
                }
                return bytes
            case 7:
                return (0..<below(2000)).map { _ in UInt8(truncatingIfNeeded: next()) }
            default:
                if !lines.isEmpty {
                    let i = below(lines.count)
                    lines[i] = String(lines[i].prefix(below(lines[i].count + 1)))
                }
            }
            return Array(lines.joined(separator: "\n").utf8)
        }
    }

    @Test func mutantsNeverTrapAndErrorsArePositioned() throws {
        try fuzz(
            bases: [LoaderFixtures.valid, try bundledScenarios()[0]],
            rounds: 2000,
            seed: 2026,
            minimumLoaded: 100
        )
    }

    @Test func mutantsOfTheCityScenarios() throws {
        try fuzz(bases: Array(try bundledScenarios().dropFirst()), rounds: 60, seed: 7, minimumLoaded: 1)
    }

    func fuzz(bases: [String], rounds: Int, seed: UInt64, minimumLoaded: Int) throws {
        var mutator = Mutator(state: seed)
        let catalogue = try sharedCatalogue()
        var refused = 0
        var loaded = 0
        for round in 0..<rounds {
            let base = bases[round % bases.count]
            var bytes = mutator.mutate(base)
            if mutator.below(4) == 0 { bytes = mutator.mutate(String(decoding: bytes, as: UTF8.self)) }
            let result = MemoryFiles(bytes: ["/s/main.yaml": bytes, "/s/shared/catalogue-2025.yaml": catalogue]).load()
            if let scenario = result.scenario {
                loaded += 1
                _ = LotPlanner.plan(scenario)
            } else {
                refused += 1
                let errors = result.errors
                #expect(!errors.isEmpty, "round \(round): refused without an error")
                for error in errors {
                    #expect(error.location.line >= 1 && error.location.column >= 1, "round \(round): \(error)")
                    #expect(!error.message.isEmpty)
                }
            }
        }
        #expect(refused > rounds / 3)
        #expect(loaded >= minimumLoaded)
    }

    func sharedCatalogue() throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios/shared/catalogue-2025.yaml")
        return Array(try Data(contentsOf: url))
    }

    /// The bundled scenarios (rehearsal first) without their includes: the mutants stand alone.
    func bundledScenarios() throws -> [String] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
            .sorted { ($0.hasPrefix("rehearsal") ? 0 : 1, $0) < ($1.hasPrefix("rehearsal") ? 0 : 1, $1) }
        return try names.map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
    }
}
