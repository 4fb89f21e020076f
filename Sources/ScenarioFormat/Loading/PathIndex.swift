import Yams

/// Where each scenario path is written, for checks that run after decoding and for later stages (the
/// engine's plan) that must report `file:line:col` too.
package struct SourceMap: Sendable {
    private var locations: [String: [SourceLocation]] = [:]
    /// Where a path's value is when nothing more precise is known.
    package var fallback: SourceLocation

    init(fallback: SourceLocation) { self.fallback = fallback }

    /// Every place the path is written (several for duplicated ids), in document order.
    package func all(_ path: String) -> [SourceLocation] { locations[path] ?? [] }

    /// The first place the path is written, or the nearest enclosing path's place.
    package func location(of path: String) -> SourceLocation {
        var probe = path
        while !probe.isEmpty {
            if let first = locations[probe]?.first { return first }
            guard let cut = probe.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            probe = String(probe[..<cut])
        }
        return fallback
    }

    mutating func index(_ node: Node, path: String, file: String) {
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        if !path.isEmpty { locations[path, default: []].append(location) }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                index(value, path: path.isEmpty ? name : path + "." + name, file: file)
            }
        case .sequence(let sequence):
            for (offset, item) in sequence.enumerated() {
                let id = item.mapping?["id"]?.string
                index(item, path: path + "[" + (id ?? String(offset)) + "]", file: file)
            }
        case .scalar, .alias: break
        }
    }
}
