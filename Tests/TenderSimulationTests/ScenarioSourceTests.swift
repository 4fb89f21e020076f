import Foundation
import ScenarioFormat
import Testing

@testable import TenderSimulation

@Suite struct ScenarioSourceTests {
    /// Each worker's copy is the scenario first loaded, even after the file changed on disk.
    @Test func copiesAreTheScenarioAsFirstRead() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-source-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("s.yaml").path
        let text = try String(contentsOfFile: SimulationFixtures.uniform, encoding: .utf8)
        try text.write(toFile: file, atomically: true, encoding: .utf8)

        let source = ScenarioSource(loading: file, variant: "two-bidders")
        let scenario = try #require(source.result.scenario)
        #expect(source.digest == (try ScenarioDigest.digest(files: [file], read: ScenarioLoader.readFromDisk)))
        try "meta: {}\n".write(toFile: file, atomically: true, encoding: .utf8)
        let copy = try #require(source.copy())
        #expect(copy.meta == scenario.meta && copy.projects == scenario.projects && copy.policy == scenario.policy)
        #expect(copy.suppliers == scenario.suppliers && copy.suppliers.filter { $0.participation == 0 }.count == 3)
        #expect(source.copy(seed: 99)?.meta.seed == 99)
        #expect(source.replicate(seed: 5, fallback: scenario)().suppliers == scenario.suppliers)
        #expect(ScenarioSource(loading: file).result.scenario == nil)
    }
}
