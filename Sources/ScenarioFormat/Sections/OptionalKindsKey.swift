import TenderModel

/// `optional-kinds` (policy and project): how a project meets the 2025 rule's optional share — `all`,
/// `cheapest`, or a list of category ids (the listed kinds).
enum OptionalKindsKey {
    static func read(_ cursor: Cursor) -> OptionalKinds? {
        if case .sequence = cursor.node {
            guard let items = cursor.items(of: "category ids") else { return nil }
            return .listed(items.compactMap { $0.identifier() })
        }
        let expected = "all, cheapest, or a list of category ids such as [coatings, pipes]"
        guard let text = cursor.scalarText(expected: expected) else { return nil }
        switch text {
        case "all": return .all
        case "cheapest": return .cheapest
        default:
            cursor.error("expected \(expected), found \(cursor.shown)")
            return nil
        }
    }
}

extension ScenarioChecks {
    /// A listed kind must be an optional category of the catalogue; listing kinds means nothing under the
    /// 2022 rule.
    func checkOptionalKinds() {
        let categories = Dictionary(catalogue.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func check(_ kinds: OptionalKinds?, path: String) {
            guard case .listed(let ids)? = kinds else { return }
            for (index, id) in ids.enumerated() {
                guard let category = categories[id] else {
                    error(
                        "\(path)[\(index)]",
                        "unknown category '\(id)'" + Suggestion.hint(for: id, in: catalogue.map(\.id))
                    )
                    continue
                }
                if category.status != .optional {
                    warning(
                        "\(path)[\(index)]",
                        "category '\(id)' is mandatory (必选), not optional: it must comply anyway under the 2025 rule"
                    )
                }
            }
        }
        check(policy.optionalKinds, path: "policy.optional-kinds")
        for project in projects { check(project.optionalKinds, path: "projects[\(project.id)].optional-kinds") }
        // No inert lever: the choice of optional kinds means nothing under the 2022 rule.
        guard policy.greenRule == .rule2022 else { return }
        let written =
            ["policy.optional-kinds"]
            + projects.filter { $0.optionalKinds != nil }.map { "projects[\($0.id)].optional-kinds" }
        for path in written where !sourceMap.all(path).isEmpty {
            warning(
                path,
                "optional-kinds has no effect under the 2022 green rule (every covered material must comply); "
                    + "set policy.green-rule: \"2025\" for it to apply"
            )
        }
    }
}
