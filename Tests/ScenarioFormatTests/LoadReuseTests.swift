import Foundation
import ScenarioFormat
import TenderModel
import Testing

/// What one loader reuses from load to load — included files decoded once with their trees dropped, the lots
/// as drafted, the projects' own checks — gives every load the diagnostics and scenario a loader of its own
/// gives it, with the positions in the dropped trees.
@Suite struct LoadReuseTests {
    typealias L = LoaderFixtures

    /// `L.valid` including `more.yaml`, with 5,000 m3 of concrete (2,400,000 yuan, below the open-tender
    /// threshold), P01 in the north, a bid on the lot `concrete` and variants that change the lots, only the
    /// evaluation, and the catalogue's unit.
    private static let main = L.valid
        .replacingOccurrences(of: "catalogue:\n", with: "includes: [more.yaml]\ncatalogue:\n")
        .replacingOccurrences(of: "    type: hospital\n", with: "    type: hospital\n    district: north\n")
        .replacingOccurrences(of: "quantity: 12000", with: "quantity: 5000")
        .replacingOccurrences(
            of: "variants:\n",
            with: """
                bids:
                  - { lot: concrete, bidder: S01, price: 2300000 }
                variants:
                  region:
                    description: lots by category and district
                    set:
                      policy.lotting.strategy: category-region
                  deduction:
                    description: the evaluation alone
                    set:
                      policy.sme.deduction: 20%
                  cap:
                    description: lots of at most 1,000,000
                    set:
                      policy.lotting.value-cap: 1000000
                  tonnes:
                    description: concrete counted in tonnes
                    set:
                      catalogue[concrete].unit: t

                """
        )

    /// P02 in the south: 100 m3 of concrete, 48,000 yuan. Its line is line 8; `unit: m3` is at column 71.
    private static let more = """
        projects:
          - id: P02
            name: 学校
            type: school
            district: south
            budget: 900000
            demands:
              - { id: D1, category: concrete, spec: C30, quantity: 100, unit: m3, delivery: { from: 2023-07-01, to: 2023-10-31 }, ceiling-unit-price: 480 }
        """

    private static func loader(_ files: [String: String] = ["/s/main.yaml": main, "/s/more.yaml": more])
        -> ScenarioLoader
    {
        let bytes = files.mapValues { Array($0.utf8) }
        return ScenarioLoader { path in
            guard let file = bytes[path] else { throw CocoaError(.fileNoSuchFile) }
            return file
        }
    }

    @Test func eachLoadOfOneLoaderIsTheLoadOfAFreshLoader() throws {
        let shared = Self.loader()
        // The order of `tender validate` (the base, then each variant), then the base and a variant again.
        let loads: [String?] = [nil, "region", "deduction", "cap", "tonnes", nil, "region"]
        for variant in loads {
            let reused = shared.load("/s/main.yaml", variant: variant)
            let fresh = Self.loader().load("/s/main.yaml", variant: variant)
            #expect(reused.diagnostics == fresh.diagnostics, "variant \(variant ?? "none")")
            #expect(reused.scenario?.projects == fresh.scenario?.projects, "variant \(variant ?? "none")")
            #expect(reused.scenario?.policy == fresh.scenario?.policy, "variant \(variant ?? "none")")
        }
    }

    @Test func aVariantThatChangesTheLotsHasItsOwnPlan() {
        let loader = Self.loader()
        // The bid is on the line below `bids:`; `  - { lot: ` is 11 characters: its lot is at column 12.
        let bidLine =
            Self.main.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "bids:")! + 2
        func unknownLot(_ plan: String) -> [String] {
            ["main.yaml:\(bidLine):12: error: bids[0].lot: unknown lot 'concrete'; the lot plan has: \(plan)"]
        }
        #expect(L.lines(loader.load("/s/main.yaml")) == [])
        // By district: P01's 2,400,000 in the north is a lot; P02's 48,000 in the south stays with P02.
        #expect(L.lines(loader.load("/s/main.yaml", variant: "region")) == unknownLot("concrete@north"))
        #expect(L.lines(loader.load("/s/main.yaml", variant: "deduction")) == [])
        // 2,448,000 under a cap of 1,000,000: ⌈2.448⌉ = 3 pieces, at most one per line: 2.
        #expect(L.lines(loader.load("/s/main.yaml", variant: "cap")) == unknownLot("concrete#1, concrete#2"))
        #expect(L.lines(loader.load("/s/main.yaml")) == [])
    }

    @Test func aVariantThatChangesTheCatalogueChecksTheProjectsAgainWithTheirPlaces() {
        let loader = Self.loader()
        #expect(L.lines(loader.load("/s/main.yaml")) == [])
        // P01's unit is on line 27 of main.yaml at column 15; P02's in more.yaml, whose tree was dropped once
        // read, on line 8 at column 71.
        let expected = [
            "main.yaml:27:15: error: projects[P01].demands[D1].unit: unit 'm3' differs from category 'concrete' "
                + "unit 't'",
            "more.yaml:8:71: error: projects[P02].demands[D1].unit: unit 'm3' differs from category 'concrete' "
                + "unit 't'",
        ]
        #expect(L.lines(loader.load("/s/main.yaml", variant: "tonnes")) == expected)
        #expect(L.lines(loader.load("/s/main.yaml", variant: "deduction")) == [])
        #expect(L.lines(loader.load("/s/main.yaml", variant: "tonnes")) == expected)
    }

    @Test func aDuplicateAcrossIncludedFilesIsPlacedInBothUnderEveryLoad() {
        // P02 again in `again.yaml`, included after more.yaml: the second definition is the error, the first
        // its "first defined at" (the item's mapping starts at column 5 of line 2 in both).
        let main = Self.main.replacingOccurrences(
            of: "includes: [more.yaml]",
            with: "includes: [more.yaml, again.yaml]"
        )
        let loader = Self.loader(["/s/main.yaml": main, "/s/more.yaml": Self.more, "/s/again.yaml": Self.more])
        let expected = [
            "again.yaml:2:5: error: projects[P02]: duplicate project id 'P02' (first defined at more.yaml:2:5); "
                + "ids must be unique"
        ]
        for variant in [nil, "deduction", "region", nil] as [String?] {
            #expect(L.lines(loader.load("/s/main.yaml", variant: variant)) == expected, "variant \(variant ?? "none")")
        }
    }
}
