import Foundation
import ScenarioFormat
import TenderModel
import TenderSimulation

/// The closed-form scenario and helpers.
enum SimulationFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures"
    )
    static let uniform = directory.appendingPathComponent("uniform-lowest-price.yaml").path

    struct LoadError: Error, CustomStringConvertible { let description: String }

    static func load(_ path: String = uniform, variant: String? = nil, overrides: [(String, String)] = []) throws
        -> Scenario
    {
        let result = ScenarioLoader().load(path, variant: variant, overrides: overrides)
        guard let scenario = result.scenario else {
            throw LoadError(description: result.errors.map(\.description).joined(separator: "\n"))
        }
        return scenario
    }

    static func identity(_ scenario: Scenario, replications: Int, variant: String? = nil) -> SimulationIdentity {
        SimulationIdentity(
            file: "uniform-lowest-price.yaml",
            scenario: scenario.meta.name,
            variant: variant,
            digest: "test",
            seed: scenario.meta.seed,
            replications: replications
        )
    }
}
