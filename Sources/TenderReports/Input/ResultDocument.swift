import Foundation
import TenderSimulation

/// A result file `tender report` and `tender export` read, recognised from its bytes: the run document of
/// `tender run --format json`, or the `tender-simulation`, `tender-comparison` and `tender-sweep` documents of
/// `simulate`, `compare` and `sweep --format json` (Docs/simulation.md). A sweep database is read by the
/// command line into a ``SweepDocument``.
package enum ResultDocument: Sendable {
    case run(RunView)
    case simulation(SimulationDocument)
    case comparison(ComparisonDocument)
    case sweep(SweepDocument)

    /// What the document is, for messages: `a run`, `a simulation summary`, …
    package var kind: String {
        switch self {
        case .run: return "a run"
        case .simulation: return "a simulation summary"
        case .comparison: return "a comparison"
        case .sweep: return "a sweep"
        }
    }

    package enum Failure: Error, CustomStringConvertible, Equatable {
        case notJSON(String)
        case sweepDatabase
        case unknownKind(keys: [String])
        case invalid(String)

        package var description: String {
            switch self {
            case .notJSON(let detail):
                return "not a JSON result: \(detail)"
            case .sweepDatabase:
                return "a sweep database (SQLite): reports of sweeps are not supported by this version yet; "
                    + "export the sweep's runs as JSON and report those"
            case .unknownKind(let keys):
                return "not a result tender knows (top-level keys: \(keys.joined(separator: ", "))); expected the "
                    + "output of 'tender run --format json' (keys scenario, plan, lots, totals) or of simulate, "
                    + "compare or sweep --format json (schema tender-simulation, tender-comparison, tender-sweep)"
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
            default:
                guard ["plan", "lots", "totals"].allSatisfy({ top[$0] != nil }) else {
                    throw Failure.unknownKind(keys: top.keys.sorted())
                }
                return .run(RunView(try JSONReport.decode(data)))
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .invalid(Self.describe(error))
        }
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
