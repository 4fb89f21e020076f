import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress on standard error: a live line (done/total, rate, ETA) redrawn in place when standard error
/// is a terminal; otherwise an occasional whole line (every 10% or every minute). `--quiet` silences it.
final class Progress {
    private let label: String
    private let unit: String
    private let quiet: Bool
    private let live: Bool
    private var start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var lastDecile = 0
    private var drawn = false
    private var prefix = ""

    init(label: String, unit: String = "replications", quiet: Bool) {
        self.label = label
        self.unit = unit
        self.quiet = quiet
        live = isatty(2) == 1 && (getenv("TERM").map { String(cString: $0) } ?? "dumb") != "dumb"
    }

    /// Starts timing a new piece of work, e.g. a sweep cell; `prefix` goes before the counts.
    func restart(prefix: String = "") {
        start = .now
        lastDraw = .now
        lastDecile = 0
        self.prefix = prefix
    }

    /// Reports `done` of `total`; draws at most ten times a second.
    func update(done: Int, total: Int) {
        guard !quiet, total > 0 else { return }
        let now = ContinuousClock.now
        if live {
            guard done == total || now - lastDraw >= .milliseconds(100) else { return }
            lastDraw = now
            Self.writeRaw("\r\u{1B}[2K" + line(done: done, total: total, now: now))
            drawn = true
        } else {
            let decile = done * 10 / total
            let due = (decile > lastDecile && now - lastDraw >= .seconds(5)) || now - lastDraw >= .seconds(60)
            guard due || (done == total && now - start >= .seconds(5)) else { return }
            lastDecile = decile
            lastDraw = now
            StandardError.write(line(done: done, total: total, now: now))
        }
    }

    /// A message on its own line (the live line is cleared first).
    func message(_ text: String) {
        guard !quiet else { return }
        clear()
        StandardError.write(text)
    }

    /// Clears the live line.
    func clear() {
        if drawn {
            Self.writeRaw("\r\u{1B}[2K")
            drawn = false
        }
    }

    private func line(done: Int, total: Int, now: ContinuousClock.Instant) -> String {
        let elapsed = (now - start).seconds
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var text = "\(label): \(prefix)\(done)/\(total) \(unit)"
        if rate > 0 {
            text += String(format: ", %.1f/s", rate)
            if done < total {
                text += ", ETA " + Self.duration(Double(total - done) / rate)
            } else {
                text += ", " + Self.duration(elapsed)
            }
        }
        return text
    }

    /// Writes without adding a newline (the live line).
    private static func writeRaw(_ text: String) {
        _ = text.withCString { systemWrite(2, $0, strlen($0)) }
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600
            ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
