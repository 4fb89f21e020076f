import ScenarioFormat

/// Prints diagnostics as `file:line:col: error: path: message`, coloured only on a terminal.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        let colour = StandardError.usesColour
        for diagnostic in diagnostics {
            var line = diagnostic.description
            if colour {
                let code = diagnostic.severity == .error ? "\u{1B}[31m" : "\u{1B}[33m"
                let word = diagnostic.severity.rawValue + ":"
                line = line.replacingFirst(word, with: code + word + "\u{1B}[0m")
            }
            StandardError.write(line)
        }
    }

    static func counts(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return plural(errors, "error") + ", " + plural(warnings, "warning")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
