import Yams

/// Where each scenario path is written, for checks that run after decoding and for later stages (the
/// engine's plan) that must report `file:line:col` too.
package struct SourceMap: Sendable {
    /// Path → locations, one table per document in document order (a document's table is computed once per
    /// loader and shared by the loads that do not change the document).
    private var documents: [Locations] = []
    /// Where a path's value is when nothing more precise is known.
    package var fallback: SourceLocation

    typealias Locations = [String: [SourceLocation]]

    init(fallback: SourceLocation) { self.fallback = fallback }

    /// Every place the path is written (several for duplicated ids), in document order.
    package func all(_ path: String) -> [SourceLocation] { documents.flatMap { $0[path] ?? [] } }

    /// The first place the path is written, or the nearest enclosing path's place.
    package func location(of path: String) -> SourceLocation {
        var probe = path
        while !probe.isEmpty {
            for document in documents {
                if let first = document[probe]?.first { return first }
            }
            guard let cut = probe.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            probe = String(probe[..<cut])
        }
        return fallback
    }

    /// Adds the paths of one document.
    mutating func add(_ locations: Locations) { documents.append(locations) }

    /// Every path of a document and where it is written.
    static func locations(of root: Node, file: String) -> Locations {
        var locations: Locations = [:]
        index(root, path: "", file: file, into: &locations)
        return locations
    }

    private static func index(_ node: Node, path: String, file: String, into locations: inout Locations) {
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        if !path.isEmpty { locations[path, default: []].append(location) }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                index(value, path: path.isEmpty ? name : path + "." + name, file: file, into: &locations)
            }
        case .sequence(let sequence):
            for (offset, item) in sequence.enumerated() {
                let id = item.mapping?["id"]?.string
                index(item, path: path + "[" + (id ?? String(offset)) + "]", file: file, into: &locations)
            }
        case .scalar, .alias: break
        }
    }
}
