import Foundation
import Testing

/// The OCDS export of every bundled scenario passes the Open Contracting validator (libcoveocds, offline, with
/// the bids, lots and partyDetails scale extensions): `../shared/tools/validate-ocds`, which installs
/// libcoveocds in a virtual environment on first use (python3 with venv and pip).
@Suite(.serialized) struct OCDSValidationTests {
    /// `$OCDS_VALIDATOR`, or `../shared/tools/validate-ocds` beside the repository.
    static let validator: String? = {
        if let path = ProcessInfo.processInfo.environment["OCDS_VALIDATOR"] { return path }
        let path = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/tools/validate-ocds").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    /// Runs the validator with default signal handling. Processes started from the test runner inherit its
    /// signal mask, in which SIGTERM does not get through; the validator stops its helper HTTP server with
    /// SIGTERM and would otherwise wait for it in vain (and exit 1).
    static let launcher = """
        import os, signal, sys
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        for s in (signal.SIGTERM, signal.SIGINT): signal.signal(s, signal.SIG_DFL)
        os.execv(sys.executable, [sys.executable] + sys.argv[1:])
        """

    @Test(
        .enabled(
            if: validator != nil,
            "../shared/tools/validate-ocds is not beside the repository (set OCDS_VALIDATOR to its path)"
        ),
        arguments: ExportFixtures.bundled
    )
    func exportValidates(scenario: String) throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let package = directory.appendingPathComponent("ocds.json").path
        let export = try Fixtures.tender(["export", Fixtures.scenario(scenario), "--ocds", package])
        #expect(export.status == 0, "\(export.stderr)")
        let r = try ExportFixtures.run("/usr/bin/env", ["python3", "-c", Self.launcher, Self.validator!, package])
        #expect(r.status == 0, "validate-ocds \(scenario) exited \(r.status):\n\(r.stdout)\n\(r.stderr)")
        #expect(r.stdout.contains("OCDS valid: 1 release(s), version 1.1, extended schema: True"), "\(r.stdout)")
    }
}
