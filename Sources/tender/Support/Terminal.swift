#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)` of the platform's C library (inside types with a `write` of their own, the bare name is theirs).
func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(descriptor, bytes, count)
    #elseif canImport(Musl)
    return Musl.write(descriptor, bytes, count)
    #else
    return Darwin.write(descriptor, bytes, count)
    #endif
}

/// Standard error, for diagnostics and progress (results go to standard output).
enum StandardError {
    static func write(_ text: String) {
        var text = text
        if !text.hasSuffix("\n") { text += "\n" }
        _ = text.withCString { systemWrite(2, $0, strlen($0)) }
    }

    /// Colour only on a terminal, and never when NO_COLOR is set.
    static var usesColour: Bool {
        isatty(2) == 1 && getenv("NO_COLOR") == nil && (getenv("TERM").map { String(cString: $0) } ?? "dumb") != "dumb"
    }
}
