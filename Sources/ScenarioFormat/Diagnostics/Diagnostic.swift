import TenderModel

/// A problem found in a scenario file, printed as `file:line:col: error: <path>: <message>`.
package struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    package enum Severity: String, Sendable, Comparable {
        case error
        case warning

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    package var severity: Severity
    package var location: SourceLocation
    /// Where in the scenario, e.g. `projects[P01].demands[D2].quantity`; empty for the whole file.
    package var path: String
    /// What is wrong and what was expected.
    package var message: String

    package init(_ severity: Severity, at location: SourceLocation, path: String, _ message: String) {
        self.severity = severity
        self.location = location
        self.path = path
        self.message = message
    }

    /// Text from a file as a diagnostic shows it: quoted, cut short after 40 characters (`…`), control
    /// characters escaped, so a diagnostic never echoes more of a file than the offending token.
    package static func token(_ text: String, limit: Int = 40) -> String {
        var shown = ""
        for (count, character) in text.enumerated() {
            if count == limit {
                shown += "…"
                break
            }
            shown.append(character)
        }
        return "'\(shown)'"
    }

    /// One line, always: control characters of the path and the message (from keys and values of a file)
    /// are shown as escapes (`\n`, `\u{1B}`), so a diagnostic can neither forge another nor drive the terminal.
    package var description: String {
        let prefix = "\(location.description.escapingControlCharacters): \(severity.rawValue): "
        let text = path.isEmpty ? message : path + ": " + message
        return prefix + text.escapingControlCharacters
    }
}

/// A file and a 1-based line and column (columns count Unicode scalars, as libyaml does).
package struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var file: String
    package var line: Int
    package var column: Int

    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    package var description: String { "\(file):\(line):\(column)" }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// Collects diagnostics in one pass; shared by every reader of one load.
final class DiagnosticLog {
    private(set) var items: [Diagnostic] = []
    /// Paths whose value could not be read: later checks skip what depends on them, so one mistake is
    /// reported once rather than again as a consequence.
    private(set) var failedPaths: Set<String> = []

    func report(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
        if diagnostic.severity == .error { failedPaths.insert(diagnostic.path) }
    }

    /// Whether anything at or under `path` failed to read.
    func hasFailure(under path: String) -> Bool {
        failedPaths.contains { $0 == path || $0.hasPrefix(path + ".") || $0.hasPrefix(path + "[") }
    }

    var hasErrors: Bool { items.contains { $0.severity == .error } }
}
