import Yams

/// A variant as written: its overrides, each a path and a YAML value.
struct VariantDefinition {
    let info: VariantInfo
    let overrides: [(OverridePath, Node, Cursor)]
}

enum VariantsSection {
    /// A scenario defines at most this many variants (`validate` checks each; a grid belongs to `tender sweep`).
    static let maximumVariants = 100

    static func read(_ cursor: Cursor) -> [VariantDefinition] {
        var result: [VariantDefinition] = []
        for (index, (name, body)) in (cursor.dictionary(of: "variants by name") ?? []).enumerated() {
            if index == maximumVariants {
                body.error(
                    "more than \(maximumVariants) variants; expected fewer (a grid of values is a sweep: "
                        + "tender sweep --grid)"
                )
                break
            }
            guard let map = body.mapping("a variant", keys: ["description", "set"]) else { continue }
            let description = map.optional("description")?.string() ?? ""
            var overrides: [(OverridePath, Node, Cursor)] = []
            for (pathText, value) in map.required("set", "the overrides, path: value")?.dictionary(of: "overrides")
                ?? []
            {
                guard let path = OverridePath(pathText) else {
                    value.error("expected a path such as policy.sme.deduction or suppliers[S03].participation")
                    continue
                }
                guard case .key(let section) = path.segments.first,
                    ["policy", "suppliers", "projects", "catalogue", "meta"].contains(section)
                else {
                    value.error("a variant may override policy, suppliers, projects, catalogue or meta fields")
                    continue
                }
                overrides.append((path, value.node, value.renamed(pathText)))
            }
            result.append(
                VariantDefinition(info: VariantInfo(name: name, description: description), overrides: overrides)
            )
        }
        return result
    }
}
