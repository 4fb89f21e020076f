import ExactNumbers
import Foundation
import ScenarioFormat
import TenderModel
import Testing

/// A variant is an overlay on the parsed files: the sections it does not touch are read once per loader and
/// shared, the ones it touches are read again from its overlay, and diagnostics keep their places either way.
@Suite struct VariantOverlayTests {
    typealias L = LoaderFixtures

    /// The main file of `L.valid` including `more.yaml`, with variants that touch an included project and
    /// supplier, the main file's supplier, and only the policy.
    private static let main = L.valid
        .replacingOccurrences(of: "catalogue:\n", with: "includes: [more.yaml]\ncatalogue:\n")
        .replacingOccurrences(
            of: "variants:\n",
            with: """
                variants:
                  included:
                    description: an included project and supplier
                    set:
                      projects[P02].demands[D1].quantity: 250
                      suppliers[S02].participation: 40%
                  main-project:
                    description: the main file's project
                    set:
                      projects[P01].budget: 80000000
                  rename:
                    description: a key of the included project, next to the line with a problem
                    set:
                      projects[P02].name: 中学
                  policy-only:
                    description: the policy alone
                    set:
                      policy.sme.deduction: 15%

                """
        )

    /// `more.yaml` with `targetStar` on its line 6 (`    target-star: ` is 17 characters: the value is at
    /// column 18).
    private static func more(targetStar: String) -> String {
        """
        projects:
          - id: P02
            name: 学校
            type: school
            budget: 900000
            target-star: \(targetStar)
            demands:
              - { id: D1, category: concrete, spec: C30, quantity: 100, unit: m3, delivery: { from: 2023-07-01, to: 2023-10-31 }, ceiling-unit-price: 480 }
        suppliers:
          - id: S02
            name: 二号
            size: small
            offers:
              concrete:
                brand: er
                certificate: { star: 2, valid-until: 2026-12-31 }
                capacity: 1000
                cost: { uniform: { low: 380, high: 440 } }
        """
    }

    private static func loader(targetStar: String) -> ScenarioLoader {
        let files = ["/s/main.yaml": Array(main.utf8), "/s/more.yaml": Array(more(targetStar: targetStar).utf8)]
        return ScenarioLoader { path in
            guard let bytes = files[path] else { throw CocoaError(.fileNoSuchFile) }
            return bytes
        }
    }

    @Test func aVariantSeesItsOverridesOfIncludedProjectsAndSuppliers() throws {
        let loader = Self.loader(targetStar: "2")
        let base = try #require(loader.load("/s/main.yaml").scenario)
        let policyOnly = try #require(loader.load("/s/main.yaml", variant: "policy-only").scenario)
        let included = try #require(loader.load("/s/main.yaml", variant: "included").scenario)
        let mainProject = try #require(loader.load("/s/main.yaml", variant: "main-project").scenario)
        let again = try #require(loader.load("/s/main.yaml").scenario)

        func quantity(_ s: Scenario) -> Exact? { s.projects.first { $0.id == "P02" }?.demands.first?.quantity }
        func participation(_ s: Scenario) -> Exact? { s.suppliers.first { $0.id == "S02" }?.participation }
        func budget(_ s: Scenario) -> Exact? { s.projects.first { $0.id == "P01" }?.budget }

        // The included file's project and supplier as written: 100 m3, participation 1 (the default).
        #expect(quantity(base) == Exact(100) && participation(base) == .one)
        #expect(quantity(included) == Exact(250))
        #expect(participation(included) == Exact("40%"))
        // The main file's project: 90,000,000 as written, 80,000,000 under main-project only.
        #expect(budget(base) == Exact(90_000_000) && budget(included) == Exact(90_000_000))
        #expect(budget(mainProject) == Exact(80_000_000))
        // A variant that touches only the policy reads the same projects and suppliers as the base.
        #expect(policyOnly.projects == base.projects && policyOnly.suppliers == base.suppliers)
        #expect(policyOnly.policy.sme.deduction == Exact("15%"))
        // No variant leaks into a later load.
        #expect(again.projects == base.projects && again.suppliers == base.suppliers)
        #expect(again.policy == base.policy)
    }

    @Test func aProblemInAnIncludedFileKeepsItsPlaceUnderEveryVariant() {
        // A warning (the scenario stays valid) and an error, on line 6, column 18 of more.yaml.
        let cases = [
            (
                "1",
                "more.yaml:6:18: warning: projects[P02].target-star: pilot buildings are two-star (二星级) or higher "
                    + "green buildings; found 1"
            ),
            ("5", "more.yaml:6:18: error: projects[P02].target-star: expected a whole number from 1 to 3, found 5"),
        ]
        for (value, expected) in cases {
            let loader = Self.loader(targetStar: value)
            // The base, a variant that leaves more.yaml alone (read once and shared), one that changes another
            // key of the same project (more.yaml read again from the overlay), and one that changes its lines.
            for variant in [nil, "policy-only", "rename", "included", "policy-only", nil] as [String?] {
                let lines = L.lines(loader.load("/s/main.yaml", variant: variant))
                #expect(lines == [expected], "variant \(variant ?? "none")")
            }
        }
    }

    @Test func aBadOverrideOfAnIncludedLineIsReportedAtTheOverride() {
        // The override is 4 lines below `variants:`; `      projects[P02].demands[D1].quantity: ` is 6 + 36
        // characters, so its value is at column 43. The error is about the value the variant wrote: it is
        // reported there, not in more.yaml.
        let main = Self.main.replacingOccurrences(
            of: "variants:\n",
            with: "variants:\n  bad:\n    description: a negative quantity\n    set:\n"
                + "      projects[P02].demands[D1].quantity: -5\n"
        )
        let files = ["/s/main.yaml": Array(main.utf8), "/s/more.yaml": Array(Self.more(targetStar: "2").utf8)]
        let loader = ScenarioLoader { path in
            guard let bytes = files[path] else { throw CocoaError(.fileNoSuchFile) }
            return bytes
        }
        #expect(L.lines(loader.load("/s/main.yaml")) == [])
        let variantsLine =
            main.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex(of: "variants:")! + 1
        #expect(
            L.lines(loader.load("/s/main.yaml", variant: "bad")) == [
                "main.yaml:\(variantsLine + 4):43: error: projects[P02].demands[D1].quantity: expected a positive "
                    + "quantity, found -5"
            ]
        )
        #expect(L.lines(loader.load("/s/main.yaml", variant: "policy-only")) == [])
    }
}
