import ExactNumbers
import TenderModel
import Testing

@testable import TenderEngine

/// The registered suppliers are found by id whatever their ids: short and long, ASCII or not, and an id
/// nobody registered is found by none.
@Suite struct SupplierIndexTests {
    typealias F = EvaluationFixtures

    @Test func everyRegisteredIdFindsItsSupplierAndNoOtherIdDoes() {
        let ids = [
            "A", "S01", "supplier-with-a-long-identifier-0042", "供应商甲", "Zürich-Beton", "B", "S1", "S10", "s01",
        ]
        let suppliers = ids.enumerated().map { position, id in
            F.supplier(id, position % 2 == 0 ? .small : .large, capacity: "\(position + 1)")
        }
        let context = F.context(suppliers)
        for (position, id) in ids.enumerated() {
            let facts = context.supplierFacts(id)
            // Each supplier's own capacity, so that a lookup returning another supplier's facts shows.
            #expect(facts?.capacityByCategory.compactMap { $0 } == [Exact(position + 1)], "\(id)")
            #expect(facts?.size == (position % 2 == 0 ? .small : .large), "\(id)")
        }
        for unknown in ["", "S001", "a", "供应商乙", "supplier-with-a-long-identifier-0043", "S01 "] {
            #expect(context.supplierFacts(unknown) == nil, "\(unknown)")
        }
    }
}
