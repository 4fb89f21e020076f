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
        let (temporary, descriptor) = try createTemporary(beside: url)
        do {
            try writeAll(Array(text.utf8), to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw WriteError(errno: errno, path: path) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let error = WriteError(errno: errno, path: path)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, url.path) == 0 else {
            let error = WriteError(errno: errno, path: path)
            unlink(temporary)
            throw error
        }
    }

    /// A file written in pieces and then put in place atomically: the pieces go to a temporary file beside the
    /// target (buffered, 1 MiB at a time), and ``commit()`` flushes it to disk and renames it over the target.
    /// Until then the target is untouched; a stream dropped without ``commit()`` (an error, a failed write)
    /// removes its temporary file. Used for outputs too large to hold in memory (`simulate --records`).
    final class Stream {
        let path: String
        private let temporary: String
        private var descriptor: Int32
        private var buffer: [UInt8] = []
        private var committed = false

        init(path: String) throws {
            self.path = path
            (temporary, descriptor) = try AtomicFile.createTemporary(beside: URL(fileURLWithPath: path))
            buffer.reserveCapacity(1 << 20)
        }

        /// Appends `text`; writes the buffer out when it holds 1 MiB.
        func write(_ text: String) throws {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 20 { try flushBuffer() }
        }

        private func flushBuffer() throws {
            try AtomicFile.writeAll(buffer, to: descriptor, path: path)
            buffer.removeAll(keepingCapacity: true)
        }

        /// Writes what is buffered, flushes the file to disk and renames it over the target.
        func commit() throws {
            try flushBuffer()
            guard fsync(descriptor) == 0 else { throw WriteError(errno: errno, path: path) }
            let closed = close(descriptor)
            descriptor = -1
            guard closed == 0 else { throw WriteError(errno: errno, path: path) }
            guard rename(temporary, path) == 0 else { throw WriteError(errno: errno, path: path) }
            committed = true
        }

        deinit {
            guard !committed else { return }
            if descriptor >= 0 { close(descriptor) }
            unlink(temporary)
        }
    }

    /// A new temporary file in the target's directory, `.NAME.PID.tmp` (or `.NAME.PID.RANDOM.tmp` when that
    /// name is taken), created exclusively and never through a symbolic link (`O_CREAT | O_EXCL | O_NOFOLLOW`),
    /// mode 0644 less the umask: a file or link planted under the name is left alone, never written through.
    static func createTemporary(beside url: URL) throws -> (path: String, descriptor: Int32) {
        let directory = url.deletingLastPathComponent()
        let stem = ".\(url.lastPathComponent).\(getpid())"
        for attempt in 0..<16 {
            let suffix = attempt == 0 ? "" : "." + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let temporary = directory.appendingPathComponent("\(stem)\(suffix).tmp").path
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor >= 0 { return (temporary, descriptor) }
            if errno != EEXIST { throw WriteError(errno: errno, path: url.path) }
        }
        throw WriteError(errno: EEXIST, path: url.path)
    }

    /// Writes every byte to `descriptor`, retrying short and interrupted writes; a failed write throws.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(descriptor, buffer.baseAddress, buffer.count)
                #else
                Darwin.write(descriptor, buffer.baseAddress, buffer.count)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteError(errno: errno, path: path)
            }
            offset += written
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
