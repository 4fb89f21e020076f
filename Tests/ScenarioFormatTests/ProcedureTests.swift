import ExactNumbers
import ScenarioFormat
import TenderEngine
import TenderModel
import Testing

/// The procurement methods as procedures (Docs/rules.md, "Procedures"), on one concrete lot below the
/// open-tender threshold: 5,000 m³ at a ceiling of 480/m³ = 2,400,000 < 4,000,000, so the lot is bought by
/// `policy.method-below-threshold`. Comprehensive scoring: price 40 points (low price first), green star 60
/// (3 stars 60, 2 stars 40). S01 and S03 offer 2-star products, S02 a 3-star one.
@Suite struct ProcedureTests {
    static func supplier(_ id: String, star: Int, cost: String, behaviour: String = "truthful") -> String {
        """
          - id: \(id)
            name: 供应商\(id)
            size: large
            behaviour: \(behaviour)
            offers:
              concrete:
                brand: b\(id)
                certificate: { star: \(star), valid-until: 2026-12-31 }
                capacity: 40000
                cost: \(cost)

        """
    }

    static func scenario(policy: String, bids: String = "", behaviour: String = "truthful") -> String {
        // The loader fixture's catalogue and project, with 5,000 m³ instead of 12,000.
        LoaderFixtures.valid.components(separatedBy: "suppliers:\n")[0]
            .replacingOccurrences(of: "quantity: 12000", with: "quantity: 5000")
                + """
                suppliers:
                \(supplier("S01", star: 2, cost: "{fixed: 400}", behaviour: behaviour))\
                \(supplier("S02", star: 3, cost: "{fixed: 410}", behaviour: behaviour))\
                \(supplier("S03", star: 2, cost: "{fixed: 420}", behaviour: behaviour))\
                \(bids)
                policy:
                \(policy)
                  evaluation:
                    method: comprehensive
                    price-points: 40
                    criteria:
                      - { id: star, name: 星级, points: 60, attribute: star, bands: [{ min: 3, points: 60 }, { min: 2, points: 40 }] }
                """
    }

    static let threeBids = """
        bids:
          - { lot: concrete, bidder: S01, price: 2000000 }
          - { lot: concrete, bidder: S02, price: 2100000 }
          - { lot: concrete, bidder: S03, price: 2200000 }
        """

    static func load(_ text: String) -> LoadResult { MemoryFiles(["/s/main.yaml": text]).load() }

    static func outcome(_ text: String) throws -> LotOutcome {
        let result = load(text)
        let scenario = try #require(result.scenario, "\(LoaderFixtures.lines(result))")
        return try #require(TenderRun.run(scenario).outcomes.first)
    }

    /// Consultation scores comprehensively: base 2,000,000; S01 40 + 40 = 80; S02 2.0/2.1 × 40 = 38.10 + 60 =
    /// 98.10; S03 2.0/2.2 × 40 = 36.36 + 40 = 76.36: S02 wins. Inquiry takes the lowest price: S01 at 2,000,000.
    @Test func inquiryAwardsTheLowestPriceWhereConsultationScores() throws {
        let consultation = try Self.outcome(
            Self.scenario(policy: "  method-below-threshold: competitive-consultation", bids: Self.threeBids)
        )
        #expect(consultation.lot.method == .competitiveConsultation)
        #expect(consultation.winner == "S02")
        #expect(consultation.contractPrice == 2_100_000)
        let inquiry = try Self.outcome(Self.scenario(policy: "  method-below-threshold: inquiry", bids: Self.threeBids))
        #expect(inquiry.lot.method == .inquiry)
        #expect(inquiry.winner == "S01")
        #expect(inquiry.contractPrice == 2_000_000)
    }

