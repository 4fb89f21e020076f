import Testing

@testable import TenderSimulation

/// Review: the growing chunks under uneven item times, with and without a fold that throws.
@Suite struct ReviewDriverStressTests {
    /// A busy loop whose length depends on the index (some items a thousand times longer than others).
    static func spin(_ i: Int) -> Int {
        var x = i
        let rounds = (i % 97 == 0) ? 20_000 : (i % 5) * 3
        for _ in 0..<rounds { x = x &* 6_364_136_223_846_793_005 &+ 1 }
        return x
    }

    @Test func foldsEveryItemOnceInOrderAndStopsOnError() throws {
        struct Stop: Error {}
        for trial in 0..<60 {
            let count = [1, 2, 5, 17, 100, 1_000, 20_000][trial % 7]
            let jobs = 2 + trial % 3
            let chunkSize = 1 + trial % 4
            var next = 0
            try ReplicationDriver.run(count: count, jobs: jobs, chunkSize: chunkSize, work: { Self.spin($0) }) {
                i,
                r in
                #expect(i == next && r == Self.spin(i))
                next += 1
            }
            #expect(next == count)
            let stopAt = (trial * 7_919) % count
            var folded = 0
            #expect(throws: Stop.self) {
                try ReplicationDriver.run(count: count, jobs: jobs, chunkSize: chunkSize, work: { Self.spin($0) }) {
                    i,
                    _ in
                    folded += 1
                    if i == stopAt { throw Stop() }
                }
            }
            #expect(folded == stopAt + 1)
        }
    }
}
