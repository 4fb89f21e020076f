import Foundation
import ScenarioFormat
import TenderModel

/// Paths of the repository and the built `tender` binary.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func scenario(_ name: String) -> String { root.appendingPathComponent("Scenarios/\(name)").path }

    /// Loads a bundled scenario, failing the test on any error.
    static func load(_ name: String, variant: String? = nil) throws -> Scenario {
        let result = ScenarioLoader().load(scenario(name), variant: variant)
        guard let scenario = result.scenario else {
            throw FixtureError(description: result.errors.map(\.description).joined(separator: "\n"))
        }
        return scenario
    }

    /// The `tender` executable next to the test binary.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tender")
    }

    /// Runs `tender` with arguments; returns exit status, stdout and stderr.
    static func tender(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ["NO_COLOR": "1", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
}
