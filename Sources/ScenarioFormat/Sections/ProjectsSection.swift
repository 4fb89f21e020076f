import ExactNumbers
import TenderModel

enum ProjectsSection {
    static let keys = [
        "id", "name", "type", "district", "budget", "target-star", "regime", "demands", "optional-kinds",
    ]
    static let demandKeys = ["id", "category", "spec", "quantity", "unit", "delivery", "ceiling-unit-price"]
    static let deliveryKeys = ["from", "to"]

    static func read(_ cursor: Cursor) -> [Project] {
        (cursor.items(of: "pilot projects") ?? []).compactMap(project)
    }

    static func project(_ item: Cursor) -> Project? {
        guard let (map, id) = item.identified("a pilot project", keys: keys, idHint: "the project's id, e.g. P01")
        else { return nil }
        let name = map.required("name", "the project's name")?.string()
        let type = map.required("type", "the building type")?.choice(BuildingType.self)
        let district = map.optional("district")?.string() ?? ""
        let budget = map.required("budget", "the project's budget in yuan")?.exact(atLeast: .zero, what: "a budget")
        let targetStar = map.optional("target-star")?.integer(1...3) ?? 2
        if targetStar < 2, let c = map.optional("target-star") {
            c.warning("pilot buildings are two-star (二星级) or higher green buildings; found \(targetStar)")
        }
        let regime = map.optional("regime")?.choice(LegalRegime.self) ?? .governmentProcurement
        let optionalKinds = map.optional("optional-kinds").flatMap(OptionalKindsKey.read)
        let demands = (map.optional("demands")?.items(of: "demand lines") ?? []).compactMap {
            demand($0, projectID: id ?? "?")
        }
        // Read on past a bad field (with a placeholder) so the demand lines are still checked; the
        // scenario is refused anyway because an error was reported.
        guard let id else { return nil }
        return Project(
            id: id,
            name: name ?? id,
            buildingType: type ?? .office,
            district: district,
            budget: budget ?? .zero,
            targetStar: targetStar,
            regime: regime,
            demands: demands,
            optionalKinds: optionalKinds
        )
    }

    static func demand(_ item: Cursor, projectID: String) -> DemandLine? {
        guard let (map, id) = item.identified("a demand line", keys: demandKeys, idHint: "the line's id, e.g. D1")
        else { return nil }
        let category = map.required("category", "the material category's id")?.identifier()
        let spec = map.optional("spec")?.string() ?? ""
        let quantity = map.required("quantity", "the quantity in the category's unit")?.exact()
        if let quantity, quantity <= .zero, let c = map.optional("quantity") {
            c.error("expected a positive quantity, found \(quantity)")
        }
        let unit = map.required("unit", "the unit, e.g. m3")?.string()
        var from: Day?
        var to: Day?
        if let delivery = map.required("delivery", "the delivery window {from, to}")?.mapping(
            "a delivery window",
            keys: deliveryKeys
        ) {
            from = delivery.required("from", "the first delivery date")?.day()
            to = delivery.required("to", "the last delivery date")?.day()
            if let from, let to, from > to {
                delivery.cursor.error("delivery window ends (\(to)) before it starts (\(from))")
            }
        }
        let ceiling = map.required("ceiling-unit-price", "the highest acceptable unit price")?.exact()
        if let ceiling, ceiling <= .zero, let c = map.optional("ceiling-unit-price") {
            c.error("expected a positive ceiling unit price, found \(ceiling)")
        }
        guard let id, let category else { return nil }
        let placeholderDay = Day(year: 2000, month: 1, day: 1)!
        return DemandLine(
            id: id,
            projectID: projectID,
            category: category,
            spec: spec,
            quantity: quantity ?? .zero,
            unit: unit ?? "",
            deliveryFrom: from ?? placeholderDay,
            deliveryTo: to ?? placeholderDay,
            ceilingUnitPrice: ceiling ?? .zero
        )
    }
}
