import ExactNumbers
import JSONOutput

/// The JSON documents of `tender simulate`, `compare` and `sweep` (schema in `Docs/simulation.md`): keys
/// sorted, numbers in `Double`'s shortest round-trip form. Written with `rendered(lineSeparators: .literal)`,
/// as they always have been.
public enum SimulationJSON {
    /// The schema version written in every document.
    public static let schemaVersion = 1

    /// One simulation; `shard` is written only for a part of a sharded simulation.
    package static func value(_ summary: SimulationSummary, shard: Shard = .whole) -> JSONValue {
        let id = summary.identity
        var object: [String: JSONValue] = [
            "schema": .string("tender-simulation"),
            "schemaVersion": .number(schemaVersion),
            "toolVersion": .string(ToolVersion.current),
            "file": .string(id.file),
            "scenario": .string(id.scenario),
            "variant": id.variant.map(JSONValue.string) ?? .null,
            "digest": .string(id.digest),
            "seed": .string(String(id.seed)),
            "replications": .number(id.replications),
            "replicationsFolded": .number(summary.replications),
            "parameters": .object(
                sortingKeys: Dictionary(uniqueKeysWithValues: id.parameters.map { ($0.path, .string($0.value)) })
            ),
            "lots": .array(summary.lots.map(JSONValue.string)),
            "metrics": .array(summary.metrics.map(metric)),
        ]
        if shard != .whole { object["shard"] = .string(shard.description) }
        return .object(sortingKeys: object)
    }

    package static func metric(_ m: MetricSummary) -> JSONValue {
        var object: [String: JSONValue] = [
            "name": .string(m.definition.name),
            "kind": .string(m.definition.kind.rawValue),
            "description": .string(m.definition.summary),
            "n": .number(m.count),
            "undefined": .number(m.undefined),
            "mean": .number(m.mean),
            "sd": .number(m.standardDeviation),
            "se": .number(m.standardError),
            "ci95": .array([.number(m.confidenceLow), .number(m.confidenceHigh)]),
            "p5": .number(m.p5),
            "p50": .number(m.p50),
            "p95": .number(m.p95),
            "min": .number(m.minimum),
            "max": .number(m.maximum),
            "quantiles": .string(m.quantilesExact ? "exact" : "p2"),
        ]
        if let total = m.total { object["total"] = .string(total.description) }
        return .object(sortingKeys: object)
    }

    /// A comparison: each variant's simulation, and the paired differences from the first.
    package static func value(_ comparison: ComparisonSummary) -> JSONValue {
        let differences = comparison.differences.enumerated().map { i, row -> JSONValue in
            .object(sortingKeys: [
                "variant": .string(comparison.names[i + 1]),
                "reference": .string(comparison.names[0]),
                "metrics": .array(
                    row.map { d in
                        .object(sortingKeys: [
                            "name": .string(d.definition.name),
                            "kind": .string(d.definition.kind.rawValue),
                            "scale": .string(d.scale.rawValue),
                            "n": .number(d.count),
                            "meanReference": .number(d.meanReference),
                            "meanVariant": .number(d.meanVariant),
                            "difference": .number(d.difference),
                            "se": .number(d.standardError),
                            "ci95": .array([.number(d.confidenceLow), .number(d.confidenceHigh)]),
                        ])
                    }
                ),
            ])
        }
        return .object(sortingKeys: [
            "schema": .string("tender-comparison"),
            "schemaVersion": .number(schemaVersion),
            "toolVersion": .string(ToolVersion.current),
            "variants": .array(comparison.names.map(JSONValue.string)),
            "simulations": .array(comparison.summaries.map { value($0) }),
            "differences": .array(differences),
        ])
    }

    /// Sweep cells, in grid order.
    package static func value(cells: [CellResult]) -> JSONValue {
        .object(sortingKeys: [
            "schema": .string("tender-sweep"),
            "schemaVersion": .number(schemaVersion),
            "toolVersion": .string(ToolVersion.current),
            "cells": .array(
                cells.map { cell in
                    .object(sortingKeys: ["index": .number(cell.index), "simulation": value(cell.summary)])
                }
            ),
        ])
    }
}
