import ExactNumbers
import Foundation
import ScenarioFormat
import TenderEngine
import TenderModel
import TenderReports
import TenderSimulation

/// A scenario text loaded as `tender run` loads a file: by the same loader (includes confined to the file's
/// folder, read through the served folder), with the SHA-256 digest of the bytes read.
package struct LoadedText: Sendable {
    package let path: String
    package let result: LoadResult
    package let digest: String?

    /// Loads `text` as if it were the file `relativePath` of the folder (nothing is written), with `variant`
    /// applied as `--variant` does.
    package init(_ text: String, as relativePath: String, variant: String? = nil, folder: any ServedFolder) {
        let absolute = folder.absolutePath(relativePath)
        let bytes = Array(text.utf8)
        let source = ScenarioSource(
            loading: absolute,
            variant: variant,
            includes: .confined,
            read: { file in file == absolute ? bytes : try folder.readAbsolute(file) }
        )
        path = relativePath
        result = source.result
        digest = source.digest
    }

    /// A diagnostic with its file named relative to the served folder (never the server's own paths).
    package func shown(_ diagnostic: Diagnostic, folder: any ServedFolder) -> Diagnostic {
        var copy = diagnostic
        let root = folder.absolutePath("")
        if copy.location.file.hasPrefix(root) { copy.location.file = String(copy.location.file.dropFirst(root.count)) }
        return copy
    }
}

/// The run of a loaded scenario: the engine call of `tender run` (replication 0) and the renderings of
/// TenderReports.
package struct Evaluation: Sendable {
    package let scenario: Scenario
    package let result: RunResult
    package let digest: String?

    package init(_ scenario: Scenario, digest: String?) {
        self.scenario = scenario
        self.digest = digest
        result = TenderRun.run(scenario, replication: 0)
    }

    /// `tender run FILE --format json`, byte for byte.
    package func json() throws -> String { try JSONReport.render(result, scenario: scenario, digest: digest) }

    package var view: RunView {
        var document = JSONReport.document(result, scenario: scenario)
        document.toolVersion = ToolVersion.current
        document.digest = digest
        return RunView(document)
    }

    package var provenance: Provenance { Provenance(scenario: scenario, replication: 0, digest: digest) }

    package func lotReport(_ lot: String) -> String? {
        result.outcomes.first { $0.lot.id == lot }.map {
            EvaluationReportPage.lot($0, scenario: scenario, provenance: provenance)
        }
    }

    package var batchReport: String {
        EvaluationReportPage.batch(result.outcomes, scenario: scenario, provenance: provenance)
    }
}
