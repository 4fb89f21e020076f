import ExactNumbers
import TenderModel
import Yams

/// A YAML node at a scenario path in a file: reads typed values and reports what it could not read.
///
/// Every reader returns nil after reporting, so one pass collects every problem.
struct Cursor {
    let node: Node
    let file: String
    let log: DiagnosticLog
    /// The path of the node's parent when `last` names the node within it, else the node's own path.
    private let base: String
    private let last: Segment?

    /// How a node is named within its parent: a key, or an index in a list.
    private enum Segment {
        case key(String)
        case index(Int)
    }

    init(node: Node, path: String, file: String, log: DiagnosticLog) {
        self.init(node: node, base: path, last: nil, file: file, log: log)
    }

    private init(node: Node, base: String, last: Segment?, file: String, log: DiagnosticLog) {
        self.node = node
        self.base = base
        self.last = last
        self.file = file
        self.log = log
    }

    /// The node's path as diagnostics print it (`projects[P01].demands[D1].quantity`). It is put together when
    /// asked, as most nodes read are never reported.
    var path: String {
        switch last {
        case nil: return base
        case .key(let key): return base.isEmpty ? key : base + "." + key
        case .index(let index): return base + "[" + String(index) + "]"
        }
    }

    var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func error(_ message: String) {
        log.report(Diagnostic(.error, at: location, path: path, message))
    }

    func warning(_ message: String) {
        log.report(Diagnostic(.warning, at: location, path: path, message))
    }

    func child(_ node: Node, _ segment: String) -> Cursor {
        Cursor(node: node, base: path, last: .key(segment), file: file, log: log)
    }

    func renamed(_ path: String) -> Cursor { Cursor(node: node, path: path, file: file, log: log) }

    /// The same node and path, reporting to `log`.
    func logging(to log: DiagnosticLog) -> Cursor { Cursor(node: node, base: base, last: last, file: file, log: log) }

    /// Another node at the same path (a key of this mapping, for diagnostics about the key).
    func at(_ node: Node) -> Cursor { Cursor(node: node, base: base, last: last, file: file, log: log) }

    /// This list item's path with its index replaced by `id` (`projects[0]` → `projects[P01]`).
    func replacingIndex(with id: String) -> String {
        if case .index = last { return base + "[" + id + "]" }
        return path.replacingIndex(with: id)
    }

