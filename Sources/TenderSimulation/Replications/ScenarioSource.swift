import ScenarioFormat
import Synchronization
import TenderModel

/// A scenario loaded for simulation together with the bytes of its files as first read, so that each worker
/// thread of a simulation can have its own copy of the scenario (the `replicate` of
/// ``Simulation/run(_:identity:shard:jobs:replicate:progress:sink:)``), loaded again from those bytes.
///
/// The copies share no storage with each other (reference counting on arrays shared by the threads would
/// serialise them), and each is exactly the scenario first loaded, even if a file changes on disk meanwhile.
package struct ScenarioSource: Sendable {
    package let path: String
    package let variant: String?
    /// Overrides applied after the variant (a sweep cell's parameters), in order.
    package let overrides: [GridValue]
    /// Where included files may be (the first load checked them; copies read the same files).
    package let includes: ScenarioLoader.IncludeScope
    /// The first load: the scenario (nil on errors) and its diagnostics.
    package let result: LoadResult
    private let bytes: [String: [UInt8]]

    /// Loads `path` with `variant` and `overrides`, keeping every file's bytes as `read` returned them.
    package init(
        loading path: String,
        variant: String? = nil,
        overrides: [GridValue] = [],
        includes: ScenarioLoader.IncludeScope = .confined,
        read: @escaping ScenarioLoader.FileReader = ScenarioLoader.readFromDisk
    ) {
        let recorded = Mutex<[String: [UInt8]]>([:])
        let loader = ScenarioLoader(
            readFile: { file in
                let bytes = try read(file)
                recorded.withLock { $0[file] = bytes }
                return bytes
            },
            includes: includes
        )
        self.includes = includes
        self.path = path
        self.variant = variant
        self.overrides = overrides
        result = loader.load(path, variant: variant, overrides: overrides.map { ($0.path, $0.value) })
        bytes = recorded.withLock { $0 }
    }

    /// The ``ScenarioDigest`` of the files' bytes as read; nil when a file could not be read.
    package var digest: String? {
        var contents: [[UInt8]] = []
        for file in result.files {
            guard let bytes = bytes[file] else { return nil }
            contents.append(bytes)
        }
        return ScenarioDigest.digest(of: contents)
    }

    /// Another copy of the scenario, loaded from the bytes first read, with its seed replaced by `seed` when
    /// given; nil when the first load failed.
    package func copy(seed: UInt64? = nil) -> Scenario? {
        guard result.scenario != nil else { return nil }
        let bytes = self.bytes
        let loader = ScenarioLoader(
            readFile: { file in
                guard let contents = bytes[file] else { throw ScenarioSourceError(file: file) }
                return contents
            },
            includes: includes
        )
        let pairs = overrides.map { ($0.path, $0.value) }
        guard var scenario = loader.load(path, variant: variant, overrides: pairs).scenario else { return nil }
        if let seed { scenario.meta.seed = seed }
        return scenario
    }

    /// A function giving each worker thread its own copy with `seed` (see ``copy(seed:)``); `fallback` (shared,
    /// which is correct but slower) if a copy cannot be made.
    package func replicate(seed: UInt64? = nil, fallback: Scenario) -> @Sendable () -> Scenario {
        { copy(seed: seed) ?? fallback }
    }
}

/// A file the first load did not read (it cannot happen for a scenario that loaded).
struct ScenarioSourceError: Error, CustomStringConvertible {
    let file: String
    var description: String { "\(file): not among the files first read" }
}
