import Foundation
import ScenarioFormat
import TenderServer

/// The served folder of `tender serve` on disk: the one place the server's files are read and written (with
/// ``AtomicFile``). Every path is confined to the folder after following symbolic links.
struct ServedDirectory: ServedFolder {
    /// The folder's real path (symbolic links resolved), ending in `/`.
    let root: String

    init(_ path: String) throws {
        guard let real = realpath(path, nil) else {
            throw ServeSetupError(message: "cannot open the folder '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { free(real) }
        var isDirectory: ObjCBool = false
        let resolved = String(cString: real)
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ServeSetupError(message: "'\(path)' is not a folder")
        }
        root = resolved.hasSuffix("/") ? resolved : resolved + "/"
    }

    func absolutePath(_ relativePath: String) -> String { root + relativePath }

    /// The real path of `absolute` (or of its folder, for a file not yet written), refused outside the root.
    func confined(_ absolute: String) throws -> String {
        let real: String
        if let resolved = realpath(absolute, nil) {
            real = String(cString: resolved)
            free(resolved)
        } else if let parent = realpath((absolute as NSString).deletingLastPathComponent, nil) {
            real = String(cString: parent) + "/" + (absolute as NSString).lastPathComponent
            free(parent)
        } else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no such file"])
        }
        guard real.hasPrefix(root) else { throw ServedPathError.outside }
        return real
    }

    func scenarioFiles() throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let next = enumerator.nextObject() as? String {
            let components = next.split(separator: "/")
            if components.contains(where: { $0.hasPrefix(".") }) {
                enumerator.skipDescendants()
                continue
            }
            guard (try? ServedPath.check(next)) != nil, (try? confined(root + next)) != nil else { continue }
            files.append(next)
            if files.count >= 500 { break }
        }
        return files.sorted()
    }

    func read(_ relativePath: String) throws -> [UInt8] {
        try readAbsolute(root + ServedPath.check(relativePath))
    }

    func readAbsolute(_ absolutePath: String) throws -> [UInt8] {
        let real = try confined(absolutePath)
        return try ScenarioLoader.readFromDisk(real)
    }

    func write(_ text: String, to relativePath: String) throws {
        let real = try confined(root + ServedPath.check(relativePath))
        try AtomicFile.write(text, to: real)
    }

    func bytesOfTemporaryFile(_ write: (String) throws -> Void) throws -> [UInt8] {
        let directory = NSTemporaryDirectory()
        let path = (directory as NSString).appendingPathComponent("tender-serve-\(getpid())-\(UUID().uuidString).tmp")
        defer { unlink(path) }
        try write(path)
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

struct ServeSetupError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
