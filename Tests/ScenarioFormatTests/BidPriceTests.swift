import ScenarioFormat
import Testing

/// A bid quotes a positive price: 0 is refused at load, where it is written.
@Suite struct BidPriceTests {
    static func load(_ bids: String) -> [String] {
        let text = LoaderFixtures.valid.replacingOccurrences(of: "policy:\n", with: "bids:\n\(bids)policy:\n")
        return LoaderFixtures.lines(MemoryFiles(["/s/main.yaml": text]).load())
    }

    @Test func zeroPriceIsRefused() {
        let lines = Self.load("  - { lot: concrete, bidder: S01, price: 0 }\n")
        #expect(
            lines.contains(
                "main.yaml:40:42: error: bids[0].price: expected a price > 0, found 0; a bid must quote a positive price"
            ),
            "\(lines)"
        )
    }

    @Test func zeroUnitPriceIsRefused() {
        let lines = Self.load(
            "  - { lot: concrete, bidder: S01, unit-prices: [{ demand: P01/D1, unit-price: 0.00 }] }\n"
        )
        #expect(
            lines.contains { $0.contains("error: bids[0].unit-prices[0].unit-price: expected a price > 0") },
            "\(lines)"
        )
    }
}
