import ExactNumbers
import TenderEngine
import TenderModel
import Testing

/// The small/micro part of the SME reserve (财库〔2020〕46号 Art 8) measured and checked on Yinchuan's
/// `sme-reserve` variant.
@Suite struct ReserveCheckTests {
    @Test func yinchuanReserveFallsShortOfTheSmallMicroShare() throws {
        let result = TenderRun.run(try Fixtures.load("yinchuan-2023.yaml", variant: "sme-reserve"))
        // All five lots are suitable (each has at least 3 SMEs able to supply it); coatings 1,868,800 and
        // gypsum-board 1,799,000 are reserved wholly (≤ 2,000,000); 30% of 39,532,800 = 11,859,840 needs the
        // other three too (mortar 4,097,750 + membrane 2,964,000 = 7,061,750 leave 10,729,550 < 11,859,840,
        // so concrete as well, whatever the order): every lot is reserved.
        #expect(result.plan.lots.allSatisfy { $0.reservedForSME })
        let reserve = try #require(result.metrics.reserve)
        #expect(reserve.reservedLots == 5)
        // Winners (the consultation lots at their final quotes): S02 medium 24,967,372.50; S14 medium
        // 3,419,849.25; S31 medium 2,716,270.24; S49 small 1,540,972.00; S58 small 1,723,028.56. Reserved contract
        // 34,367,492.55; small/micro 1,540,972.00 + 1,723,028.56 = 3,264,000.56 → 9.4973…% < 60%.
        #expect(reserve.contract == Exact("34367492.55")!)
        #expect(reserve.smallMicroContract == Exact("3264000.56")!)
        #expect(reserve.smallMicroShare?.rounded(places: 4, mode: .halfUp) == Exact("0.0950")!)
        #expect(reserve.isBelowRequired == true)
        let below = try #require(MetricRegistry.standard.metric(named: "reserve-small-micro-below")?.metric)
        #expect(below.value(of: result.metrics) == .one)
        // Without the reserve the metrics are undefined.
        let base = TenderRun.run(try Fixtures.load("yinchuan-2023.yaml"))
        #expect(base.metrics.reserve == nil)
        #expect(below.value(of: base.metrics) == nil)
    }

    @Test func theTextTotalsSayWhetherTheReserveMeetsTheShare() throws {
        let run = try Fixtures.tender(["run", Fixtures.scenario("yinchuan-2023.yaml"), "--variant", "sme-reserve"])
        #expect(
            run.stdout.contains(
                "SME reserve         5 lots; small/micro 9.50% of the reserved contract, below the required 60.00% "
                    + "(财库〔2020〕46号 Art 8)"
            )
        )
    }
}
