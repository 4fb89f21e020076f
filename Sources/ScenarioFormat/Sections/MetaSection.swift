import TenderModel

enum MetaSection {
    static let keys = [
        "name", "region", "currency", "fiscal-year", "bid-date", "seed", "replications", "project-number", "committee",
    ]
    /// The keys of a committee member.
    static let memberKeys = ["name", "role"]

    static func read(_ cursor: Cursor) -> Meta? {
        guard let map = cursor.mapping("the scenario's meta", keys: keys) else { return nil }
        let name = map.required("name", "the scenario's name")?.string()
        let region = map.optional("region")?.string() ?? ""
        let currency = map.optional("currency").flatMap { c -> String? in
            guard let text = c.string() else { return nil }
            if text != "CNY" { c.error("expected CNY (amounts are in yuan), found '\(text)'") }
            return text
        }
        let year = map.required("fiscal-year", "the budget year, e.g. 2023")?.integer(2000...2100)
        let bidDate = map.required("bid-date", "the bid-opening date; certificates must be valid on it")?.day()
        let seed = map.optional("seed")?.unsigned() ?? 1
        let replications = map.optional("replications")?.integer(1...ScenarioLoader.maximumReplications) ?? 1
        let projectNumber = map.optional("project-number")?.string()
        let committee = map.optional("committee").map(readCommittee) ?? []
        if let year, let bidDate, let c = map.optional("bid-date"), bidDate.year < year - 1 || bidDate.year > year + 1 {
            c.warning("bid date \(bidDate) is far from fiscal year \(year)")
        }
        guard let name, let year, let bidDate else { return nil }
        return Meta(
            name: name,
            region: region,
            currency: currency ?? "CNY",
            fiscalYear: year,
            bidDate: bidDate,
            seed: seed,
            replications: replications,
            projectNumber: projectNumber,
            committee: committee
        )
    }

    /// `committee`: a list of members, each `{ name: 张三, role: 组长 }` (`role` optional).
    static func readCommittee(_ cursor: Cursor) -> [CommitteeMember] {
        guard let items = cursor.items(of: "committee members ({ name: 张三, role: 组长 })") else { return [] }
        return items.compactMap { item in
            guard let member = item.mapping("a committee member", keys: memberKeys) else { return nil }
            let name = member.required("name", "the member's name, as it is signed")?.string()
            let role = member.optional("role")?.string() ?? ""
            return name.map { CommitteeMember(name: $0, role: role) }
        }
    }
}
