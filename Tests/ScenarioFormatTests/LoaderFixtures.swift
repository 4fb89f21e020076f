import Foundation
import ScenarioFormat

/// Loads scenarios from memory: a file name → text table stands in for the disk.
struct MemoryFiles: Sendable {
    var files: [String: [UInt8]]

    init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    init(bytes: [String: [UInt8]]) {
        self.files = bytes
    }

    func load(_ path: String = "/s/main.yaml", variant: String? = nil) -> LoadResult {
        let files = self.files
        let loader = ScenarioLoader { path in
            guard let bytes = files[path] else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no such file"])
            }
            return bytes
        }
        return loader.load(path, variant: variant)
    }
}

/// A small valid scenario to mutate.
enum LoaderFixtures {
    static let valid = """
        meta:
          name: 测试 test
          fiscal-year: 2023
          bid-date: 2023-06-30
          seed: 7
        catalogue:
          - id: concrete
            name: 预拌混凝土
            unit: m3
            reference-price: 420
            clauses:
              - id: C-1
                text: 二星认证
                certificate: { min-star: 2 }
        projects:
          - id: P01
            name: 医院
            type: hospital
            budget: 90000000
            demands:
              - id: D1
                category: concrete
                spec: C30
                quantity: 12000
                unit: m3
                delivery: { from: 2023-07-01, to: 2023-10-31 }
                ceiling-unit-price: 480.00
        suppliers:
          - id: S01
            name: 庆建
            size: large
            participation: 90%
            offers:
              concrete:
                brand: qj
                certificate: { star: 2, valid-until: 2026-12-31 }
                capacity: 40000
                cost: { uniform: { low: 380, high: 440 } }
        policy:
          sme: { deduction: 10% }
          evaluation:
            price-points: 40
            criteria:
              - { id: star, name: 星级, points: 60, attribute: star, bands: [{ min: 3, points: 60 }, { min: 2, points: 40 }] }
        variants:
          d20:
            description: twenty percent
            set:
              policy.sme.deduction: 20%
              suppliers[S01].participation: 50%
        """

    /// The diagnostics as printed, without the directory.
    static func lines(_ result: LoadResult) -> [String] {
        result.diagnostics.map { $0.description.replacingOccurrences(of: "/s/", with: "") }
    }
}
