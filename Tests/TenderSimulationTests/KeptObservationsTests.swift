import Testing

@testable import TenderSimulation

@Suite struct KeptObservationsTests {
    /// An array's append would grow from 4,095 slots to 8,191 for the 4,096th value: twice the memory kept.
    @Test func storageStopsAtTheSketchLimit() {
        var kept = KeptObservations()
        for i in 0..<QuantileSketch.exactLimit { kept.append(Double(i)) }
        #expect(kept.count == QuantileSketch.exactLimit)
        #expect(kept.capacity >= QuantileSketch.exactLimit)
        #expect(kept.capacity < QuantileSketch.exactLimit + 64)
        #expect(Array(kept) == (0..<QuantileSketch.exactLimit).map(Double.init))
    }

    @Test func smallStreamsGrowByDoubling() {
        var kept = KeptObservations()
        for i in 0..<100 { kept.append(Double(i)) }
        #expect(kept.count == 100)
        #expect(kept.capacity < 256)
    }
}