    /// How the node reads to a person: `a mapping`, `a list`, `nothing`, `'abc'`.
    var shown: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull { return "nothing" }
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(37)) + "..." : scalar.string
            return "'\(text)'"
        }
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return Self.isNull(scalar)
    }

    private static func isNull(_ scalar: Node.Scalar) -> Bool {
        guard scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    // MARK: Scalars

    /// The scalar's text, or nil (reported) for a mapping, list or nothing.
    func scalarText(expected: String) -> String? {
        // One look at the node for both questions: a scalar, and not a null.
        guard case .scalar(let scalar) = node, !Self.isNull(scalar) else {
            error("expected \(expected), found \(shown)")
            return nil
        }
        return scalar.string
    }

    func string() -> String? {
        guard let text = scalarText(expected: "text") else { return nil }
        if text.trimmingSpaces.isEmpty {
            error("expected text, found an empty string")
            return nil
        }
        return text
    }

    /// An identifier: letters, digits, `-`, `_`, `.`; no spaces, brackets or slashes (paths use them).
    func identifier() -> String? {
        guard let text = scalarText(expected: "an id such as P01") else { return nil }
        // ASCII without the Unicode property tables (its alphabetic characters are its letters).
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F, 0x2E: true
            case 0..<0x80: false
            default: scalar.properties.isAlphabetic
            }
        }
        guard !text.isEmpty, allowed, text.utf8.count <= 64 || text.count <= 64 else {
            error("expected an id of letters, digits, '-', '_' or '.' (at most 64), found \(shown)")
            return nil
        }
        return text
    }

    func exact() -> Exact? {
        guard let text = scalarText(expected: "a number such as 1234.56 or 12.5%") else { return nil }
        do {
            return try Exact(parsing: text)
        } catch {
            self.error(error.message + (text.count <= 40 ? " (found '\(text)')" : ""))
            return nil
        }
    }

    /// A number in `range` (inclusive bounds when given).
    func exact(atLeast low: Exact? = nil, atMost high: Exact? = nil, what: String = "") -> Exact? {
        guard let value = exact() else { return nil }
        if let low, value < low {
            error("expected \(what.isEmpty ? "a number" : what) ≥ \(low), found \(value)")
            return nil
        }
        if let high, value > high {
            error("expected \(what.isEmpty ? "a number" : what) ≤ \(high), found \(value)")
            return nil
        }
        return value
    }

    func integer(_ range: ClosedRange<Int>) -> Int? {
        guard let text = scalarText(expected: "a whole number") else { return nil }
        guard let value = Int(text), text.first != "+" else {
            error("expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(shown)")
            return nil
        }
        guard range.contains(value) else {
            error("expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(value)")
            return nil
        }
        return value
    }

    func unsigned() -> UInt64? {
        guard let text = scalarText(expected: "a whole number") else { return nil }
        guard let value = UInt64(text) else {
            error("expected a whole number from 0 to \(UInt64.max), found \(shown)")
            return nil
        }
        return value
    }

    func bool() -> Bool? {
        guard let text = scalarText(expected: "true or false") else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            error("expected true or false, found \(shown)")
            return nil
        }
    }

    func day() -> Day? {
        guard let text = scalarText(expected: "a date such as 2023-06-30") else { return nil }
        guard let day = Day(iso: text) else {
            error("expected a date such as 2023-06-30 (YYYY-MM-DD), found \(shown)")
            return nil
        }
        return day
    }

    func choice<E: RawRepresentable & CaseIterable>(_: E.Type) -> E? where E.RawValue == String {
        let names = E.allCases.map(\.rawValue)
        let expected = "one of " + names.joined(separator: ", ")
        guard let text = scalarText(expected: expected) else { return nil }
        guard let value = E(rawValue: text) else {
            error("expected \(expected), found \(shown)" + Suggestion.hint(for: text, in: names))
            return nil
        }
        return value
    }

    // MARK: Collections

    /// The list's items, each at `path[index]`; nil (reported) when the node is not a list.
    func items(of what: String) -> [Cursor]? {
        guard case .sequence(let sequence) = node else {
            error("expected a list of \(what), found \(shown)")
            return nil
        }
        let path = self.path
        return sequence.enumerated().map { index, item in
            Cursor(node: item, base: path, last: .index(index), file: file, log: log)
        }
    }

    func stringList() -> [String]? {
        items(of: "text values")?.compactMap { $0.string() }
    }

    /// The node as a mapping whose keys must come from `keys`; unknown keys are reported.
    func mapping(_ what: String, keys: [String]) -> MappingCursor? {
        guard case .mapping(let mapping) = node else {
            error("expected \(what) (a mapping with keys \(keys.joined(separator: ", "))), found \(shown)")
            return nil
        }
        // Most mappings have no merge key: their pairs as they are, in one pass that stops at a merge key.
        var entries: [(key: String, value: Node)] = []
        entries.reserveCapacity(mapping.count)
        var refused: [Node] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                refused.append(keyNode)
                continue
            }
            let key = scalar.string
            if key == "<<" { return mergedMapping(mapping, keys: keys) }
            if !keys.contains(key) {
                refused.append(keyNode)
                continue
            }
            entries.append((key, value))
        }
        for keyNode in refused { refuse(keyNode, keys: keys) }
        return MappingCursor(cursor: self, entries: entries)
    }

    /// ``mapping(_:keys:)`` of a mapping with a merge key.
    private func mergedMapping(_ mapping: Node.Mapping, keys: [String]) -> MappingCursor {
        var entries: [(key: String, value: Node)] = []
        for (keyNode, value) in Self.mergingKeys(mapping) {
            guard case .scalar(let scalar) = keyNode, keys.contains(scalar.string) else {
                refuse(keyNode, keys: keys)
                continue
            }
            entries.append((scalar.string, value))
        }
        return MappingCursor(cursor: self, entries: entries)
    }

    /// Reports a key that is not text or not one of `keys`.
    private func refuse(_ keyNode: Node, keys: [String]) {
        guard case .scalar(let scalar) = keyNode else {
            let keyCursor = at(keyNode)
            keyCursor.error("expected a text key, found \(keyCursor.shown)")
            return
        }
        let key = scalar.string
        var hint = Suggestion.hint(for: key, in: keys)
        if !key.isEmpty && key.allSatisfy(\.isNumber) {
            hint += " (inside { } a comma separates entries: write numbers without thousands separators)"
        }
        let shownKey = key.count > 40 ? String(key.prefix(37)) + "..." : key
        at(keyNode).error("unknown key '\(shownKey)'\(hint) (expected one of: \(keys.joined(separator: ", ")))")
    }

    /// The mapping's pairs with YAML merge keys (`<<: *defaults`, or a list of them) expanded: merged
    /// entries come first and the mapping's own keys override them.
    static func mergingKeys(_ mapping: Node.Mapping) -> [(Node, Node)] {
        // Most mappings have no merge key: their pairs as they are.
        guard hasMergeKey(mapping) else { return mapping.map { ($0.key, $0.value) } }
        var own: [(Node, Node)] = []
        var merged: [(Node, Node)] = []
        for (key, value) in mapping {
            guard text(of: key) == "<<" else {
                own.append((key, value))
                continue
            }
            let sources: [Node]
            switch value {
            case .mapping: sources = [value]
            case .sequence(let list): sources = Array(list)
            default: sources = []
            }
            for case .mapping(let source) in sources { merged += mergingKeys(source) }
        }
        let ownKeys = Set(own.compactMap { text(of: $0.0) })
        return merged.filter { !ownKeys.contains(text(of: $0.0) ?? "") } + own
    }

    static func hasMergeKey(_ mapping: Node.Mapping) -> Bool { mapping.contains { text(of: $0.key) == "<<" } }

    /// `node.string` (Yams's reading of a node as text), straight from a scalar.
    static func text(of node: Node) -> String? {
        if case .scalar(let scalar) = node { return scalar.string }
        return node.string
    }

    /// A mapping whose keys are free (ids or attribute names), in document order.
    func dictionary(of what: String) -> [(key: String, value: Cursor)]? {
        guard case .mapping(let mapping) = node else {
            error("expected a mapping of \(what), found \(shown)")
            return nil
        }
        var result: [(key: String, value: Cursor)] = []
        for (keyNode, value) in Self.mergingKeys(mapping) {
            guard case .scalar(let scalar) = keyNode else {
                at(keyNode).error("expected a text key, found a \(keyNode)")
                continue
            }
            result.append((scalar.string, child(value, scalar.string)))
        }
        return result
    }
}

