import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension AtomicFile {
    /// Writes a file that a library writes by path (the Excel workbook), as ``write(_:to:)`` writes text:
    /// `produce` writes the temporary file in the same directory, which is then flushed to disk and renamed over
    /// `path`. If anything fails the temporary file is removed and the target is untouched.
    static func write(to path: String, producing produce: (_ temporary: String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        do {
            try produce(temporary)
            let descriptor = open(temporary, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw WriteError(errno: errno, path: path) }
            let synced = fsync(descriptor) == 0
            let syncError = errno
            close(descriptor)
            guard synced else { throw WriteError(errno: syncError, path: path) }
            guard rename(temporary, url.path) == 0 else { throw WriteError(errno: errno, path: path) }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
