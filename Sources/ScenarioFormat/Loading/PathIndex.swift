import Yams

/// Where each scenario path is written, for checks that run after decoding and for later stages (the
/// engine's plan) that must report `file:line:col` too.
///
/// Nothing is indexed in advance: a path is found when a diagnostic asks for it, by walking the document's
/// node tree along the path (only the keys and list items whose names continue the path are entered). A valid
/// scenario asks for almost no positions, so a large one pays nothing for positions it never prints.
package struct SourceMap: Sendable {
    /// The documents in document order.
    private var documents: [Document] = []
    /// Where a path's value is when nothing more precise is known.
    package var fallback: SourceLocation

    init(fallback: SourceLocation) { self.fallback = fallback }

    /// Every place the path is written (several for duplicated ids), in document order.
    package func all(_ path: String) -> [SourceLocation] { documents.flatMap { $0.locations(of: path) } }

    /// The first place the path is written, or the nearest enclosing path's place.
    package func location(of path: String) -> SourceLocation {
        var probe = path
        while !probe.isEmpty {
            for document in documents {
                if let first = document.locations(of: probe, firstOnly: true).first { return first }
            }
            guard let cut = probe.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            probe = String(probe[..<cut])
        }
        return fallback
    }

    /// Adds a document (its tree as read, or as a load's overrides changed it).
    mutating func add(_ root: Node, file: String) {
        documents.append(Document(tree: .node(SendableNode(node: root)), file: file))
    }

    /// Adds a parsed file whose tree is parsed again only when a position in it is asked for.
    mutating func add(_ parsed: ParsedFile) { documents.append(Document(tree: .parsed(parsed), file: parsed.file)) }

    /// One document's tree.
    private struct Document: Sendable {
        enum Tree: Sendable {
            case node(SendableNode)
            case parsed(ParsedFile)
        }

        let tree: Tree
        let file: String

        var root: Node {
            switch tree {
            case .node(let node): node.node
            case .parsed(let parsed): parsed.root
            }
        }

        /// The places of the nodes whose path is `path`, in document order. A node's path is its parent's
        /// path, then `.key` for a mapping value (no dot under the root) and `[id]` for a list item (its
        /// `id`, or its index when it has none).
        func locations(of path: String, firstOnly: Bool = false) -> [SourceLocation] {
            guard !path.isEmpty else { return [] }
            var found: [SourceLocation] = []
            let query = Array(path.utf8)
            // A dropped tree is parsed again only when the path starts with one of its sections.
            if case .parsed(let parsed) = tree, !Self.startsWithKey(of: parsed.outline, query) { return [] }
            search(root, matched: 0, query, firstOnly: firstOnly, into: &found)
            return found
        }

        /// `matched` bytes of the query are the path of `node`.
        private func search(
            _ node: Node,
            matched: Int,
            _ query: [UInt8],
            firstOnly: Bool,
            into found: inout [SourceLocation]
        ) {
            // The query is not empty, so neither is the path of a node that matches all of it; a descendant's
            // path is longer.
            if matched == query.count {
                found.append(SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1))
                return
            }
            switch node {
            case .mapping(let mapping):
                var start = matched
                if matched > 0 {
                    guard matched < query.count, query[matched] == UInt8(ascii: ".") else { return }
                    start += 1
                }
                for (key, value) in mapping {
                    guard let name = key.string else { continue }
                    guard let end = Self.match(name, in: query, at: start) else { continue }
                    search(value, matched: end, query, firstOnly: firstOnly, into: &found)
                    if firstOnly && !found.isEmpty { return }
                }
            case .sequence(let sequence):
                guard matched < query.count, query[matched] == UInt8(ascii: "[") else { return }
                for (offset, item) in sequence.enumerated() {
                    let name = Self.id(of: item) ?? String(offset)
                    guard let end = Self.match(name, in: query, at: matched + 1), end < query.count,
                        query[end] == UInt8(ascii: "]")
                    else { continue }
                    search(item, matched: end + 1, query, firstOnly: firstOnly, into: &found)
                    if firstOnly && !found.isEmpty { return }
                }
            case .scalar, .alias: return
            }
        }

        /// Whether the query starts with a key of the root mapping `root`, followed by its end, `.` or `[`.
        private static func startsWithKey(of root: Node, _ query: [UInt8]) -> Bool {
            guard case .mapping(let mapping) = root else { return false }
            for key in mapping.keys {
                guard let name = key.string, let end = match(name, in: query, at: 0) else { continue }
                if end == query.count || query[end] == UInt8(ascii: ".") || query[end] == UInt8(ascii: "[") {
                    return true
                }
            }
            return false
        }

        /// The end of `name` in `query` when the query continues with it at `start`.
        private static func match(_ name: String, in query: [UInt8], at start: Int) -> Int? {
            var index = start
            for byte in name.utf8 {
                guard index < query.count, query[index] == byte else { return nil }
                index += 1
            }
            return index
        }

        /// `item.mapping?["id"]?.string` without building a key node for the lookup: the last key that reads
        /// as the text `id` (a plain or `!!str` scalar; a key of another explicit tag is another key).
        private static func id(of item: Node) -> String? {
            guard case .mapping(let mapping) = item else { return nil }
            for (key, value) in mapping.reversed() {
                guard case .scalar(let scalar) = key, scalar.string == "id" else { continue }
                let tag = scalar.tag.description
                guard tag == Tag.Name.implicit.rawValue || tag == Tag.Name.str.rawValue else { continue }
                return value.string
            }
            return nil
        }
    }
}
