import ExactNumbers
import Foundation
import TenderEngine
import Testing

@testable import TenderSimulation

@Suite struct StatisticsTests {
    @Test func welfordMatchesTwoPassFormulas() {
        var stream = RandomStream(seed: 11)
        let values = (0..<10_000).map { _ in 1e6 + stream.unit() * 40 }
        var moments = RunningMoments()
        for v in values { moments.add(v) }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
        #expect(abs(moments.mean - mean) / mean < 1e-12)
        #expect(abs(moments.variance - variance) / variance < 1e-9)
        #expect(abs(moments.standardError - (variance / 10_000).squareRoot()) < 1e-12)
    }

    @Test func exactQuantilesAreType7() {
        var sketch = QuantileSketch()
        for v in [5.0, 1, 4, 2, 3] { sketch.add(v) }
        #expect(sketch.isExact)
        #expect(sketch.quantiles == [1.2, 3, 4.8])  // numpy.percentile([1,2,3,4,5], [5, 50, 95])
    }

    /// P² on 100,000 uniform draws: the 5th, 50th and 95th percentiles within 0.3% of the range.
    @Test func p2IsAccurateOnUniformAndNormalStreams() {
        var stream = RandomStream(seed: 7)
        var sketch = QuantileSketch()
        for _ in 0..<100_000 { sketch.add(stream.unit()) }
        #expect(!sketch.isExact)
        let q = sketch.quantiles!
        for (estimate, truth) in zip(q, [0.05, 0.5, 0.95]) { #expect(abs(estimate - truth) < 0.003) }

        // A skewed stream (exponential, mean 1): p5 = 0.0513, p50 = 0.6931, p95 = 2.9957.
        var skewed = QuantileSketch()
        for _ in 0..<100_000 { skewed.add(-log(stream.unit())) }
        let e = skewed.quantiles!
        for (estimate, truth) in zip(e, [0.051293, 0.693147, 2.995732]) { #expect(abs(estimate - truth) < 0.02) }
    }

    @Test func studentTQuantiles() {
        #expect(abs(StudentT.quantile975(degreesOfFreedom: 1) - 12.706204736174694) < 1e-9)
        #expect(abs(StudentT.quantile975(degreesOfFreedom: 31) - 2.039513446396408) < 1e-5)
        #expect(abs(StudentT.quantile975(degreesOfFreedom: 100) - 1.9839715185235518) < 1e-6)
        #expect(abs(StudentT.quantile975(degreesOfFreedom: 1000) - 1.9623390808264083) < 1e-7)
    }

    @Test func accumulatorKeepsExactTotalsAndCountsUndefined() {
        var a = MetricAccumulator(MetricDefinition(name: "contract", kind: .amount, summary: ""))
        a.add(0.1, exact: Exact("0.1"))
        a.add(0.2, exact: Exact("0.2"))
        a.add(.nan, exact: nil)
        let s = a.summary
        #expect(s.total == Exact("0.3"))
        #expect(s.count == 2)
        #expect(s.undefined == 1)
    }

    @Test func sha256KnownVectors() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        )
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        )
    }
}
