import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output, for results: every byte is written, or the command exits 74 with the reason (a full
/// disk, `/dev/full`, a closed pipe), never 0 after a partial write. SIGPIPE is ignored so that a closed pipe
/// is the write error EPIPE ("Broken pipe") rather than a silent death.
enum StandardOutput {
    static func write(_ text: String) throws {
        signal(SIGPIPE, SIG_IGN)
        do {
            try AtomicFile.writeAll(Array(text.utf8), to: 1, path: "<stdout>")
        } catch {
            StandardError.write("error: cannot write to standard output: \(error.localizedDescription)")
            throw ExitStatus.cannotWrite
        }
    }
}
