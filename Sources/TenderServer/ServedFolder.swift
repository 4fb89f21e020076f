/// The files `tender serve` may touch: the scenarios of one folder. The server reaches the disk only through
/// this protocol, which the `tender` target implements (it owns `AtomicFile`, the one atomic writer); tests use
/// an in-memory folder.
///
/// Every path is **relative to the served folder** and has passed ``ServedPath/check(_:)`` (no absolute path,
/// no `..`, no hidden component, a `.yaml` or `.yml` name); an implementation must also refuse a path whose
/// real location (after following symbolic links) lies outside the folder.
package protocol ServedFolder: Sendable {
    /// The scenario files of the folder and its subfolders (relative paths, sorted), without the rehearsals'
    /// own folder marker files; at most a few hundred.
    func scenarioFiles() throws -> [String]
    /// The bytes of a file.
    func read(_ relativePath: String) throws -> [UInt8]
    /// Writes a file atomically (never half-written), replacing it.
    func write(_ text: String, to relativePath: String) throws
    /// The absolute path the scenario loader reads `relativePath` under (includes are resolved from it).
    func absolutePath(_ relativePath: String) -> String
    /// Reads a file the loader asks for by absolute path (an include), refusing one outside the folder.
    func readAbsolute(_ absolutePath: String) throws -> [UInt8]
    /// The bytes of a workbook written by `write` to a temporary file (libxlsxwriter writes only files).
    func bytesOfTemporaryFile(_ write: (String) throws -> Void) throws -> [UInt8]
}

/// Why a path of a request is refused.
package enum ServedPathError: Error, Equatable, CustomStringConvertible {
    case empty
    case absolute
    case parent
    case hidden
    case notYAML
    case tooLong
    case outside

    package var description: String {
        switch self {
        case .empty: return "no file named"
        case .absolute: return "an absolute path is not served; name a file inside the served folder"
        case .parent: return "'..' is not served; name a file inside the served folder"
        case .hidden: return "hidden files and folders are not served"
        case .notYAML: return "only scenario files (.yaml, .yml) are served"
        case .tooLong: return "the path is longer than 255 characters"
        case .outside: return "the file leads out of the served folder (through a symbolic link)"
        }
    }
}

/// The syntactic checks of a requested path: what no served path may look like, before any disk access.
package enum ServedPath {
    package static func check(_ path: String) throws(ServedPathError) -> String {
        if path.isEmpty { throw .empty }
        if path.utf8.count > 255 { throw .tooLong }
        if path.hasPrefix("/") || path.hasPrefix("~") || path.contains("\\") { throw .absolute }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        for component in components {
            if component == ".." { throw .parent }
            if component.isEmpty || component == "." { throw .absolute }
            if component.hasPrefix(".") { throw .hidden }
            if component.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { throw .hidden }
        }
        if !(path.hasSuffix(".yaml") || path.hasSuffix(".yml")) { throw .notYAML }
        return path
    }
}
