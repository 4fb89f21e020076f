import Testing

@testable import TenderEngine

/// A lot's rejection counts, held inline, count as a dictionary of reasons would.
@Suite struct RejectionCountsTests {
    @Test func everyReasonHasAPlaceOfItsOwn() {
        let positions = Rejection.Reason.allCases.map(\.position)
        #expect(Set(positions).count == Rejection.Reason.allCases.count)
        #expect(positions.allSatisfy { (0..<16).contains($0) })
    }

    @Test func countsAreThoseOfADictionaryOfReasons() {
        var stream = RandomStream(seed: 7, replication: 0, label: "rejection-counts")
        let reasons = Rejection.Reason.allCases
        for _ in 0..<500 {
            var counts = RejectionCounts()
            var expected: [Rejection.Reason: Int] = [:]
            var total = RejectionCounts()
            var expectedTotal: [Rejection.Reason: Int] = [:]
            for _ in 0..<Int(stream.next() % 30) {
                let reason = reasons[Int(stream.next() % UInt64(reasons.count))]
                counts[reason] += 1
                expected[reason, default: 0] += 1
            }
            #expect(Dictionary(uniqueKeysWithValues: counts.map { ($0.key, $0.value) }) == expected)
            #expect(counts.keys == reasons.filter { expected[$0] != nil })
            #expect(counts.isEmpty == expected.isEmpty)
            total.add(counts)
            total.add(counts)
            for (reason, count) in expected { expectedTotal[reason] = 2 * count }
            #expect(Dictionary(uniqueKeysWithValues: total.map { ($0.key, $0.value) }) == expectedTotal)
            #expect((total == counts) == expected.isEmpty)
        }
    }
}
