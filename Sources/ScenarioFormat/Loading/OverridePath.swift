import Yams

/// A path into a scenario, as diagnostics print it and as variants and sweeps use it:
/// `policy.sme.deduction`, `suppliers[S03].participation`, `projects[P01].demands[D1].quantity`.
package struct OverridePath: Sendable, Hashable, CustomStringConvertible {
    package enum Segment: Sendable, Hashable {
        case key(String)
        /// The list item whose `id` is this.
        case id(String)
    }

    package let segments: [Segment]
    package let description: String

    /// Parses a path; nil when it is not of the form `key(.key|[id])*`.
    package init?(_ text: String) {
        var segments: [Segment] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let id = rest[rest.index(after: rest.startIndex)..<close]
                guard !id.isEmpty else { return nil }
                segments.append(.id(String(id)))
                rest = rest[rest.index(after: close)...]
                if rest.first == "." {
                    rest = rest.dropFirst()
                    guard let next = rest.first, next != "[" && next != "." else { return nil }
                }
                continue
            }
            let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
            let key = rest[..<end]
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                return nil
            }
            segments.append(.key(String(key)))
            rest = rest[end...]
            if rest.first == "." {
                rest = rest.dropFirst()
                guard !rest.isEmpty else { return nil }
            }
        }
        guard case .key = segments.first else { return nil }
        self.segments = segments
        self.description = text
    }

    /// Whether a diagnostic at `path` is about this path or something inside it.
    func covers(_ path: String) -> Bool {
        path == description || path.hasPrefix(description + ".") || path.hasPrefix(description + "[")
    }

    /// The top-level section the path starts with (`policy`, `suppliers`).
    var section: String? {
        guard case .key(let key) = segments.first else { return nil }
        return key
    }

    /// Whether this path lies inside `path` (`policy.evaluation.method` inside `policy.evaluation`); never
    /// inside the empty path (a diagnostic about the whole file).
    func isInside(_ path: String) -> Bool {
        !path.isEmpty && (description.hasPrefix(path + ".") || description.hasPrefix(path + "["))
    }

    /// `node` with the value at this path replaced by `value` (mapping keys are created as needed), or the
    /// reason the path does not exist. Keys and mappings the override creates carry `mark` (the override's
    /// position), so that a diagnostic about them (a mistyped key) points at the override.
    func applying(_ value: Node, to node: Node, mark: Mark? = nil) -> Result<Node, OverrideFailure> {
        apply(value, to: node, at: segments[...], walked: "", mark: mark)
    }

    private func apply(_ value: Node, to node: Node, at rest: ArraySlice<Segment>, walked: String, mark: Mark?)
        -> Result<Node, OverrideFailure>
    {
        guard let segment = rest.first else { return .success(value) }
        switch segment {
        case .key(let key):
            let here = walked.isEmpty ? key : walked + "." + key
            var mapping: Node.Mapping
            switch node {
            case .mapping(let m): mapping = m
            case .scalar(let s) where s.string.isEmpty || s.string == "~" || s.string == "null":
                mapping = Node.Mapping([], .implicit, .any, mark)
            default: return .failure(OverrideFailure("'\(walked)' is not a mapping, so it has no key '\(key)'"))
            }
            let existing = mapping[key] ?? .scalar(.init("", .implicit, .any, mark))
            switch apply(value, to: existing, at: rest.dropFirst(), walked: here, mark: mark) {
            case .success(let replaced):
                if mapping[key] == nil {
                    mapping[Node.scalar(.init(key, .implicit, .any, mark))] = replaced
                } else {
                    mapping[key] = replaced
                }
                return .success(.mapping(mapping))
            case .failure(let failure): return .failure(failure)
            }
        case .id(let id):
            let here = walked + "[" + id + "]"
            guard case .sequence(var sequence) = node else {
                return .failure(OverrideFailure("'\(walked)' is not a list of items with ids"))
            }
            guard let index = sequence.firstIndex(where: { $0.mapping?["id"]?.string == id }) else {
                return .failure(OverrideFailure("there is no item with id '\(id)' in '\(walked)'"))
            }
            switch apply(value, to: sequence[index], at: rest.dropFirst(), walked: here, mark: mark) {
            case .success(let replaced):
                sequence[index] = replaced
                return .success(.sequence(sequence))
            case .failure(let failure): return .failure(failure)
            }
        }
    }
}

/// Why an override path could not be applied.
package struct OverrideFailure: Error, Sendable, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}
