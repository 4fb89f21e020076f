/// The CSV tables of a `tender-equilibrium` document (Docs/reports-and-exports.md): `classes.csv`, one row per
/// class of each solved lot (a refused lot has one row with its reason), and `bid-functions.csv`, one row per
/// grid point of each class's bid function. Numbers in their shortest round-trip form, as in the JSON;
/// probabilities, shares and markups as fractions of 1.
enum EquilibriumTables {
    static func classes(_ document: EquilibriumDocument) -> CSVTable {
        var table = CSVTable(header: [
            "lot", "class", "suppliers", "refused", "converged", "iterations", "expected_bidders",
            "entry_probability", "expected_profit", "preparation_cost", "win_probability", "largest_gain",
            "largest_gain_share", "sizes", "deduction", "technical_points", "bids_by", "participation",
        ])
        let number = SimulationTables.number
        for lot in document.lots {
            if let refused = lot.refused {
                table.append([lot.lot, "", "", refused, "", "", "", "", "", "", "", "", "", "", "", "", "", ""])
                continue
            }
            for c in lot.classes ?? [] {
                table.append([
                    lot.lot, c.id, c.members.joined(separator: " "), "", lot.converged == true ? "yes" : "no",
                    String(lot.iterations ?? 0), number(lot.expectedBidders), number(c.entry),
                    number(c.expectedProfit), number(c.preparationCost), number(c.winProbability),
                    number(c.largestGain), number(c.largestGainShare),
                    (c.sizes ?? []).map(\.code).joined(separator: " "), number(c.deduction), number(c.technicalPoints),
                    c.bidsBy?.code ?? "", number(c.participation),
                ])
            }
        }
        return table
    }

    static func bidFunctions(_ document: EquilibriumDocument) -> CSVTable {
        var table = CSVTable(header: ["lot", "class", "cost", "bid", "markup"])
        let number = SimulationTables.number
        for lot in document.solved {
            for c in lot.classes ?? [] {
                for i in c.costs.indices {
                    table.append([lot.lot, c.id, number(c.costs[i]), number(c.bids[i]), number(c.markup(i))])
                }
            }
        }
        return table
    }
}
