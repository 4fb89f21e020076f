import TenderModel
import TenderSimulation

/// What an output was made from and by: the tool's version, the scenario and the SHA-256 digest of its files,
/// the seed, the variant, and which replication(s) — read from the result document that carries them, so the
/// HTML footers (run, simulation, comparison, sweep, 评标报告) and the CSV sidecar `about.csv` say the same.
///
/// A document written before a field was recorded (an old run JSON has no `toolVersion` or `digest`) says
/// "not recorded" rather than guessing.
package struct Provenance: Sendable, Equatable {
    /// The version of tender that computed the result, nil when the document does not record it.
    package var toolVersion: String?
    /// The scenario's name (`meta.name`).
    package var scenario: String
    /// SHA-256 of the scenario file and its includes (Docs/simulation.md), nil when not recorded.
    package var digest: String?
    package var seed: String
    /// The variants, `base` for the scenario as written: one, or a comparison's several.
    package var variants: [String]
    /// A run's replication number.
    package var replication: Int?
    /// Replications of a simulation (of each variant, of each cell).
    package var replications: Int?
    /// A sweep's cells.
    package var cells: Int?

    package init(
        toolVersion: String?,
        scenario: String,
        digest: String?,
        seed: String,
        variants: [String],
        replication: Int? = nil,
        replications: Int? = nil,
        cells: Int? = nil
    ) {
        self.toolVersion = toolVersion
        self.scenario = scenario
        self.digest = digest
        self.seed = seed
        self.variants = variants
        self.replication = replication
        self.replications = replications
        self.cells = cells
    }

    /// A run computed now by this tool (`tender run --out`).
    package init(scenario: Scenario, replication: Int, digest: String?) {
        self.init(
            toolVersion: ToolVersion.current,
            scenario: scenario.meta.name,
            digest: digest,
            seed: String(scenario.meta.seed),
            variants: [scenario.variant ?? "base"],
            replication: replication
        )
    }

    /// The provenance a result document records.
    package init(_ document: ResultDocument) {
        switch document {
        case .run(let view):
            let d = view.document
            self.init(
                toolVersion: d.toolVersion,
                scenario: d.scenario,
                digest: d.digest,
                seed: d.seed,
                variants: [d.variant ?? "base"],
                replication: d.replication
            )
        case .simulation(let s):
            self.init(simulation: s)
        case .comparison(let c):
            let first = c.simulations.first
            self.init(
                toolVersion: c.toolVersion,
                scenario: first?.scenario ?? "",
                digest: first?.digest,
                seed: first.map { String($0.seed) } ?? "",
                variants: c.variants,
                replications: first?.replications
            )
        case .sweep(let sweep):
            let first = sweep.cells.first?.simulation
            self.init(
                toolVersion: sweep.toolVersion,
                scenario: first?.scenario ?? "",
                digest: first?.digest,
                seed: first.map { String($0.seed) } ?? "",
                variants: [first?.variant ?? "base"],
                replications: first?.replications,
                cells: sweep.cells.count
            )
        case .equilibrium(let e):
            self.init(
                toolVersion: e.toolVersion,
                scenario: e.scenario,
                digest: e.digest,
                seed: String(e.seed),
                variants: [e.variant ?? "base"]
            )
        }
    }

    /// The provenance a simulation document records (also of `simulate --records`, beside its file).
    package init(simulation s: SimulationDocument) {
        self.init(
            toolVersion: s.toolVersion,
            scenario: s.scenario,
            digest: s.digest,
            seed: String(s.seed),
            variants: [s.variant ?? "base"],
            replications: s.replicationsFolded ?? s.replications
        )
    }

    /// The footer line of the HTML reports, in Chinese and English:
    /// `tender 0.4.0 · 场景 scenario「…」 · 场景文件摘要 digest SHA-256 44e4… · 随机种子 seed 7 · 方案 variant base · …`.
    package var footer: String {
        var parts = [
            "tender " + (toolVersion ?? "（版本未记录 version not recorded）"),
            "场景 scenario「\(scenario)」",
            "场景文件摘要 digest " + (digest.map { "SHA-256 \($0)" } ?? "（未记录 not recorded）"),
            "随机种子 seed \(seed)",
            (variants.count == 1 ? "方案 variant " : "方案 variants ") + variants.joined(separator: ", "),
        ]
        if let replication { parts.append("第 \(replication) 次重复 replication \(replication)") }
        if let replications {
            parts.append(
                (cells == nil && variants.count == 1 ? "重复 replications " : "每组重复 replications each ")
                    + String(replications)
            )
        }
        if let cells { parts.append("网格单元 cells \(cells)") }
        return parts.joined(separator: " · ")
    }

    /// The same facts in Chinese alone, for the 评标报告.
    package var chineseFooter: String {
        var parts = [
            "工具版本 tender " + (toolVersion ?? "（未记录）"),
            "场景「\(scenario)」",
            "方案 " + variants.joined(separator: "、"),
            "随机种子 \(seed)",
        ]
        if let replication { parts.append("第 \(replication) 次重复") }
        parts.append("场景文件摘要 " + (digest.map { "SHA-256 \($0)" } ?? "（未记录）"))
        return parts.joined(separator: "；")
    }

    /// `about.csv`: one row per fact, `field` (the name), `value`; absent facts are left out, unrecorded ones
    /// are empty.
    package var table: CSVTable {
        var table = CSVTable(header: ["field", "value"])
        table.append(["tool", "tender"])
        table.append(["tool_version", toolVersion ?? ""])
        table.append(["scenario", scenario])
        table.append(["digest", digest ?? ""])
        table.append(["seed", seed])
        table.append(["variant", variants.joined(separator: ";")])
        if let replication { table.append(["replication", String(replication)]) }
        if let replications { table.append(["replications", String(replications)]) }
        if let cells { table.append(["cells", String(cells)]) }
        return table
    }
}
