import Foundation
import ScenarioFormat
import Testing

/// The trust model (Docs/security.md): includes stay in the top scenario's directory tree, after following
/// symbolic links, unless the loader allows any; a scenario file that is a symbolic link is read.
@Suite struct IncludeConfinementTests {
    /// A directory `top/` holding `main.yaml` (which includes `include`), and `outside.yaml` beside it.
    static func layout(including include: String, _ setUp: (URL) throws -> Void = { _ in }) throws -> URL {
        try layout(
            base: FileManager.default.temporaryDirectory.appendingPathComponent("tender-inc-\(UUID())"),
            include,
            setUp
        )
    }

    static func layout(base: URL, _ include: String, _ setUp: (URL) throws -> Void = { _ in }) throws -> URL {
        let top = base.appendingPathComponent("top")
        try FileManager.default.createDirectory(
            at: top.appendingPathComponent("shared"),
            withIntermediateDirectories: true
        )
        let suppliers = "suppliers:\n  - { id: S02, name: b, size: small }\n"
        try suppliers.write(to: base.appendingPathComponent("outside.yaml"), atomically: false, encoding: .utf8)
        try suppliers.write(to: top.appendingPathComponent("shared/inside.yaml"), atomically: false, encoding: .utf8)
        let main = LoaderFixtures.valid.replacingOccurrences(
            of: "catalogue:\n",
            with: "includes: [\"\(include)\"]\ncatalogue:\n"
        )
        try main.write(to: top.appendingPathComponent("main.yaml"), atomically: false, encoding: .utf8)
        try setUp(base)
        return base
    }

    static func errors(_ result: LoadResult) -> [String] { result.errors.map(\.message) }

    @Test(arguments: ["../outside.yaml", "shared/../../outside.yaml", "ABSOLUTE"])
    func includeLeavingTheTreeIsRefused(include: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tender-inc-\(UUID())")
        let written = include == "ABSOLUTE" ? directory.appendingPathComponent("outside.yaml").path : include
        let base = try Self.layout(base: directory, written)
        defer { try? FileManager.default.removeItem(at: base) }
        let main = base.appendingPathComponent("top/main.yaml").path
        let refused = ScenarioLoader().load(main)
        #expect(refused.scenario == nil)
        let message = try #require(refused.errors.first)
        #expect(message.path == "includes[0]")
        #expect(message.location.line == 6)
        #expect(message.message.hasPrefix("include '\(written.prefix(40))"))
        #expect(message.message.contains("leads out of the directory of the scenario"))
        #expect(message.message.contains("--allow-includes-outside"))
        let allowed = ScenarioLoader(includes: .anywhere).load(main)
        #expect(allowed.scenario?.suppliers.map(\.id) == ["S02", "S01"], "\(Self.errors(allowed))")
    }

    @Test func symlinkedIncludeIsFollowedButConfined() throws {
        let base = try Self.layout(including: "shared/link.yaml") { base in
            try FileManager.default.createSymbolicLink(
                atPath: base.appendingPathComponent("top/shared/link.yaml").path,
                withDestinationPath: "inside.yaml"
            )
            try FileManager.default.createSymbolicLink(
                atPath: base.appendingPathComponent("top/out").path,
                withDestinationPath: base.path
            )
        }
        defer { try? FileManager.default.removeItem(at: base) }
        let main = base.appendingPathComponent("top/main.yaml").path
        let inside = ScenarioLoader().load(main)
        #expect(inside.scenario?.suppliers.map(\.id) == ["S02", "S01"], "\(Self.errors(inside))")
        // A symbolic link to a directory outside the tree is refused the same way.
        let text = try String(contentsOfFile: main, encoding: .utf8)
        try text.replacingOccurrences(of: "shared/link.yaml", with: "out/outside.yaml")
            .write(toFile: main, atomically: false, encoding: .utf8)
        let outside = ScenarioLoader().load(main)
        #expect(outside.scenario == nil)
        #expect(Self.errors(outside).first?.hasPrefix("include 'out/outside.yaml' leads out of the directory") == true)
    }

    /// Kubernetes ConfigMap volumes present files as symbolic links into a hidden `..data` directory.
    @Test func scenarioFileThatIsASymlinkIsRead() throws {
        let base = try Self.layout(including: "shared/inside.yaml")
        defer { try? FileManager.default.removeItem(at: base) }
        let volume = base.appendingPathComponent("volume")
        try FileManager.default.createDirectory(at: volume, withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            at: base.appendingPathComponent("top"),
            to: volume.appendingPathComponent("..2026")
        )
        try FileManager.default.createSymbolicLink(
            atPath: volume.appendingPathComponent("..data").path,
            withDestinationPath: "..2026"
        )
        for name in ["main.yaml", "shared"] {
            try FileManager.default.createSymbolicLink(
                atPath: volume.appendingPathComponent(name).path,
                withDestinationPath: "..data/\(name)"
            )
        }
        let result = ScenarioLoader().load(volume.appendingPathComponent("main.yaml").path)
        #expect(result.scenario?.suppliers.map(\.id) == ["S02", "S01"], "\(Self.errors(result))")
    }
}
