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

    /// The estimator's scalar markers give, bit for bit, what the textbook loop over five marker arrays gives
    /// (Jain and Chlamtac's algorithm as written, below): on continuous, skewed and heavily tied streams.
    @Test func p2MatchesTheTextbookLoopBitForBit() {
        var stream = RandomStream(seed: 23)
        let streams: [[Double]] = [
            (0..<20_000).map { _ in stream.unit() },
            (0..<20_000).map { _ in -log(stream.unit()) },
            (0..<20_000).map { _ in (stream.unit() * 4).rounded(.down) },
        ]
        for values in streams {
            for p in [0.05, 0.5, 0.95] {
                var fast = P2Quantile(probability: p)
                var textbook = TextbookP2(p)
                for (i, x) in values.enumerated() {
                    fast.add(x)
                    textbook.add(x)
                    if i % 997 == 4 { #expect(fast.estimate?.bitPattern == textbook.heights[2].bitPattern) }
                }
                #expect(fast.estimate?.bitPattern == textbook.heights[2].bitPattern)
            }
        }
    }

    /// The sketch starts its estimators only past the exact limit, on the kept observations: its quantiles
    /// are then those of estimators fed every observation from the first, bit for bit.
    @Test func deferredEstimatorsMatchEstimatorsRunFromTheFirstObservation() {
        var stream = RandomStream(seed: 29)
        var sketch = QuantileSketch()
        var direct = QuantileSketch.probabilities.map(P2Quantile.init(probability:))
        for _ in 0..<(QuantileSketch.exactLimit + 3_000) {
            let x = -log(stream.unit())
            sketch.add(x)
            for i in direct.indices { direct[i].add(x) }
        }
        #expect(!sketch.isExact)
        #expect(sketch.quantiles?.map(\.bitPattern) == direct.map { $0.estimate!.bitPattern })
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

    /// Metrics that repeat one another for a while, then part (one after 3 replications, one after 5,000, past
    /// the exact quantiles), one that repeats an undefined metric and then has values, and one that repeats
    /// another all along: every summary equals the one folding that metric's own values alone.
    @Test func repeatedMetricsSummarizeAsTheirOwnValues() {
        let kinds: [MetricKind] = [.amount, .amount, .amount, .share, .amount, .amount, .share]
        let definitions = kinds.enumerated().map {
            MetricDefinition(name: "m\($0.offset)", kind: $0.element, summary: "")
        }
        let catalog = MetricCatalog(definitions: definitions)
        var statistics = StatisticsAccumulator(catalog: catalog)
        var alone = definitions.map(MetricAccumulator.init)
        var stream = RandomStream(seed: 5)
        for replication in 0..<6_000 {
            let x = (stream.unit() * 1_000).rounded() / 100
            let y = (stream.unit() * 1_000).rounded() / 100
            // m0; m1 = m0 until replication 3; m2 = m0 until 5,000; m3 = m0's share-like twin (no exact value);
            // m4 undefined, then from replication 10 a value; m5 = m4 until then, then its own; m6 = m3 always.
            let values: [Double] = [
                x, replication < 3 ? x : y, replication < 5_000 ? x : y + 1, x,
                replication < 10 ? .nan : y, replication < 10 ? .nan : x, x,
            ]
            let exact: [Exact?] = values.enumerated().map { k, v in
                v.isNaN || !kinds[k].keepsExactTotal ? nil : Exact(Int((v * 100).rounded())) * .percent(1)
            }
            let record = ReplicationRecord(replication: replication, values: values, exact: exact)
            statistics.add(record)
            for k in alone.indices { alone[k].add(values[k], exact: exact[k]) }
        }
        let summaries = statistics.summaries
        #expect(summaries == alone.map(\.summary))
        // The repeats parted where they should: different means from the replication they parted on.
        #expect(summaries[1].mean != summaries[0].mean && summaries[2].mean != summaries[0].mean)
        var twin = summaries[3]
        twin.definition = definitions[6]
        #expect(summaries[6] == twin)
        #expect(summaries[4].undefined == 10 && summaries[5].undefined == 10)
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

/// P² as Jain and Chlamtac write it, with arrays of five markers: the reference for ``P2Quantile``.
private struct TextbookP2 {
    var heights: [Double] = []
    var positions: [Double] = [1, 2, 3, 4, 5]
    var desired: [Double]
    let increments: [Double]

    init(_ p: Double) {
        desired = [1, 1 + 2 * p, 1 + 4 * p, 3 + 2 * p, 5]
        increments = [0, p / 2, p, (1 + p) / 2, 1]
    }

    mutating func add(_ x: Double) {
        if heights.count < 5 {
            heights.append(x)
            if heights.count == 5 { heights.sort() }
            return
        }
        var k = 0
        if x < heights[0] {
            heights[0] = x
        } else if x >= heights[4] {
            heights[4] = max(heights[4], x)
            k = 3
        } else {
            while k < 3 && x >= heights[k + 1] { k += 1 }
        }
        for i in (k + 1)..<5 { positions[i] += 1 }
        for i in 0..<5 { desired[i] += increments[i] }
        for i in 1...3 {
            let d = desired[i] - positions[i]
            guard (d >= 1 && positions[i + 1] - positions[i] > 1) || (d <= -1 && positions[i - 1] - positions[i] < -1)
            else { continue }
            let s: Double = d > 0 ? 1 : -1
            let (qm, q, qp) = (heights[i - 1], heights[i], heights[i + 1])
            let (nm, n, np) = (positions[i - 1], positions[i], positions[i + 1])
            let candidate =
                q + s / (np - nm) * ((n - nm + s) * (qp - q) / (np - n) + (np - n - s) * (q - qm) / (n - nm))
            if qm < candidate && candidate < qp {
                heights[i] = candidate
            } else {
                let j = i + Int(s)
                heights[i] = q + s * (heights[j] - q) / (positions[j] - n)
            }
            positions[i] += s
        }
    }
}
