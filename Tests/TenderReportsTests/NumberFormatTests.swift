import Testing

@testable import TenderReports

/// The simulation text tables print statistics through the reports' one number formatter: the exact decimal
/// of the `Double`'s shortest text, rounded half-up — as the HTML report and the run tables round amounts.
@Suite struct NumberFormatTests {
    @Test func halvesRoundUpAsAmountsDoEverywhere() {
        // printf's %.2f rounds these binary ties to even: 0.12, 2,080,292.
        #expect(NumberFormat.value(0.125, .amount) == "0.13")
        #expect(NumberFormat.value(2_080_292.5, .amount) == "2,080,293")
        #expect(NumberFormat.value(-2_080_292.5, .amount) == "-2,080,293")
        #expect(NumberFormat.value(0.101255, .share) == "10.13%")
        #expect(NumberFormat.spread(0.001255, .share) == "0.13 pp")
        #expect(NumberFormat.value(2.345, .count) == "2.35")
        #expect(NumberFormat.value(0.50005, .count) == "0.5001")
        #expect(NumberFormat.value(Double.nan, .amount) == "–")
        // The HTML report prints the same statistic with the same rounding.
        #expect(StatisticText.value(2_080_292.5, kind: .amount) == "2,080,292.50")
        #expect(StatisticText.value(0.125, kind: .amount) == "0.13")
    }

    @Test func differencesInWordsRoundHalfUp() {
        #expect(SimulationText.percent(0.01125) == "1.1%")
        #expect(SimulationText.percent(0.00125) == "0.13%")
        #expect(SimulationText.unsigned(0.00125, .points, .share) == "0.13 pp")
        #expect(SimulationText.signed(-0.0125, .relative, .amount) == "−1.25%")
    }
}
