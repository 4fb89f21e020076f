/// The identity of a scenario's content: SHA-256 over the bytes of the main file and of each file it
/// includes, in the loader's order (main file first), each preceded by its length as 8 bytes big-endian so
/// that moving bytes from one file to the next changes the digest. File names and paths do not count:
/// the same files copied elsewhere have the same digest.
package enum ScenarioDigest {
    /// The digest of the files' contents, in order.
    package static func digest(of contents: [[UInt8]]) -> String {
        var hash = SHA256()
        for bytes in contents {
            let count = UInt64(bytes.count)
            hash.update((0..<8).map { UInt8(truncatingIfNeeded: count >> (56 - 8 * UInt64($0))) })
            hash.update(bytes)
        }
        return hash.hexDigest()
    }

    /// The digest of the files at `paths`, read with `read`.
    package static func digest(files paths: [String], read: (String) throws -> [UInt8]) rethrows -> String {
        try digest(of: paths.map(read))
    }
}

/// The version of the tool recorded with every stored result.
package enum ToolVersion {
    package static let current = "0.4.0"
}
