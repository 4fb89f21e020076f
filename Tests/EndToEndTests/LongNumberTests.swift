import ExactNumbers
import Foundation
import TenderReports
import Testing

/// A number with any number of digits is grouped in one pass: a 200,000-digit amount (from a hostile bid
/// price) took seconds per call when grouping was quadratic.
@Suite struct LongNumberTests {
    @Test func amountGroupingIsLinear() throws {
        #expect(TextLayout.amount(try Exact(parsing: "1234567.5")) == "1,234,567.50")
        #expect(TextLayout.amount(try Exact(parsing: "-999")) == "-999.00")
        #expect(TextLayout.amount(try Exact(parsing: "-1000")) == "-1,000.00")
        // (10^99999 − 1)²: 199,998 digits, 99…9800…01.
        let nines = try Exact(parsing: String(repeating: "9", count: 99_999))
        let value = nines * nines
        let start = Date()
        let text = TextLayout.amount(value)
        let seconds = Date().timeIntervalSince(start)
        #expect(text.hasPrefix("999,999,999,"))
        #expect(text.hasSuffix(",000,001.00"))
        #expect(text.utf8.count == 199_998 + 66_665 + 3)
        #expect(seconds < 2, "took \(seconds) s")
    }
}
