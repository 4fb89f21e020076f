import ExactNumbers
import TenderModel

enum CatalogueSection {
    static let keys = ["id", "name", "unit", "common", "status", "reference-price", "clauses"]
    static let clauseKeys = ["id", "text", "certificate", "limits"]
    static let certificateKeys = ["min-star", "test-report"]
    static let limitKeys = ["attribute", "at-least", "at-most"]

    static func read(_ cursor: Cursor) -> [Category] {
        (cursor.items(of: "material categories") ?? []).compactMap(category)
    }

    static func category(_ item: Cursor) -> Category? {
        guard
            let (map2, id) = item.identified(
                "a material category",
                keys: keys,
                idHint: "the category's id, e.g. concrete"
            )
        else { return nil }
        let name = map2.required("name", "the category's name")?.string()
        let unit = map2.required("unit", "the unit of quantity, e.g. m3")?.string()
        let common = map2.optional("common")?.bool() ?? true
        let status = map2.optional("status")?.choice(CategoryStatus.self) ?? .mandatory
        let reference = map2.optional("reference-price")?.exact(atLeast: .zero, what: "a unit price")
        let clauses = (map2.optional("clauses")?.items(of: "green clauses") ?? []).compactMap(clause)
        guard let id, let name, let unit else { return nil }
        return Category(
            id: id,
            name: name,
            unit: unit,
            isCommon: common,
            status: status,
            referencePrice: reference,
            clauses: clauses
        )
    }

    static func clause(_ item: Cursor) -> GreenClause? {
        guard let (map, id) = item.identified("a green clause", keys: clauseKeys, idHint: "the clause's id") else {
            return nil
        }
        let text = map.required("text", "the clause as the standard words it")?.string()
        var minimumStar: Int?
        var testReport = false
        if let certificate = map.optional("certificate")?.mapping("a certificate requirement", keys: certificateKeys) {
            minimumStar = certificate.required("min-star", "the minimum star level, 1 to 3")?.integer(1...3)
            testReport = certificate.optional("test-report")?.bool() ?? false
        }
        let limits = (map.optional("limits")?.items(of: "attribute limits") ?? []).compactMap(limit)
        if map.optional("certificate") == nil && map.optional("limits") == nil {
            map.cursor.error("a clause needs a machine-checkable requirement: 'certificate', 'limits' or both")
        }
        guard let id, let text else { return nil }
        return GreenClause(id: id, text: text, minimumStar: minimumStar, acceptsTestReport: testReport, limits: limits)
    }

    static func limit(_ item: Cursor) -> AttributeLimit? {
        guard let map = item.mapping("an attribute limit", keys: limitKeys) else { return nil }
        let attribute = map.required("attribute", "the product attribute, e.g. recycled-content")?.identifier()
        let atLeast = map.optional("at-least")
        let atMost = map.optional("at-most")
        let (comparison, valueCursor): (AttributeLimit.Comparison, Cursor?)
        switch (atLeast, atMost) {
        case (let low?, nil): (comparison, valueCursor) = (.atLeast, low)
        case (nil, let high?): (comparison, valueCursor) = (.atMost, high)
        default:
            map.cursor.error("expected exactly one of 'at-least' or 'at-most'")
            return nil
        }
        guard let attribute, let value = valueCursor?.exact() else { return nil }
        return AttributeLimit(attribute: attribute, comparison: comparison, value: value)
    }
}

extension String {
    /// `projects[3]` → `projects[P01]`: list items are named by id once it is known.
    func replacingIndex(with id: String) -> String {
        guard hasSuffix("]"), let open = lastIndex(of: "[") else { return self }
        return String(self[..<open]) + "[" + id + "]"
    }
}