/// A mapping whose keys have been checked against the keys allowed at its place.
struct MappingCursor {
    let cursor: Cursor
    let entries: [(key: String, value: Node)]

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// The value at `key`, or nil if absent (not reported).
    func optional(_ key: String) -> Cursor? {
        // By index: no copy of the entry's nodes for the keys passed over.
        for index in entries.indices where entries[index].key == key {
            let value = cursor.child(entries[index].value, key)
            return value.isNull ? nil : value
        }
        return nil
    }

    /// The value at `key`, or nil if absent (reported as missing).
    func required(_ key: String, _ expected: String) -> Cursor? {
        if let value = optional(key) { return value }
        cursor.error("missing required key '\(key)' (\(expected))")
        return nil
    }
}

extension String {
    var trimmingSpaces: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? endIndex
        return self[start..<max(start, end)]
    }
}

extension Cursor {
    /// A list item that is a mapping with an `id`: checks its keys, reads the id and names the item's path
    /// by it (`projects[P01]` rather than `projects[0]`). The id is nil (reported) when missing or invalid.
    func identified(_ what: String, keys: [String], idHint: String) -> (map: MappingCursor, id: String?)? {
        guard let map = mapping(what, keys: keys) else { return nil }
        guard let id = map.required("id", idHint)?.identifier() else { return (map, nil) }
        let renamed = MappingCursor(cursor: map.cursor.renamed(replacingIndex(with: id)), entries: map.entries)
        return (renamed, id)
    }
}
