import ExactNumbers
import Foundation
import TenderModel
import TenderSimulation

/// A result file `tender report` and `tender export` read, recognised from its bytes: the run document of
/// `tender run --format json`, the `tender-simulation`, `tender-comparison` and `tender-sweep` documents of
/// `simulate`, `compare` and `sweep --format json` (Docs/simulation.md), or the `tender-equilibrium` document of
/// `tender equilibrium --format json` (Docs/behaviour.md). A sweep database is read by the
/// command line into a ``SweepDocument``.
package enum ResultDocument: Sendable {
    case run(RunView)
    case simulation(SimulationDocument)
    case comparison(ComparisonDocument)
    case sweep(SweepDocument)
    case equilibrium(EquilibriumDocument)

    /// What the document is, for messages: `a run`, `a simulation summary`, …
    package var kind: String {
        switch self {
        case .run: return "a run"
        case .simulation: return "a simulation summary"
        case .comparison: return "a comparison"
        case .sweep: return "a sweep"
        case .equilibrium: return "an equilibrium solution"
        }
    }

    package enum Failure: Error, CustomStringConvertible, Equatable {
        case notJSON(String)
        case sweepDatabase
        case unknownKind(keys: [String])
        case invalid(String)

        /// One line: what the document holds is shown with control characters escaped.
        package var description: String { text.escapingControlCharacters }

        var text: String {
            switch self {
            case .notJSON(let detail):
                return "not a JSON result: \(detail)"
            case .sweepDatabase:
                return "a sweep database (SQLite): reports of sweeps are not supported by this version yet; "
                    + "export the sweep's runs as JSON and report those"
            case .unknownKind(let keys):
                return "not a result tender knows (top-level keys: \(keys.joined(separator: ", "))); expected the "
                    + "output of 'tender run --format json' (keys scenario, plan, lots, totals) or of simulate, "
                    + "compare, sweep or equilibrium --format json (schema tender-simulation, tender-comparison, "
                    + "tender-sweep, tender-equilibrium)"
            case .invalid(let detail):
                return "not a valid result: \(detail)"
            }
        }
    }

    /// Recognises and decodes `data`.
    package static func read(_ data: Data) throws(Failure) -> ResultDocument {
        if data.starts(with: Array("SQLite format 3\u{0}".utf8)) { throw .sweepDatabase }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .notJSON(Self.describe(error))
        }
        guard let top = object as? [String: Any] else { throw .notJSON("the top level is not an object") }
        do {
            switch top["schema"] as? String {
            case "tender-simulation": return .simulation(try JSONDecoder().decode(SimulationDocument.self, from: data))
            case "tender-comparison": return .comparison(try JSONDecoder().decode(ComparisonDocument.self, from: data))
            case "tender-sweep": return .sweep(try JSONDecoder().decode(SweepDocument.self, from: data))
            case EquilibriumDocument.schemaName:
                let document = try JSONDecoder().decode(EquilibriumDocument.self, from: data)
                try document.check()
                return .equilibrium(document)
            default:
                guard ["plan", "lots", "totals"].allSatisfy({ top[$0] != nil }) else {
                    throw Failure.unknownKind(keys: top.keys.sorted())
                }
                let run = try JSONReport.decode(data)
                try check(run)
                return .run(RunView(run))
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .invalid(Self.describe(error))
        }
    }

    /// What decoding alone lets through but no run writes, and renderers rely on: a result document is untrusted
    /// input. Lot ids are unique (in `plan.lots` and in `lots`); certificate stars are canonical non-negative
    /// integers (`"0"`, `"2"`; not `"+1"`, `"01"`, `"-1"`).
    static func check(_ run: RunDocument) throws(Failure) {
        func unique(_ ids: [String], _ field: String) throws(Failure) {
            var seen: [String: Int] = [:]
            for (index, id) in ids.enumerated() {
                if let first = seen[id] {
                    throw .invalid(
                        "\(field)[\(index)].id: \(quoted(id)) repeats \(field)[\(first)].id; expected each lot id once"
                    )
                }
                seen[id] = index
            }
        }
        func stars(_ byStar: [String: Exact]?, _ field: String) throws(Failure) {
            for key in (byStar ?? [:]).keys.sorted() where !isStar(key) {
                throw .invalid(
                    "\(field).contractByStar: key \(quoted(key)): expected a certificate star as a non-negative "
                        + "integer without sign or leading zeros (\"0\", \"1\", \"2\", \"3\")"
                )
            }
        }
        try unique(run.plan.lots.map(\.id), "plan.lots")
        try unique(run.lots.map(\.id), "lots")
        for (index, lot) in run.lots.enumerated() { try stars(lot.contractByStar, "lots[\(index)]") }
        try stars(run.totals.contractByStar, "totals")
    }

    /// `0`, or digits without a leading zero that fit an `Int`.
    static func isStar(_ key: String) -> Bool {
        guard let first = key.utf8.first, key.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return (key == "0" || first != 0x30) && Int(key) != nil
    }

    /// A value from the document in a message: quoted, control characters escaped, cut short at 40 characters.
    static func quoted(_ text: String) -> String {
        let cut = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "'\(cut.escapingControlCharacters)'"
    }

    /// A decoding error as `lots[2].bids[0].price: expected …`.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else {
            return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        }
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text.isEmpty ? "(top level)" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
