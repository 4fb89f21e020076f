import Foundation

/// Runs `oracle.py` (next to this file) on a batch of cases: one `python3` process per batch.
///
/// The script computes with Python's `fractions.Fraction`, an implementation that shares nothing with
/// `Exact`, so agreement on tens of thousands of cases means something. See the script for the case syntax.
enum PythonOracle {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("oracle.py")

    /// The interpreter's own path, asked once: `python3` on `PATH` may be a version manager's shim that
    /// costs a fraction of a second on every start. Falls back to `/usr/bin/env python3`.
    static let interpreter: (executable: URL, arguments: [String]) = {
        let env = URL(fileURLWithPath: "/usr/bin/env")
        let process = Process()
        let pipe = Pipe()
        process.executableURL = env
        process.arguments = ["python3", "-c", "import sys; print(sys.executable)"]
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return (env, ["python3"]) }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let path = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0, path.hasPrefix("/") else { return (env, ["python3"]) }
        return (URL(fileURLWithPath: path), [])
    }()

    /// The oracle's answer to each case, in order.
    static func answers(_ cases: [String]) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("exact-oracle-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("cases.txt")
        let output = directory.appendingPathComponent("answers.txt")
        let errors = directory.appendingPathComponent("errors.txt")
        try (cases.joined(separator: "\n") + "\n").write(to: input, atomically: false, encoding: .utf8)
        for file in [output, errors] where !FileManager.default.createFile(atPath: file.path, contents: nil) {
            throw Failure(description: "cannot create \(file.path)")
        }

        // Files rather than pipes: nothing can fill up and stall while the other end waits.
        let process = Process()
        process.executableURL = interpreter.executable
        process.arguments = interpreter.arguments + [script.path]
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot start python3 for \(script.path): \(error)")
        }
        process.waitUntilExit()

        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw Failure(description: "python3 oracle exited with \(process.terminationStatus): \(stderr)")
        }
        var lines = try String(contentsOf: output, encoding: .utf8).split(
            separator: "\n",
            omittingEmptySubsequences: false
        )
        if lines.last == "" { lines.removeLast() }
        guard lines.count == cases.count else {
            throw Failure(description: "python3 oracle answered \(lines.count) of \(cases.count) cases: \(stderr)")
        }
        return lines.map(String.init)
    }
}
