import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader never sees a half-written one: a temporary file in the same directory,
/// written in full and flushed to disk, then renamed over the target with `rename(2)`, which replaces an
/// existing file in one step. If anything fails the temporary file is removed and the target is untouched.
///
/// (Foundation's `replaceItemAt` is not used: on Linux it deleted an existing target and then failed; nor is
/// its `createDirectory`, whose errors read "The operation could not be completed" without the reason.)
enum AtomicFile {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw WriteError(errno: errno, path: path) }
        do {
            var bytes = Array(text.utf8)[...]
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(errno: errno, path: path)
                }
                bytes = bytes.dropFirst(written)
            }
            guard fsync(descriptor) == 0 else { throw WriteError(errno: errno, path: path) }
            guard close(descriptor) == 0 else {
                unlink(temporary)
                throw WriteError(errno: errno, path: path)
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, url.path) == 0 else {
            let error = WriteError(errno: errno, path: path)
            unlink(temporary)
            throw error
        }
    }

    /// Creates the directory at `path` and its missing parents, like `mkdir -p`; an existing directory is
    /// fine. Fails with the reason of `mkdir(2)`: "Not a directory" when a parent is a file, "File exists"
    /// when `path` is one, "Permission denied".
    static func createDirectory(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o777) != 0, errno != EEXIST { throw WriteError(errno: errno, path: path) }
            prefix += "/"
        }
        var status = stat()
        guard stat(path, &status) == 0 else { throw WriteError(errno: errno, path: path) }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw WriteError(errno: EEXIST, path: path) }
    }

    /// A failed system call, described by `strerror`: "No such file or directory", "Is a directory".
    struct WriteError: LocalizedError {
        let errno: Int32
        let path: String

        var errorDescription: String? { String(cString: strerror(errno)) }
    }
}