    /// An inquiry needs 3 valid bids (Order 74 Art 12, 48): with two, the lot fails on that ground.
    @Test func anInquiryWithTwoBidsFails() throws {
        let two = """
            bids:
              - { lot: concrete, bidder: S01, price: 2000000 }
              - { lot: concrete, bidder: S02, price: 2100000 }
            """
        let outcome = try Self.outcome(
            Self.scenario(policy: "  method-below-threshold: inquiry\n  on-failure: none", bids: two)
        )
        #expect(outcome.winner == nil)
        #expect(
            outcome.failure?.description == "2 valid bids after review, 3 required (财政部令第74号 Art 12, 48)"
        )
    }

    /// Consultation evaluates the final quote: S02 quotes 1,900,000 at the end, so the base is 1,900,000;
    /// S01 1.9/2.0 × 40 = 38 + 40 = 78; S02 40 + 60 = 100. S02 is paid its final quote, not its first price.
    @Test func consultationEvaluatesTheFinalQuote() throws {
        let bids = Self.threeBids.replacingOccurrences(
            of: "price: 2100000 }",
            with: "price: 2100000, final-price: 1900000 }"
        )
        let outcome = try Self.outcome(
            Self.scenario(policy: "  method-below-threshold: competitive-consultation", bids: bids)
        )
        #expect(outcome.winner == "S02")
        #expect(outcome.contractPrice == 1_900_000)
        let s01 = try #require(outcome.evaluations.first { $0.bid.bidder == "S01" })
        #expect(s01.recordedTotal == 78)
        #expect(outcome.audit.contains("final quotes (最后报价): S02 2100000.00 → 1900000.00"))
    }

    /// Negotiation awards the lowest final price (Order 74 Art 35): S03's final 1,900,000 beats S01's 2,000,000,
    /// although under consultation S02 (3 stars) would win on score.
    @Test func negotiationAwardsTheLowestFinalPrice() throws {
        let bids = Self.threeBids.replacingOccurrences(
            of: "price: 2200000 }",
            with: "price: 2200000, final-price: 1900000 }"
        )
        let outcome = try Self.outcome(
            Self.scenario(policy: "  method-below-threshold: competitive-negotiation", bids: bids)
        )
        #expect(outcome.winner == "S03")
        #expect(outcome.contractPrice == 1_900_000)
        let consulted = try Self.outcome(
            Self.scenario(policy: "  method-below-threshold: competitive-consultation", bids: bids)
        )
        #expect(consulted.winner == "S02")
    }

    /// An inquiry takes one price that cannot be changed: a final quote on its lot is an error at the key.
    @Test func aFinalQuoteOnAnInquiryLotIsAnError() throws {
        let bids = Self.threeBids.replacingOccurrences(
            of: "price: 2100000 }",
            with: "price: 2100000, final-price: 1900000 }"
        )
        let result = Self.load(Self.scenario(policy: "  method-below-threshold: inquiry", bids: bids))
        #expect(result.scenario == nil)
        let lines = LoaderFixtures.lines(result)
        #expect(lines.count == 1)
        #expect(
            lines.first?.hasSuffix(
                "error: bids[1].final-price: lot 'concrete' is bought by inquiry (inquiry), which takes no final quote: "
                    + "an inquiry takes one price that cannot be changed (财政部令第74号 Art 45); expected no final-price"
            ) == true
        )
        #expect(lines.first?.hasPrefix("main.yaml:61:64:") == true, "\(lines)")
    }

    /// Generated final quotes: each bidder marks its cost up 10 % and gives up half its margin at the end.
    /// S01: cost 5,000 × 400 = 2,000,000, first 2,200,000, final 2,200,000 − ½ × 200,000 = 2,100,000;
    /// S02: 2,050,000 → 2,255,000 → 2,152,500; S03: 2,100,000 → 2,310,000 → 2,205,000. Scores: base 2,100,000;
    /// S01 40 + 40 = 80; S02 2.1/2.1525 × 40 = 39.02 + 60 = 99.02: S02 wins at its final 2,152,500.
    @Test func generatedBiddersConcedeTheirMarginInTheFinalQuote() throws {
        let markup = "{markup: {low: 10%, high: 10%}}"
        let conceding = try Self.outcome(
            Self.scenario(
                policy: "  method-below-threshold: competitive-consultation\n  final-quote: {concession: 50%}",
                behaviour: markup
            )
        )
        #expect(conceding.winner == "S02")
        #expect(conceding.contractPrice == 2_152_500)
        #expect(
            conceding.audit.first
                == "final quotes (最后报价): S01 2200000.00 → 2100000.00; S02 2255000.00 → 2152500.00; "
                + "S03 2310000.00 → 2205000.00"
        )
        // Inquiry takes no final quote: the first prices stand and the lowest, S01's 2,200,000, wins.
        let inquiry = try Self.outcome(
            Self.scenario(
                policy: "  method-below-threshold: inquiry\n  final-quote: {concession: 50%}",
                behaviour: markup
            )
        )
        #expect(inquiry.winner == "S01")
        #expect(inquiry.contractPrice == 2_200_000)
    }

    /// Single source: S01's cost is 2,000,000 against a ceiling of 2,400,000; with the purchaser's share of the
    /// surplus s, price = 2,000,000 + (1 − s) × 400,000: 2,200,000 at s = 50 %, 2,100,000 at s = 75 %.
    @Test func singleSourceSplitsTheSurplusBetweenCostAndCeiling() throws {
        let half = try Self.outcome(
            Self.scenario(
                policy: "  method-below-threshold: single-source\n  single-source: {suppliers: {concrete: S01}}"
            )
        )
        #expect(half.winner == "S01")
        #expect(half.contractPrice == 2_200_000)
        #expect(half.evaluations.count == 1)
        let firm = try Self.outcome(
            Self.scenario(
                policy: "  method-below-threshold: single-source\n"
                    + "  single-source: {suppliers: {concrete: S01}, purchaser-share: 75%}"
            )
        )
        #expect(firm.contractPrice == 2_100_000)
    }

    /// A generated single-source lot needs its supplier named; an entered one takes one bidder.
    @Test func singleSourceNeedsOneNamedSupplier() throws {
        let unnamed = LoaderFixtures.lines(Self.load(Self.scenario(policy: "  method-below-threshold: single-source")))
        #expect(unnamed.count == 1)
        #expect(
            unnamed.first?.contains(
                "error: policy.method-below-threshold: lot 'concrete' (concrete) is bought by single source; expected "
                    + "its supplier in policy.single-source.suppliers, e.g. {concrete: S01}"
            ) == true,
            "\(unnamed)"
        )
        let entered = LoaderFixtures.lines(
            Self.load(Self.scenario(policy: "  method-below-threshold: single-source", bids: Self.threeBids))
        )
        #expect(
            entered.first?.contains(
                "error: bids[1].bidder: lot 'concrete' is bought by single source: one supplier negotiates "
                    + "(财政部令第74号 ch. 4); 'S01' already bid in bids[0], found 'S02'"
            ) == true,
            "\(entered)"
        )
    }

    /// 财库〔2014〕214号 Art 24: a consultation of goods weighs price at 30 %–60 %; 40 of 100 passes, 70 of 100
    /// is warned about and accepted for study.
    @Test func consultationPriceWeightOutsideItsBandIsWarned() throws {
        let fine = Self.load(Self.scenario(policy: "  method-below-threshold: competitive-consultation"))
        #expect(fine.diagnostics.isEmpty, "\(LoaderFixtures.lines(fine))")
        let light = Self.load(
            Self.scenario(policy: "  method-below-threshold: competitive-consultation")
                .replacingOccurrences(of: "price-points: 40", with: "price-points: 70")
                .replacingOccurrences(
                    of: "points: 60, attribute: star, bands: [{ min: 3, points: 60 }, { min: 2, points: 40 }]",
                    with: "points: 30, attribute: star, bands: [{ min: 3, points: 30 }, { min: 2, points: 20 }]"
                )
        )
        #expect(light.scenario != nil, "\(LoaderFixtures.lines(light))")
        #expect(
            LoaderFixtures.lines(light).contains {
                $0.contains(
                    "warning: policy.evaluation.price-points: competitive consultation of goods weighs price at "
                        + "30%–60% of the points (财库〔2014〕214号 Art 24); found 70 of 100 (70%); accepted for study"
                )
            }
        )
    }

    /// The bundled city scenarios buy their small lots by consultation with final quotes (an assumption the
    /// files state); their `inquiry` variant buys the same lots by inquiry, and the result changes: another
    /// bid wins or the price differs, on at least one lot.
    @Test(arguments: ["daqing-2023.yaml", "yinchuan-2023.yaml"])
    func theInquiryVariantChangesTheCitiesResults(_ name: String) throws {
        let base = TenderRun.run(try BundledScenarioTests.load(name))
        let inquiry = TenderRun.run(try BundledScenarioTests.load(name, variant: "inquiry"))
        let consulted = base.outcomes.filter { $0.lot.method == .competitiveConsultation }
        #expect(!consulted.isEmpty)
        #expect(consulted.contains { $0.audit.contains { $0.hasPrefix("final quotes (最后报价): ") } })
        var changed = 0
        for outcome in consulted {
            let other = try #require(inquiry.outcomes.first { $0.lot.id == outcome.lot.id })
            #expect(other.lot.method == .inquiry)
            #expect(!other.audit.contains { $0.hasPrefix("final quotes") })
            if other.winner != outcome.winner || other.contractPrice != outcome.contractPrice { changed += 1 }
        }
        #expect(changed > 0)
    }
}
