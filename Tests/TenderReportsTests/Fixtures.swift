import Foundation
import ScenarioFormat
import TenderEngine
import TenderModel

@testable import TenderReports

/// Bundled and inline scenarios, run in-process, as the views the renderers read.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The run document of a bundled scenario, decoded again from its JSON as `tender report` reads it.
    static func view(_ name: String, variant: String? = nil) throws -> RunView {
        let path = root.appendingPathComponent("Scenarios/\(name)").path
        return try view(loading: ScenarioLoader().load(path, variant: variant))
    }

    /// The run of a scenario written inline.
    static func view(yaml: String) throws -> RunView {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tender-export-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("scenario.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return try view(loading: ScenarioLoader().load(file.path))
    }

    static func view(loading result: LoadResult) throws -> RunView {
        guard let scenario = result.scenario else {
            throw FixtureError(description: result.errors.map(\.description).joined(separator: "\n"))
        }
        let json = try JSONReport.render(TenderRun.run(scenario), scenario: scenario)
        guard case .run(let view) = try ResultDocument.read(Data(json.utf8)) else {
            throw FixtureError(description: "not a run document")
        }
        return view
    }

    /// The run JSON of a bundled scenario without the fields added for reports (`context`, `contractByStar`, the
    /// lines' project and delivery, the bids' declaration and submission time): what an older `tender` wrote.
    static func legacyJSON(_ name: String) throws -> Data {
        let added: Set<String> = [
            "context", "contractByStar", "project", "deliveryFrom", "deliveryTo", "declaration", "consortiumShare",
            "submittedAt", "category", "projects", "projectPurchases",
        ]
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { key, _ in
                    switch key {
                    case "category": return object["spec"] != nil  // lines keep theirs; excluded lines lose it
                    case "contractByStar": return object["audit"] == nil  // totals keep theirs; lots lose it
                    default: return !added.contains(key)
                    }
                }
                .mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let view = try view(name)
        let json = try JSONEncoder().encode(view.document)
        return try JSONSerialization.data(withJSONObject: strip(try JSONSerialization.jsonObject(with: json)))
    }

    /// Every bundled scenario file name.
    static var bundled: [String] {
        let directory = root.appendingPathComponent("Scenarios").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// A small scenario whose names try to break out of HTML, CSV and JSON.
    static let hostile = """
        meta:
          name: "<script>alert('x')</script> & \\"quoted\\", comma"
          region: "区域 <b>"
          fiscal-year: 2023
          bid-date: 2023-06-30
        catalogue:
          - { id: board, name: "板材, \\"A\\" <i>", unit: m2 }
        projects:
          - id: P01
            name: "项目\\n第二行"
            type: school
            budget: 5000000
            demands:
              - { id: D1, category: board, spec: "x,y", quantity: 1000, unit: m2, delivery: { from: 2023-07-01, to: 2023-08-01 }, ceiling-unit-price: 2000 }
        suppliers:
          - { id: S1, name: "</td><script>", size: small, offers: { board: { brand: b1, certificate: { star: 2, valid-until: 2027-01-01 } } } }
          - { id: S2, name: "Two, \\"Inc\\"", size: large, offers: { board: { brand: b2, certificate: { star: 3, valid-until: 2027-01-01 } } } }
          - { id: S3, name: "Three", size: medium, offers: { board: { brand: b3 } } }
          - { id: S4, name: "Four", size: micro, offers: { board: { brand: b4, certificate: { star: 1, valid-until: 2027-01-01 } } } }
        bids:
          - { lot: board, bidder: S1, price: 1800000 }
          - { lot: board, bidder: S2, price: 1750000 }
          - { lot: board, bidder: S3, price: 1600000 }
          - { lot: board, bidder: S4, price: 1900000 }
        policy:
          thresholds: { open-tender-goods: 1000000 }
          evaluation: { method: lowest-price }
        """
}

extension Fixtures {
    /// A scenario whose only demand line is below the decentralised limit: no lot, no bid.
    static let noLots = """
        meta: { name: "空 empty", region: x, fiscal-year: 2023, bid-date: 2023-06-30 }
        catalogue:
          - { id: board, name: 板材, unit: m2 }
        projects:
          - id: P01
            name: 项目
            type: school
            budget: 5000000
            demands:
              - { id: D1, category: board, spec: x, quantity: 10, unit: m2, delivery: { from: 2023-07-01, to: 2023-08-01 }, ceiling-unit-price: 20 }
        suppliers:
          - { id: S1, name: One, size: small, offers: { board: { brand: b1, cost: { fixed: 10 } } } }
        policy:
          evaluation: { method: lowest-price }
        """
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
}
