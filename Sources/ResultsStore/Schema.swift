import GRDB
import TenderSimulation

/// The tables of a results database (documented with example queries in `Docs/simulation.md`).
enum Schema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE cells (
                        id INTEGER PRIMARY KEY,
                        digest TEXT NOT NULL,
                        variant TEXT NOT NULL,
                        parameters TEXT NOT NULL,
                        seed TEXT NOT NULL,
                        replications INTEGER NOT NULL,
                        shard TEXT NOT NULL,
                        cell_index INTEGER NOT NULL,
                        file TEXT NOT NULL,
                        scenario TEXT NOT NULL,
                        lots TEXT NOT NULL,
                        tool_version TEXT NOT NULL,
                        UNIQUE (digest, variant, parameters, seed, replications)
                    );
                    CREATE TABLE cell_parameters (
                        cell_id INTEGER NOT NULL REFERENCES cells(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        path TEXT NOT NULL,
                        value TEXT NOT NULL,
                        PRIMARY KEY (cell_id, path)
                    );
                    CREATE TABLE simulations (
                        id INTEGER PRIMARY KEY,
                        digest TEXT NOT NULL,
                        variant TEXT NOT NULL,
                        seed TEXT NOT NULL,
                        replications INTEGER NOT NULL,
                        shards INTEGER NOT NULL,
                        file TEXT NOT NULL,
                        scenario TEXT NOT NULL,
                        lots TEXT NOT NULL,
                        metric_names TEXT NOT NULL,
                        tool_version TEXT NOT NULL,
                        UNIQUE (digest, variant, seed, replications, shards)
                    );
                    CREATE TABLE simulation_shards (
                        simulation_id INTEGER NOT NULL REFERENCES simulations(id) ON DELETE CASCADE,
                        shard INTEGER NOT NULL,
                        complete INTEGER NOT NULL DEFAULT 0,
                        PRIMARY KEY (simulation_id, shard)
                    );
                    CREATE TABLE replication_records (
                        simulation_id INTEGER NOT NULL REFERENCES simulations(id) ON DELETE CASCADE,
                        replication INTEGER NOT NULL,
                        value_bits BLOB NOT NULL,
                        exact TEXT NOT NULL,
                        PRIMARY KEY (simulation_id, replication)
                    ) WITHOUT ROWID;
                    """
            )
            for (table, owner) in [
                ("cell_metrics", "cell_id REFERENCES cells(id)"),
                ("simulation_metrics", "simulation_id REFERENCES simulations(id)"),
            ] {
                let key = owner.prefix { $0 != " " }
                try db.execute(
                    sql: """
                        CREATE TABLE \(table) (
                            \(owner) ON DELETE CASCADE NOT NULL,
                            position INTEGER NOT NULL,
                            metric TEXT NOT NULL,
                            kind TEXT NOT NULL,
                            description TEXT NOT NULL,
                            n INTEGER NOT NULL,
                            undefined INTEGER NOT NULL,
                            mean REAL,
                            sd REAL,
                            se REAL,
                            ci_low REAL,
                            ci_high REAL,
                            p5 REAL,
                            p50 REAL,
                            p95 REAL,
                            min REAL,
                            max REAL,
                            total TEXT,
                            quantiles TEXT NOT NULL,
                            PRIMARY KEY (\(key), metric)
                        )
                        """
                )
            }
            try db.execute(
                sql: """
                    CREATE VIEW cell_summary AS
                        SELECT c.id AS cell_id, c.cell_index, c.parameters, c.variant, c.seed, c.replications,
                               m.metric, m.kind, m.n, m.mean, m.ci_low, m.ci_high, m.sd, m.p5, m.p50, m.p95, m.total
                        FROM cells c JOIN cell_metrics m ON m.cell_id = c.id;
                    """
            )
        }
        // v2: each grid value also as a number, so that cells can be selected by value (`WHERE number > 0.15`):
        // `exact` is the exact decimal text (`10%` → `0.1`; a fraction `a/b` where the decimal does not end),
        // `number` the same as a REAL for comparisons; both NULL for a value that is not a number. Rows of a v1
        // database are filled in from their text when it is opened for writing (sweep, simulate --db, merge).
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    ALTER TABLE cell_parameters ADD COLUMN exact TEXT;
                    ALTER TABLE cell_parameters ADD COLUMN number REAL;
                    """
            )
            let rows = try Row.fetchAll(db, sql: "SELECT cell_id, path, value FROM cell_parameters")
            for row in rows {
                let parameter = GridValue(path: row["path"], value: row["value"])
                guard let number = parameter.number else { continue }
                try db.execute(
                    sql: "UPDATE cell_parameters SET exact = ?, number = ? WHERE cell_id = ? AND path = ?",
                    arguments: [
                        number.description, ExactConversion.double(number), row["cell_id"] as Int64, parameter.path,
                    ]
                )
            }
        }
        return migrator
    }
}
