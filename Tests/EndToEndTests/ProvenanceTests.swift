import Foundation
import Testing

/// What a user needs to trust and reproduce an output: the tool's version, the scenario's digest, the seed and
/// the variant in the run JSON; `--version`; a mistyped command answered with a suggestion.
@Suite struct ProvenanceTests {
    static func object(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theRunJSONNamesTheToolTheScenarioDigestTheSeedAndTheVariant() throws {
        let file = Fixtures.scenario("daqing-2023.yaml")
        let version = try Fixtures.tender(["--version"])
        #expect(version.status == 0)
        let run = try Self.object(Fixtures.tender(["run", file, "--variant", "price-60", "--format", "json"]).stdout)
        #expect(run["toolVersion"] as? String == version.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(run["variant"] as? String == "price-60")
        #expect(run["seed"] as? String == "20230725")
        // The same digest as a simulation of the same files: SHA-256 of the file and its includes.
        let simulation = try Self.object(
            Fixtures.tender(["simulate", file, "--replications", "1", "--format", "json", "--quiet"]).stdout
        )
        let digest = try #require(run["digest"] as? String)
        #expect(digest.count == 64)
        #expect(digest == simulation["digest"] as? String)
    }

    @Test func aMistypedCommandGetsASuggestion() throws {
        let r = try Fixtures.tender(["simulat", Fixtures.scenario("daqing-2023.yaml")])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: unknown command 'simulat'; did you mean 'simulate'?\n"))
        #expect(r.stdout.isEmpty)
        let far = try Fixtures.tender(["frobnicate"])
        #expect(far.status == 64)
        #expect(far.stderr.hasPrefix("Error: unknown command 'frobnicate'\n"))
        // Options and real commands are not taken for typos.
        #expect(try Fixtures.tender(["--help"]).status == 0)
        #expect(try Fixtures.tender(["help", "run"]).status == 0)
    }
}
