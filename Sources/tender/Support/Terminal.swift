#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error, for diagnostics and progress (results go to standard output).
enum StandardError {
    static func write(_ text: String) {
        var text = text
        if !text.hasSuffix("\n") { text += "\n" }
        _ = text.withCString { Glibc.write(2, $0, strlen($0)) }
    }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    static var usesColour: Bool {
        isatty(2) == 1 && getenv("NO_COLOR") == nil && (getenv("TERM").map { String(cString: $0) } ?? "dumb") != "dumb"
    }
}
