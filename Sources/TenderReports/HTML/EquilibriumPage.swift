import TenderModel

/// `tender report` of a `tender-equilibrium` document: per lot, the markup of each class of alike suppliers
/// against its cost as a chart, the classes' entry, expected profit and win probability, the convergence
/// figures — an unconverged lot said so first, in a warning — and the bid table of each class.
package enum EquilibriumPage {
    package static func html(_ document: EquilibriumDocument) -> String {
        let solved = document.solved
        let converged = solved.filter { $0.converged == true }.count
        let bidders = solved.reduce(0.0) { $0 + ($1.expectedBidders ?? 0) }
        let worst = solved.map { $0.largestGainShare ?? .infinity }.max()
        var figures: [(label: Label, value: String, detail: String)] = [
            (
                Label("已求解的包", "lots solved"), "\(solved.count) / \(document.lots.count)",
                document.lots.count == solved.count ? "every lot's rule is supported" : "the others are refused below"
            ),
            (
                Label("收敛", "converged"), "\(converged) / \(solved.count)",
                "no class gains more than \(percent(document.tolerance)) of its expected profit by deviating"
            ),
            (
                Label("预期投标人数", "expected bidders"), number(bidders),
                "summed over the solved lots, entry probabilities included"
            ),
        ]
        if let worst {
            figures.append(
                (
                    Label("最大偏离收益", "largest deviation gain"), share(worst),
                    "of expected profit, the worst class of any lot"
                )
            )
        }
        var sections: [ReportPage.Section] = []
        for lot in document.lots {
            sections.append(
                ReportPage.Section(
                    id: "lot-" + anchor(lot.lot),
                    title: Label("包 \(lot.lot)", "Lot \(lot.lot)"),
                    html: lotHTML(lot, tolerance: document.tolerance)
                )
            )
        }
        var facts = ["seed \(document.seed)", "variant \(document.variant ?? "base")", "grid \(document.grid) points"]
        facts.append("tolerance \(percent(document.tolerance))")
        if let cost = document.preparationCost { facts.append("preparation cost \(MarkupChart.amount(cost)) yuan") }
        let provenance = Provenance(
            toolVersion: document.toolVersion,
            scenario: document.scenario,
            digest: document.digest,
            seed: String(document.seed),
            variants: [document.variant ?? "base"]
        )
        return ReportPage(
            kicker: Label("均衡报价与进入", "Equilibrium bids and entry"),
            title: document.scenario,
            facts: facts,
            figures: figures,
            sections: sections,
            footer: [provenance.footer]
        ).rendered()
    }

    static func lotHTML(_ lot: EquilibriumDocument.Lot, tolerance: Double) -> String {
        if let refused = lot.refused {
            return "<p class=\"callout warning\">Not solved: \(HTML.escape(refused)).</p>\n"
        }
        let classes = lot.classes ?? []
        var html = ""
        let status =
            "\(lot.method ?? "") win probability, \(lot.approach ?? "") approach, \(lot.iterations ?? 0) iterations; "
            + "largest gain from a deviation "
            + "\(MarkupChart.amount(lot.largestGain ?? 0)) yuan (\(share(lot.largestGainShare)) of expected profit)"
        if lot.converged == true {
            html += "<p class=\"callout\">Converged: \(HTML.escape(status)).</p>\n"
        } else {
            html +=
                "<p class=\"callout warning\"><strong>Not converged</strong> — some class can still gain more than "
                + "\(percent(tolerance)) of its expected profit by bidding otherwise, so these bid functions are not "
                + "an equilibrium: \(HTML.escape(status)).</p>\n"
        }
        html += "<figure><figcaption>加价率与成本 Markup against cost"
        html += "<small>Markup = bid / cost − 1 at each cost of the class's grid; expected bidders "
        html += "\(number(lot.expectedBidders ?? 0)).</small></figcaption>"
        // The chart shows the solved bid functions; the rivals that bid by their declared behaviour are in the
        // table only.
        var solvedClasses = lot
        solvedClasses.classes = classes.filter(\.isStrategic)
        html += MarkupChart(solvedClasses).svg() + "</figure>\n"
        if classes.contains(where: { !$0.isStrategic }) {
            html +=
                "<p>Classes described as <em>rival bidding …</em> bid by their declared behaviour "
                + "(<code>policy.equilibrium.bidders: declared</code>): the solve takes their bids as given and does "
                + "not solve them, so they have no entry probability, preparation cost or deviation gain and are not "
                + "in the chart; their expected profit and win probability are those they get against the solved "
                + "bids.</p>\n"
        }
        html += HTML.table(
            [
                HTML.Column("类", "class"), HTML.Column("供应商", "suppliers"),
                HTML.Column("类的定义", "what defines it"), HTML.Column("成本范围", "cost grid", numeric: true),
                HTML.Column("进入概率", "entry probability", numeric: true),
                HTML.Column("预期利润", "expected profit", numeric: true),
                HTML.Column("准备成本", "preparation cost", numeric: true),
                HTML.Column("中标概率", "win probability", numeric: true),
                HTML.Column("最大偏离收益", "largest deviation gain", numeric: true),
            ],
            classes.map { c in
                [
                    HTML.Cell(c.id), HTML.Cell(c.members.joined(separator: ", ")),
                    HTML.Cell(c.definition(preparationCost: false)),
                    .number("\(MarkupChart.amount(c.costs.first ?? 0))–\(MarkupChart.amount(c.costs.last ?? 0))"),
                    .number(c.isStrategic ? probability(c.entry) : "–"),
                    .number(MarkupChart.amount(c.expectedProfit)),
                    .number(c.isStrategic ? MarkupChart.amount(c.preparationCost) : "–"),
                    .number(probability(c.winProbability)),
                    .number(
                        c.isStrategic ? "\(MarkupChart.amount(c.largestGain)) (\(share(c.largestGainShare)))" : "–"
                    ),
                ]
            }
        )
        for c in classes where c.isStrategic {
            html += "<details><summary>Bids of class \(HTML.escape(c.id))</summary>"
            html += HTML.table(
                [
                    HTML.Column("成本", "cost", numeric: true), HTML.Column("报价", "bid", numeric: true),
                    HTML.Column("加价率", "markup", numeric: true),
                ],
                EquilibriumReport.rows(count: c.costs.count).map { i in
                    [
                        .number(MarkupChart.amount(c.costs[i])), .number(MarkupChart.amount(c.bids[i])),
                        .number(c.markup(i).map(ChartNumber.percent) ?? "–"),
                    ]
                }
            )
            html += "</details>\n"
        }
        return html
    }

    /// A lot id as an HTML id: letters, digits and `-` kept, others as `_`.
    static func anchor(_ id: String) -> String {
        String(id.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "_" })
    }

    static func percent(_ value: Double) -> String { ChartNumber.percent(value) }

    /// A gain share; `unbounded` when nil (the class expects no profit).
    static func share(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "unbounded" }
        return ChartNumber.percent(value)
    }

    static func probability(_ value: Double) -> String {
        guard let exact = StatisticText.exact(value) else { return "–" }
        return NumberFormat.trimmed(exact, places: 3)
    }

    static func number(_ value: Double) -> String {
        guard let exact = StatisticText.exact(value) else { return "–" }
        return NumberFormat.trimmed(exact, places: 2)
    }
}
