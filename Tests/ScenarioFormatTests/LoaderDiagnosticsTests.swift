import ExactNumbers
import ScenarioFormat
import TenderModel
import Testing

/// Exact messages for each kind of mistake, reported in one pass.
@Suite struct LoaderDiagnosticsTests {
    typealias L = LoaderFixtures

    func load(_ text: String, extra: [String: String] = [:], variant: String? = nil) -> LoadResult {
        var files = extra
        files["/s/main.yaml"] = text
        return MemoryFiles(files).load(variant: variant)
    }

    @Test func theFixtureIsValidAndExact() throws {
        let result = load(L.valid)
        #expect(result.diagnostics.isEmpty)
        let scenario = try #require(result.scenario)
        #expect(scenario.projects[0].demands[0].ceilingUnitPrice == Exact("480.00"))
        #expect(scenario.suppliers[0].participation == Exact("0.9"))
        #expect(scenario.policy.evaluation.pricePoints == 40)
    }

    @Test func variantsOverridePolicyAndSupplierFields() throws {
        let scenario = try #require(load(L.valid, variant: "d20").scenario)
        #expect(scenario.policy.sme.deduction == .percent(20))
        #expect(scenario.suppliers[0].participation == .percent(50))
        #expect(scenario.variant == "d20")
        let unknown = load(L.valid, variant: "d25")
        #expect(
            L.lines(unknown) == [
                // At the variants the file defines (line 46: `  d20:`), not at the top of the file.
                "main.yaml:46:3: error: variants: unknown variant 'd25'; did you mean 'd20'? (expected one of: d20)"
            ]
        )
    }

    /// A mistyped key inside a variant is reported at its override in the variant (line 45, column 32 is the
    /// value of `policy.evaluation.methd`), not at 1:1 — also when the overridden section is in an included
    /// file (suppliers here: reported in main.yaml, where the override is, not in suppliers.yaml).
    @Test func aTypoInsideAVariantIsReportedAtTheVariant() {
        let supplier = L.valid.components(separatedBy: "suppliers:\n")[1].components(separatedBy: "policy:\n")[0]
        let main =
            L.valid
            .replacingOccurrences(of: "suppliers:\n" + supplier, with: "includes:\n  - suppliers.yaml\n")
                + """

                  typo:
                    description: mistyped
                    set:
                      policy.evaluation.methd: lowest-price
                      suppliers[S01].partcipation: 10%
                """
        let result = load(main, extra: ["/s/suppliers.yaml": "suppliers:\n" + supplier], variant: "typo")
        #expect(
            L.lines(result) == [
                "main.yaml:45:32: error: policy.evaluation: unknown key 'methd'; did you mean 'method'? (expected one of: method, price-formula, price-points, criteria, rounding, abnormally-low, minimum-valid-bids, candidates, tie-break, same-brand-rule, collusion-detection)",
                "main.yaml:46:36: error: suppliers[0]: unknown key 'partcipation'; did you mean 'participation'? (expected one of: id, name, size, special-status, region, brands, licensed, debarred, negative-list, participation, behaviour, consortium, offers, auction-strategy, distances, preparation-cost)",
            ]
        )
    }

    @Test func everyProblemInOnePass() {
        let text = L.valid
            .replacingOccurrences(of: "  seed: 7", with: "  seed: 7\n  regon: north")
            .replacingOccurrences(of: "type: hospital", with: "type: hospitel")
            .replacingOccurrences(of: "budget: 90000000", with: "budget: 90,000,000")
            .replacingOccurrences(of: "category: concrete", with: "category: concret")
            .replacingOccurrences(of: "deduction: 10%", with: "deduction: 25%")
        #expect(
            L.lines(load(text)) == [
                "main.yaml:6:3: error: meta: unknown key 'regon'; did you mean 'region'? (expected one of: name, region, currency, fiscal-year, bid-date, seed, replications, project-number, committee)",
                "main.yaml:19:11: error: projects[P01].type: expected one of hospital, school, office, complex, exhibition-centre, stadium, affordable-housing, found 'hospitel'; did you mean 'hospital'?",
                "main.yaml:20:13: error: projects[P01].budget: thousands separators are not allowed; write 90000000 (found '90,000,000')",
                "main.yaml:23:19: error: projects[P01].demands[D1].category: unknown category 'concret'; did you mean 'concrete'? (the catalogue defines: concrete)",
                "main.yaml:41:21: warning: policy.sme.deduction: 25% is outside the legal range 10%–20% (财库〔2022〕19号); accepted for study",
            ]
        )
    }

    @Test func duplicateIdsNameBothPlaces() {
        let text = L.valid.replacingOccurrences(
            of: "suppliers:\n",
            with: "suppliers:\n  - { id: S01, name: dup, size: small }\n"
        )
        #expect(
            L.lines(load(text)) == [
                "main.yaml:30:5: error: suppliers[S01]: duplicate supplier id 'S01' (first defined at main.yaml:29:5); ids must be unique"
            ]
        )
    }

    @Test func impossibleValues() {
        let text = L.valid
            .replacingOccurrences(of: "budget: 90000000", with: "budget: 5000000")
            .replacingOccurrences(of: "price-points: 40", with: "price-points: 30")
            .replacingOccurrences(of: "low: 380, high: 440", with: "low: 440, high: 380")
            .replacingOccurrences(of: "quantity: 12000", with: "quantity: 0")
            .replacingOccurrences(of: "to: 2023-10-31", with: "to: 2023-06-01")
        #expect(
            L.lines(load(text)) == [
                "main.yaml:24:19: error: projects[P01].demands[D1].quantity: expected a positive quantity, found 0",
                "main.yaml:26:19: error: projects[P01].demands[D1].delivery: delivery window ends (2023-06-01) before it starts (2023-07-01)",
                "main.yaml:38:26: error: suppliers[S01].offers.concrete.cost.uniform: expected low ≤ high in increasing order, found 440, 380",
                "main.yaml:42:5: error: policy.evaluation: price points 30 and criteria points 60 sum to 90; expected 100 (add criteria worth 70 points, or use method: lowest-price)",
            ]
        )
        let overBudget = L.valid.replacingOccurrences(of: "budget: 90000000", with: "budget: 5000000")
        #expect(
            L.lines(load(overBudget)) == [
                "main.yaml:19:13: error: projects[P01].budget: the demand lines' ceiling amounts total 5760000.00 yuan, above the project's budget 5000000.00; raise the budget or lower the ceilings"
            ]
        )
    }

    @Test func missingRequiredFieldsAndWrongTypes() {
        let text = """
            meta: { name: x, fiscal-year: twenty, bid-date: 2023-02-30 }
            catalogue: concrete
            projects:
              - { id: P 1, name: x }
            policy: { evaluation: { method: lowest-price } }
            """
        #expect(
            L.lines(load(text)) == [
                "main.yaml:1:31: error: meta.fiscal-year: expected a whole number from 2000 to 2100, found 'twenty'",
                "main.yaml:1:49: error: meta.bid-date: expected a date such as 2023-06-30 (YYYY-MM-DD), found '2023-02-30'",
                "main.yaml:2:12: error: catalogue: expected a list of material categories, found 'concrete'",
                "main.yaml:4:5: error: projects[0]: missing required key 'type' (the building type)",
                "main.yaml:4:5: error: projects[0]: missing required key 'budget' (the project's budget in yuan)",
                "main.yaml:4:11: error: projects[0].id: expected an id of letters, digits, '-', '_' or '.' (at most 64), found 'P 1'",
            ]
        )
    }

    @Test func comprehensiveScoringWithoutCriteriaIsAWarning() {
        let text = L.valid.replacingOccurrences(
            of:
                "    criteria:\n      - { id: star, name: 星级, points: 60, attribute: star, bands: [{ min: 3, points: 60 }, { min: 2, points: 40 }] }\n",
            with: ""
        )
        let result = load(text)
        #expect(result.scenario != nil)
        #expect(
            L.lines(result) == [
                "main.yaml:42:5: warning: policy.evaluation: comprehensive scoring without technical or business criteria: the price score decides alone, as under the lowest evaluated price"
            ]
        )
    }

    @Test func includesCyclesAndUnreadableFiles() throws {
        let main = L.valid.replacingOccurrences(
            of: "catalogue:\n",
            with: "includes: [shared/a.yaml, missing.yaml]\ncatalogue:\n"
        )
        let a = "includes: [b.yaml]\nsuppliers:\n  - { id: S02, name: a, size: small }\n"
        let b = "includes: [a.yaml]\ncatalogue: []\n"
        let result = load(main, extra: ["/s/shared/a.yaml": a, "/s/shared/b.yaml": b])
        #expect(
            L.lines(result) == [
                "main.yaml:6:27: error: includes[1]: cannot read included file 'missing.yaml': no such file"
                    + " (references across sections — categories, projects, suppliers — are not checked until every"
                    + " include loads)",
                "shared/b.yaml:1:12: error: includes[0]: include cycle: a.yaml → b.yaml → a.yaml",
            ]
        )
        let ok = load(
            L.valid.replacingOccurrences(of: "catalogue:\n", with: "includes: [shared/a.yaml]\ncatalogue:\n"),
            extra: ["/s/shared/a.yaml": "suppliers:\n  - { id: S02, name: a, size: small }\n"]
        )
        #expect(ok.scenario?.suppliers.map(\.id) == ["S02", "S01"])
        #expect(ok.files == ["/s/main.yaml", "/s/shared/a.yaml"])
    }

    /// The catalogue in an include whose name is misspelled: one error at the include, not one per use of a
    /// category it would have defined (the demand line's category, the supplier's offer, its cost model…).
    @Test func aMisspelledIncludeIsOneError() throws {
        let catalogue = try #require(L.valid.components(separatedBy: "projects:\n").first)
            .components(separatedBy: "catalogue:\n")[1]
        let main = L.valid.replacingOccurrences(
            of: "catalogue:\n" + catalogue,
            with: "includes:\n  - shared/catalog.yaml\n"
        )
        let result = load(main, extra: ["/s/shared/catalogue.yaml": "catalogue:\n" + catalogue])
        #expect(result.scenario == nil)
        #expect(
            L.lines(result) == [
                "main.yaml:7:5: error: includes[0]: cannot read included file 'shared/catalog.yaml': no such file"
                    + " (references across sections — categories, projects, suppliers — are not checked until every"
                    + " include loads)"
            ]
        )
        // Spelled right, it loads without a diagnostic.
        let right = load(
            main.replacingOccurrences(of: "catalog.yaml", with: "catalogue.yaml"),
            extra: ["/s/shared/catalogue.yaml": "catalogue:\n" + catalogue]
        )
        #expect(right.diagnostics.isEmpty, "\(L.lines(right))")
    }

    @Test func includedFilesMayNotSetThePolicy() {
        let main = L.valid.replacingOccurrences(of: "catalogue:\n", with: "includes: [p.yaml]\ncatalogue:\n")
        let result = load(main, extra: ["/s/p.yaml": "policy: {}\n"])
        #expect(
            L.lines(result).first?.hasPrefix(
                "p.yaml:1:1: error: unknown key 'policy' (expected one of: includes, catalogue, projects, suppliers)"
            ) == true
        )
    }

    @Test func variantOverrideErrorsPointAtTheVariant() {
        let text = L.valid.replacingOccurrences(of: "policy.sme.deduction: 20%", with: "policy.sme.deduction: twenty")
            .replacingOccurrences(of: "suppliers[S01].participation", with: "suppliers[S09].participation")
        #expect(
            L.lines(load(text, variant: "d20")) == [
                "main.yaml:49:29: error: policy.sme.deduction: not a number; expected a decimal number such as 1234.56, -0.005 or 12.5% (found 'twenty')",
                "main.yaml:50:37: error: suppliers[S09].participation: cannot override 'suppliers[S09].participation': there is no item with id 'S09' in 'suppliers'",
            ]
        )
    }

    @Test func hostileFilesAreRefusedWithAMessage() {
        let bomb = """
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """
        #expect(
            L.lines(load(bomb)) == [
                "main.yaml:1:1: error: the document expands to more than 500000 nodes or 64 levels (an alias bomb?); refused"
            ]
        )
        let huge = MemoryFiles(bytes: ["/s/main.yaml": [UInt8](repeating: UInt8(ascii: "#"), count: 9 * 1024 * 1024)])
        #expect(L.lines(huge.load()) == ["main.yaml:1:1: error: file is 9.0 MB; scenario files are limited to 8 MB"])
        let invalid = MemoryFiles(bytes: ["/s/main.yaml": Array("meta:\n  name: ab".utf8) + [0xC3, 0x28]])
        #expect(
            L.lines(invalid.load()) == [
                "main.yaml:2:11: error: file is not valid UTF-8 text (invalid byte sequence here); save it as UTF-8"
            ]
        )
        let binary = MemoryFiles(bytes: ["/s/main.yaml": [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01]])
        #expect(
            L.lines(binary.load()) == [
                "main.yaml:1:1: error: binary or control character in the file; expected YAML text"
            ]
        )
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(
            L.lines(load(deep)) == ["main.yaml:1:65: error: nesting deeper than 64 levels; a scenario needs far fewer"]
        )
        #expect(L.lines(load("")) == ["main.yaml:1:1: error: the file is empty; expected a scenario mapping"])
        #expect(
            L.lines(load("meta: [unclosed")) == [
                "main.yaml:2:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence (started at line 1, column 7)"
            ]
        )
        #expect(
            L.lines(load("a: 1\na: 2\n")).first?.hasPrefix("main.yaml:1:1: error: duplicate key 'a' in one mapping")
                == true
        )
    }

    @Test func mergeKeysAndAnchorHomes() throws {
        let text = L.valid
            .replacingOccurrences(
                of: "suppliers:\n",
                with: """
                    x-defaults:
                      supplier: &supplier { size: small, participation: 80% }
                    suppliers:
                      - { id: S02, name: merged, <<: *supplier }
                      - { id: S03, name: overridden, <<: *supplier, size: micro }

                    """
            )
        let scenario = try #require(load(text).scenario)
        let merged = try #require(scenario.supplier("S02"))
        #expect(merged.size == .small)
        #expect(merged.participation == .percent(80))
        #expect(scenario.supplier("S03")?.size == .micro)
    }

    @Test func aCommaInsideBracesGetsAHint() {
        let text = L.valid.replacingOccurrences(
            of: "capacity: 40000",
            with: "capacity: 40000\n        cost2: {fixed: 4,200}"
        )
        #expect(
            L.lines(load(text)).contains(
                "main.yaml:38:9: error: suppliers[S01].offers.concrete: unknown key 'cost2'; did you mean 'cost'? (expected one of: capacity, cost, scale, transport-cost, delivery-radius, brand, certificate, test-report, test-report-valid-until, attributes, made-by-small-or-micro)"
            )
        )
        let comma = L.valid.replacingOccurrences(of: "{ uniform: { low: 380, high: 440 } }", with: "{ fixed: 4,200 }")
        #expect(
            L.lines(load(comma)).contains(
                "main.yaml:38:26: error: suppliers[S01].offers.concrete.cost: unknown key '200' (inside { } a comma separates entries: write numbers without thousands separators) (expected one of: fixed, uniform, triangular, truncated-normal, lognormal, empirical)"
            )
        )
    }
}
