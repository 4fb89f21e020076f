/// A JSON value written deterministically: members in the order given, each number as the JSON text given,
/// indented by two spaces, ending in a newline. The same value always gives the same bytes.
///
/// `JSONEncoder` writes numbers through `Double`, which would turn `33956448.6` into
/// `33956448.600000001` or lose digits of large amounts; here a number is its text, so the caller decides
/// every digit (the OCDS export writes exact decimals; the simulation documents write a `Double`'s shortest
/// round-trip form with ``number(_:)``).
package indirect enum JSONValue: Sendable, Equatable {
    /// Members in the order they are written; ``object(sortingKeys:)`` and ``object(compacting:)`` build one
    /// from a dictionary or without the absent members.
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    /// A JSON number's text, e.g. `33956448.6`, `-0.005`, `108`.
    case number(String)
    case bool(Bool)
    case null

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let a), .array(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }

    package static func number(_ value: Int) -> JSONValue { .number(String(value)) }

    /// Swift's shortest round-trip form (`86.66666666666667`, `1.5e-05`), integral values below 2^53 as
    /// integers (`12`, not `12.0`), NaN and the infinities as `null`.
    package static func number(_ value: Double) -> JSONValue {
        guard value.isFinite else { return .null }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return .number(String(Int64(value))) }
        return .number(value.description)
    }

    /// The object without the members whose value is `nil`: `.object(compacting: ["a": x, "b": nil])`.
    package static func object(compacting members: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(members.compactMap { key, value in value.map { (key, $0) } })
    }

    /// The object with its members in the order of their keys (`String`'s `<`), so that a dictionary is
    /// written the same way every time.
    package static func object(sortingKeys members: [String: JSONValue]) -> JSONValue {
        .object(members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// How strings write U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR, which JSON allows as they are
    /// but JavaScript before ES2019 does not allow in a string literal.
    package enum LineSeparators: Sendable {
        /// As `\u2028` and `\u2029`, so the text is also a JavaScript literal (the OCDS export).
        case escaped
        /// As the characters themselves, UTF-8 encoded (the simulation documents).
        case literal
    }

    /// The document, indented by two spaces, ending in a newline. Non-ASCII text is written as UTF-8; in
    /// strings, `"`, `\` and control characters are escaped, and U+2028 and U+2029 as `lineSeparators` says.
    package func rendered(lineSeparators: LineSeparators = .escaped) -> String {
        var out = ""
        write(to: &out, indent: "", lineSeparators: lineSeparators)
        return out + "\n"
    }

    private func write(to out: inout String, indent: String, lineSeparators: LineSeparators) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            let inner = indent + "  "
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                out += inner
                JSONValue.writeString(key, to: &out, lineSeparators: lineSeparators)
                out += ": "
                value.write(to: &out, indent: inner, lineSeparators: lineSeparators)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        case .array(let elements):
            guard !elements.isEmpty else {
                out += "[]"
                return
            }
            let inner = indent + "  "
            out += "[\n"
            for (index, element) in elements.enumerated() {
                out += inner
                element.write(to: &out, indent: inner, lineSeparators: lineSeparators)
                out += index == elements.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case .string(let text):
            JSONValue.writeString(text, to: &out, lineSeparators: lineSeparators)
        case .number(let text):
            precondition(JSONValue.isNumber(text), "not a JSON number: \(text)")
            out += text
        case .bool(let value):
            out += value ? "true" : "false"
        case .null:
            out += "null"
        }
    }

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`, and
    /// U+2028 and U+2029 as `\u2028` and `\u2029` when `lineSeparators` is `.escaped`.
    static func writeString(_ text: String, to out: inout String, lineSeparators: LineSeparators = .escaped) {
        func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || (lineSeparators == .escaped && (scalar.value == 0x2028 || scalar.value == 0x2029))
        }
        var scalars = String.UnicodeScalarView()
        scalars.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": scalars.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": scalars.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": scalars.append(contentsOf: "\\n".unicodeScalars)
            case "\r": scalars.append(contentsOf: "\\r".unicodeScalars)
            case "\t": scalars.append(contentsOf: "\\t".unicodeScalars)
            case _ where isEscaped(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: false)
                scalars.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            default: scalars.append(scalar)
            }
        }
        scalars.append("\"")
        out += String(scalars)
    }

    /// Whether `text` is a number in JSON's grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func isNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            let count = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            if digits() == 0 { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }
}
