import Yams

/// What one load has read so far, for the limits across a scenario and its includes.
final class LoadBudget {
    var bytes = 0
}

/// Turns the bytes of one scenario file into a YAML node tree, refusing what would hang or exhaust memory.
enum SourceText {
    /// Scenario files above this size are refused before parsing.
    static let maximumBytes = 8 * 1024 * 1024
    /// A scenario and all its includes together: an include that brings the total above this is refused.
    static let maximumTotalBytes = 16 * 1024 * 1024
    /// A document expanding (through aliases) to more nodes than this, or than it has bytes if that is more,
    /// is refused: an alias bomb. Without aliases a document has fewer nodes than half its bytes, so a large
    /// legitimate file (10,000 suppliers) is never refused.
    static let maximumNodes = 500_000
    /// Nesting deeper than this is refused (a scenario needs fewer than 10 levels).
    static let maximumDepth = 64

    /// The root node, or nil after reporting why the file cannot be read.
    static func compose(_ bytes: [UInt8], file: String, log: DiagnosticLog) -> Node? {
        func fail(_ line: Int, _ column: Int, _ message: String) -> Node? {
            log.report(
                Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), path: "", message)
            )
            return nil
        }
        if bytes.count > maximumBytes {
            let megabytes = Double(bytes.count) / 1_048_576
            let shown = (megabytes * 10).rounded() / 10
            return fail(1, 1, "file is \(shown) MB; scenario files are limited to \(maximumBytes / 1_048_576) MB")
        }
        if let (line, column) = firstInvalidUTF8(bytes) {
            return fail(line, column, "file is not valid UTF-8 text (invalid byte sequence here); save it as UTF-8")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if let (line, column) = firstControlCharacter(text) {
            return fail(line, column, "binary or control character in the file; expected YAML text")
        }
        if let (line, column) = firstExcessiveNesting(text) {
            return fail(line, column, "nesting deeper than \(maximumDepth) levels; a scenario needs far fewer")
        }
        let root: Node?
        do {
            // The basic resolver (no rules): every plain scalar is text, which is all the readers take. Yams
            // checks each mapping for duplicated keys by hashing the keys with their resolved tags; with the
            // default resolver that runs up to nine regular expressions (NSRegularExpression) per key, a fifth
            // of the load of a large file. With no rules, two keys are duplicates exactly when their texts are.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            let (line, column, message) = describe(error)
            return fail(line, column, message)
        } catch {
            return fail(1, 1, "cannot parse YAML: \(error)")
        }
        guard let root else { return fail(1, 1, "the file is empty; expected a scenario mapping") }
        let nodes = max(maximumNodes, bytes.count)
        var budget = nodes
        if !fitsBudget(root, &budget, depth: 0) {
            return fail(
                1,
                1,
                "the document expands to more than \(nodes) nodes or \(maximumDepth) levels "
                    + "(an alias bomb?); refused"
            )
        }
        return root
    }

    private static func fitsBudget(_ node: Node, _ budget: inout Int, depth: Int) -> Bool {
        budget -= 1
        if budget < 0 || depth > maximumDepth { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let sequence):
            for item in sequence where !fitsBudget(item, &budget, depth: depth + 1) { return false }
            return true
        case .mapping(let mapping):
            for (key, value) in mapping {
                if !fitsBudget(key, &budget, depth: depth + 1) || !fitsBudget(value, &budget, depth: depth + 1) {
                    return false
                }
            }
            return true
        }
    }

    private static func describe(_ error: YamlError) -> (Int, Int, String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " \($0.text) (started at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            var hint = ""
            if problem.contains("did not find expected ',' or '}'") {
                hint = "; inside { } quote keys that contain [ ] or : (\"suppliers[S01].participation\": 50%)"
            }
            return (mark.line, mark.column, "invalid YAML: \(problem)\(detail)\(hint)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return (
                context.mark.line, context.mark.column, "duplicate key \(keys) in one mapping; each key may appear once"
            )
        case .reader(let problem, _, _, _):
            return (1, 1, "cannot read the text: \(problem)")
        default:
            return (1, 1, "cannot parse YAML: \(error)")
        }
    }

    /// Line and column of the first byte that is not part of valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int)? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput: return nil
            case .error: return (line, column)
            }
        }
    }

    /// Line and column of the first C0 control character other than tab, newline and carriage return.
    static func firstControlCharacter(_ text: String) -> (Int, Int)? {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if (scalar.value < 0x20 && scalar != "\t" && scalar != "\r") || scalar.value == 0x7F {
                return (line, column)
            }
            column += 1
        }
        return nil
    }

    /// Collections nested absurdly deep (`[[[[…`, or `- - - - …` and huge indentation) would recurse in
    /// the composer: refuse them first.
    static func firstExcessiveNesting(_ text: String) -> (Int, Int)? {
        var depth = 0
        var indentPrefix = 0
        var atLineStart = true
        var line = 1
        var column = 1
        var inQuote: Unicode.Scalar?
        var inComment = false
        for scalar in text.unicodeScalars {
            defer {
                if scalar == "\n" {
                    line += 1
                    column = 1
                    inComment = false
                } else {
                    column += 1
                }
            }
            if atLineStart {
                if scalar == " " || scalar == "-" || scalar == "\t" {
                    indentPrefix += 1
                    if indentPrefix > 4 * maximumDepth { return (line, column) }
                } else {
                    atLineStart = false
                }
            }
            if scalar == "\n" {
                atLineStart = true
                indentPrefix = 0
            }
            if inComment { continue }
            if let quote = inQuote {
                if scalar == quote { inQuote = nil }
                continue
            }
            switch scalar {
            case "#": inComment = true
            case "\"", "'": inQuote = scalar
            case "[", "{":
                depth += 1
                if depth > maximumDepth { return (line, column) }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }
}
