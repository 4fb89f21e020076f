import ExactNumbers
import TenderEngine
import TenderModel

/// 评标报告 as a printable HTML document in Chinese: per lot (`evaluation-<lot>.html`) and for the batch
/// (`evaluation.html`, a summary and then every lot's report, each from a new page). A4 print CSS, so that the
/// browser's print (or "save as PDF") gives the paper the committee signs.
///
/// Contents follow Order 87 Art 44: the method and criteria, the bidders and the opening record, the invalid
/// bids and their grounds, each bidder's score on each criterion as the rules record it (rounded to the policy's
/// places) with the exact values in an annex (附件), the ranking and the recommended candidates, a failure (废标)
/// with its reason, and a signature line for each member of the committee (`meta.committee`) with the date.
/// Every text is escaped; method, reason and status names are the codes' Chinese labels. Facts the engine
/// records in words (a rejection's detail, an audit note) are quoted as recorded.
package enum EvaluationReportPage {
    /// The report of one lot.
    /// `provenance`: the tool version, digest and replication for the footer (``Provenance``).
    package static func lot(_ outcome: LotOutcome, scenario: Scenario, provenance: Provenance? = nil) -> String {
        page(
            title: "评标报告",
            subtitle: "包号：\(outcome.lot.id)",
            scenario: scenario,
            provenance: provenance,
            body: lotReport(outcome, scenario: scenario, heading: nil)
        )
    }

    /// The report of the batch: every lot in one table, then each lot's report from a new page.
    package static func batch(_ outcomes: [LotOutcome], scenario: Scenario, provenance: Provenance? = nil) -> String {
        var body = summary(outcomes, scenario: scenario)
        for outcome in outcomes {
            body += "<div class=\"lot-report\">\n"
            body += lotReport(outcome, scenario: scenario, heading: "包 \(outcome.lot.id) 评标报告")
            body += "</div>\n"
        }
        return page(
            title: "评标报告（汇总）",
            subtitle: "共 \(outcomes.count) 个包",
            scenario: scenario,
            provenance: provenance,
            body: body
        )
    }

    // MARK: The page

    static func page(title: String, subtitle: String, scenario: Scenario, provenance: Provenance?, body: String)
        -> String
    {
        let variant = scenario.variant.map { "，方案 \($0)" } ?? ""
        let footer =
            HTML.escape("本报告由 tender 根据场景文件生成（\(scenario.meta.name)\(variant)，随机种子 \(scenario.meta.seed)）。")
            + (provenance.map { "<br>" + HTML.escape($0.chineseFooter + "。") } ?? "")
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="generator" content="tender">
            <title>\(HTML.escape(title)) — \(HTML.escape(scenario.meta.name)) — \(HTML.escape(subtitle))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>
            <main class="document">
            <header>
            <h1>\(HTML.escape(title))</h1>
            <p class="subtitle">\(HTML.escape(subtitle))</p>
            </header>
            \(body)<footer>\(footer)</footer>
            </main>
            </body>
            </html>

            """
    }

    /// The facts at the head of a report.
    static func facts(_ rows: [(String, String)]) -> String {
        var out = "<table class=\"facts\"><tbody>"
        for pair in stride(from: 0, to: rows.count, by: 2) {
            out += "<tr>"
            for (label, value) in rows[pair..<min(pair + 2, rows.count)] {
                out += "<th>\(HTML.escape(label))</th><td>\(HTML.escape(value))</td>"
            }
            if pair + 1 == rows.count { out += "<th></th><td></td>" }
            out += "</tr>"
        }
        return out + "</tbody></table>\n"
    }

    static func projectFacts(_ scenario: Scenario) -> [(String, String)] {
        [
            ("项目名称", scenario.meta.name),
            ("项目编号", scenario.meta.projectNumber ?? "（未填写）"),
            ("地区", scenario.meta.region.isEmpty ? "—" : scenario.meta.region),
            ("开标日期", date(scenario.meta.bidDate)),
        ]
    }

    // MARK: The batch

    static func summary(_ outcomes: [LotOutcome], scenario: Scenario) -> String {
        var ceiling = Exact.zero
        var contract = Exact.zero
        var failed = 0
        for outcome in outcomes {
            ceiling += outcome.lot.ceiling
            if let price = outcome.contractPrice { contract += price } else { failed += 1 }
        }
        var out = facts(
            projectFacts(scenario) + [
                ("包数", "\(outcomes.count) 个（中标 \(outcomes.count - failed) 个，废标 \(failed) 个）"),
                ("最高限价合计", yuan(ceiling)),
                ("中标金额合计", yuan(contract)),
                ("评标方法", scenario.policy.evaluation.method.label.zh),
            ]
        )
        out += "<h2>各包评标结果</h2>\n"
        let columns = [
            column("包号"), column("采购内容"), column("采购方式"), column("最高限价（元）", numeric: true),
            column("投标/有效", numeric: true), column("中标人"), column("中标价（元）", numeric: true), column("结果"),
        ]
        let rows = outcomes.map { outcome -> [HTML.Cell] in
            [
                HTML.Cell(outcome.lot.id, cssClass: "nowrap"),
                HTML.Cell(materials(outcome.lot, scenario), cssClass: "materials"),
                HTML.Cell(outcome.lot.method.label.zh, cssClass: "nowrap"),
                .number(TextLayout.amount(outcome.lot.ceiling)),
                .number("\(outcome.evaluations.count) / \(outcome.validCount)"),
                HTML.Cell(outcome.winner.map { name($0, scenario) } ?? "—", cssClass: "bidder"),
                .number(outcome.contractPrice.map { TextLayout.amount($0) } ?? "—"),
                HTML.Cell(outcome.failure.map { "废标：\($0.reason.label.zh)" } ?? "中标", cssClass: "result"),
            ]
        }
        out += HTML.table(columns, rows, cssClass: "grid summary")
        return out
    }

    // MARK: One lot

    static func lotReport(_ outcome: LotOutcome, scenario: Scenario, heading: String?) -> String {
        let lot = outcome.lot
        let evaluation = scenario.policy.evaluation.applied(to: outcome.lot.method)
        var out = heading.map { "<h1 class=\"lot-title\">\(HTML.escape($0))</h1>\n" } ?? ""
        out += facts(
            projectFacts(scenario) + [
                ("包号", lot.id),
                ("采购内容", materials(lot, scenario)),
                ("采购方式", lot.method.label.zh),
                ("评标方法", evaluation.method.label.zh),
                ("最高限价", yuan(lot.ceiling)),
                ("预留中小企业", lot.reservedForSME ? "是（专门面向中小企业）" : "否"),
            ]
        )
        out += section("一、评标方法和标准", method(outcome, scenario: scenario))
        out += section("二、投标人名单和开标记录", opening(outcome, scenario: scenario))
        out += section("三、无效投标及理由（资格性和符合性审查）", rejections(outcome, scenario: scenario))
        out += section("四、评审得分", scores(outcome, scenario: scenario))
        out += section("五、评标结果：排序和推荐的中标候选人", result(outcome, scenario: scenario))
        if !outcome.audit.isEmpty || outcome.auction != nil {
            var notes = ""
            if let auction = outcome.auction {
                let format = auction.framework != nil ? "框架协议" : lot.method == .reverseAuction ? "反向竞价" : "次价评审"
                notes += "<p>本包采用\(format)，过程记录（轮次、报价、订单）见 <code>tender run</code> 的文本和 Markdown 报告。</p>"
            }
            if !outcome.audit.isEmpty {
                notes += "<p class=\"note\">以下为评审过程记录（原文）：</p><ul>"
                notes += outcome.audit.map { "<li>\(HTML.escape($0))</li>" }.joined()
                notes += "</ul>"
            }
            out += section("六、其他需要说明的情况", notes)
        }
        out += signatures(scenario)
        out += annex(outcome, scenario: scenario)
        return out
    }

    /// 投标报价, or 最后报价 where the procedure evaluates final quotes (negotiation, consultation).
    static func priceHeading(_ lot: Lot) -> String {
        Procedure(lot.method).finalQuotes ? "最后报价（元）" : "投标报价（元）"
    }

    static func section(_ title: String, _ html: String) -> String {
        "<section>\n<h2>\(HTML.escape(title))</h2>\n\(html)\n</section>\n"
    }

    static func method(_ outcome: LotOutcome, scenario: Scenario) -> String {
        let evaluation = scenario.policy.evaluation.applied(to: outcome.lot.method)
        var items: [String] = ["评标方法：\(evaluation.method.label.zh)。"]
        if evaluation.method == .comprehensive {
            switch evaluation.priceFormula {
            case .lowPriceFirst:
                items.append(
                    "价格分（\(evaluation.pricePoints)分）采用低价优先法：以满足招标文件要求且评审价格最低的投标报价为评标基准价，"
                        + "价格分 = 评标基准价 ÷ 评审价格 × \(evaluation.pricePoints)。"
                )
            case .deviationFromAverage(let above, let below):
                items.append(
                    "价格分（\(evaluation.pricePoints)分）按偏离平均价计算：以有效投标评审价格的算术平均值为基准，"
                        + "每高于基准1%扣\(above)分，每低于基准1%扣\(below)分。"
                )
            }
            for c in evaluation.criteria { items.append("\(c.name)：\(c.points)分。") }
            items.append(
                "得分保留\(evaluation.rounding.places)位小数，\(modeName(evaluation.rounding.mode))，"
                    + "\(stageName(evaluation.rounding.stage))。"
            )
        }
        let deduction = Labels.percent(scenario.policy.sme.deduction)
        items.append(
            outcome.lot.reservedForSME
                ? "本包专门面向中小企业采购，不再给予价格扣除。"
                : "小型和微型企业产品的价格给予\(deduction)的扣除，用扣除后的价格参加评审（评审价格）；中标价仍为投标报价。"
        )
        items.append("有效投标（同一品牌计为一家）不足\(evaluation.minimumValidBids)家的，本包废标。")
        return "<ol class=\"plain\">" + items.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ol>"
    }

    static func opening(_ outcome: LotOutcome, scenario: Scenario) -> String {
        guard !outcome.evaluations.isEmpty else { return "<p>本包未收到投标文件。</p>" }
        let columns = [
            column("序号", numeric: true), column("投标人"), column("企业规模"),
            column(priceHeading(outcome.lot), numeric: true),
            column("中小企业声明"), column("递交时间"),
        ]
        let rows = outcome.evaluations.enumerated().map { index, e -> [HTML.Cell] in
            let supplier = scenario.supplier(e.bid.bidder)
            return [
                .number("\(index + 1)"), bidder(e.bid.bidder, scenario), HTML.Cell(supplier?.size.label.zh ?? "—"),
                .number(TextLayout.amount(e.bid.price)), HTML.Cell(declaration(e.bid.declaration)),
                HTML.Cell(e.bid.submittedAt.isEmpty ? "—" : e.bid.submittedAt.replacingOccurrences(of: "T", with: " ")),
            ]
        }
        return HTML.table(columns, rows, cssClass: "grid")
    }

    static func rejections(_ outcome: LotOutcome, scenario: Scenario) -> String {
        let invalid = outcome.evaluations.filter { !$0.isValid }
        guard !invalid.isEmpty else { return "<p>无。所有投标均通过资格性和符合性审查。</p>" }
        let columns = [column("投标人"), column("无效投标理由"), column("依据"), column("事实（记录原文）")]
        var rows: [[HTML.Cell]] = []
        for e in invalid {
            for r in e.rejections {
                rows.append([
                    bidder(e.bid.bidder, scenario), HTML.Cell(r.reason.label.zh, cssClass: "reason"),
                    HTML.Cell(LegalGround.chinese(r.ground)),
                    HTML.Cell(r.detail, cssClass: "detail"),
                ])
            }
        }
        return HTML.table(columns, rows, cssClass: "grid")
    }

    static func scores(_ outcome: LotOutcome, scenario: Scenario) -> String {
        let evaluation = scenario.policy.evaluation.applied(to: outcome.lot.method)
        let ranked = TextReport.order(outcome).filter(\.isValid)
        guard !ranked.isEmpty else { return "<p>无有效投标，未进行评分。</p>" }
        let places = evaluation.rounding.places
        let mode = evaluation.rounding.mode
        func recorded(_ value: Exact?) -> HTML.Cell {
            .number(value.map { $0.formatted(places: places, mode: mode) } ?? "—")
        }
        let scored = ranked.contains { $0.total != nil }
        guard scored else {
            let columns = [
                column("排名", numeric: true), column("投标人"), column(priceHeading(outcome.lot), numeric: true),
                column("价格扣除", numeric: true), column("评审价格（元）", numeric: true),
            ]
            let rows = ranked.map { e -> [HTML.Cell] in
                [
                    .number(e.rank.map(String.init) ?? "—"), bidder(e.bid.bidder, scenario),
                    .number(TextLayout.amount(e.bid.price)),
                    .number(e.deduction.isZero ? "—" : Labels.percent(e.deduction)),
                    .number(TextLayout.amount(e.evaluatedPrice)),
                ]
            }
            let note: String
            if outcome.failure != nil {
                note = "本包废标，有效投标未进行评分和排序；上表为通过审查的投标。"
            } else if evaluation.method == .lowestPrice {
                note = "\(evaluation.method.label.zh)：按评审价格由低到高排序。"
            } else {
                note = "\(evaluation.method.label.zh)：排名按该方法的规则确定。"
            }
            return HTML.table(columns, rows, cssClass: "grid") + "<p class=\"note\">\(HTML.escape(note))</p>"
        }
        var columns = [
            column("排名", numeric: true), column("投标人"), column("评审价格（元）", numeric: true),
            column("价格分（\(evaluation.pricePoints)分）", numeric: true),
        ]
        columns += evaluation.criteria.map { column("\($0.name)（\($0.points)分）", numeric: true) }
        columns.append(column("总分", numeric: true))
        let rows = ranked.map { e -> [HTML.Cell] in
            [
                .number(e.rank.map(String.init) ?? "—"), bidder(e.bid.bidder, scenario),
                .number(TextLayout.amount(e.evaluatedPrice)), recorded(e.priceScore),
            ]
                + evaluation.criteria.map { recorded(e.criterionScores[$0.id]) }
                + [
                    HTML.Cell(
                        e.recordedTotal.map { $0.formatted(places: places, mode: mode) } ?? "—",
                        cssClass: "num total"
                    )
                ]
        }
        return HTML.table(columns, rows, cssClass: "grid scores")
            + "<p class=\"note\">"
            + HTML.escape(
                "各项得分按评分规则保留\(places)位小数（\(modeName(mode))）记录；总分为按规则取舍后的记录得分，"
                    + "排序以总分为准；各项记录得分之和可能因取舍与总分相差一个末位。精确值见附件。"
            ) + "</p>"
    }

    static func result(_ outcome: LotOutcome, scenario: Scenario) -> String {
        var out = ""
        if let failure = outcome.failure {
            out += "<p class=\"failed\"><strong>本包废标。</strong>废标原因：\(HTML.escape(failure.reason.label.zh))。</p>"
            out += "<p class=\"note\">事实（记录原文）：\(HTML.escape(failure.detail))</p>"
            return out
        }
        if !outcome.candidates.isEmpty {
            let columns = [
                column("推荐顺序", numeric: true), column("中标候选人"), column(priceHeading(outcome.lot), numeric: true),
            ]
            let rows = outcome.candidates.enumerated().map { index, id -> [HTML.Cell] in
                let price = outcome.evaluations.first { $0.bid.bidder == id }?.bid.price
                return [
                    .number("\(index + 1)"), bidder(id, scenario), .number(price.map { TextLayout.amount($0) } ?? "—"),
                ]
            }
            out += HTML.table(columns, rows, cssClass: "grid")
        }
        if let winner = outcome.winner, let price = outcome.contractPrice {
            out += "<p>评标委员会推荐排名第一的中标候选人 <strong>\(HTML.escape(name(winner, scenario)))</strong> "
            out += "为中标人，中标价 <strong>\(HTML.escape(yuan(price)))</strong>"
            let savings = try? (outcome.lot.ceiling - price) / outcome.lot.ceiling
            out +=
                savings.map {
                    "（较最高限价节约 \(HTML.escape(yuan(outcome.lot.ceiling - price)))，节约率 \(HTML.escape(($0 * .hundred).formatted(places: 2)))%）"
                } ?? ""
            out += "。</p>"
        }
        return out
    }

    static func signatures(_ scenario: Scenario) -> String {
        var out = "<section class=\"signatures\">\n<h2>评标委员会成员签字</h2>\n"
        let members = scenario.meta.committee
        out += "<table class=\"grid sign\"><thead><tr><th>序号</th><th>职责</th><th>姓名</th><th>签字</th></tr></thead><tbody>"
        if members.isEmpty {
            for index in 1...5 { out += "<tr><td class=\"num\">\(index)</td><td></td><td></td><td></td></tr>" }
        } else {
            for (index, member) in members.enumerated() {
                out +=
                    "<tr><td class=\"num\">\(index + 1)</td><td>\(HTML.escape(member.role.isEmpty ? "评标委员会成员" : member.role))</td>"
                out += "<td class=\"member\">\(HTML.escape(member.name))</td><td></td></tr>"
            }
        }
        out += "</tbody></table>\n"
        if members.isEmpty { out += "<p class=\"note\">场景未列出评标委员会成员（meta.committee），请手工填写。</p>\n" }
        out += "<p class=\"date\">日期：\(HTML.escape(date(scenario.meta.bidDate)))</p>\n</section>\n"
        return out
    }

    static func annex(_ outcome: LotOutcome, scenario: Scenario) -> String {
        let evaluation = scenario.policy.evaluation
        let scored = outcome.evaluations.filter { $0.total != nil || $0.priceScore != nil }
        guard !scored.isEmpty else { return "" }
        var columns = [column("投标人"), column("价格分", numeric: true)]
        columns += evaluation.criteria.map { column($0.name, numeric: true) }
        columns.append(column("总分（取舍前）", numeric: true))
        let rows = TextReport.order(outcome).filter { $0.total != nil || $0.priceScore != nil }.map {
            e -> [HTML.Cell] in
            [bidder(e.bid.bidder, scenario), exact(e.priceScore)]
                + evaluation.criteria.map { exact(e.criterionScores[$0.id]) }
                + [exact(e.total)]
        }
        return "<section class=\"annex\">\n<h2>附件：评审得分精确值</h2>\n"
            + "<p class=\"note\">各项得分的精确值：有限小数照写，无限循环小数写成既约分数 a/b（如 324/11 = 29.4545…）。</p>\n"
            + HTML.table(columns, rows, cssClass: "grid exact") + "\n</section>\n"
    }

    // MARK: Pieces

    /// An exact value as it is (`324/11`), a fraction with its first 8 decimals below it.
    static func exact(_ value: Exact?) -> HTML.Cell {
        guard let value else { return .number("—") }
        var html = HTML.escape(value.description)
        if value.terminatingPlaces == nil {
            html += "<span class=\"approx\">≈ \(HTML.escape(value.formatted(places: 8, mode: .towardZero)))…</span>"
        }
        return HTML.Cell(html: html, cssClass: "num exact")
    }

    static func column(_ zh: String, numeric: Bool = false) -> HTML.Column { HTML.Column(zh, "", numeric: numeric) }

    static func name(_ id: String, _ scenario: Scenario) -> String { scenario.supplier(id)?.name ?? id }

    /// The bidder's name, its id below it.
    static func bidder(_ id: String, _ scenario: Scenario) -> HTML.Cell {
        let name = scenario.supplier(id)?.name
        guard let name, name != id else { return HTML.Cell(id, cssClass: "bidder") }
        return HTML.Cell(
            html: "\(HTML.escape(name)) <span class=\"code\">\(HTML.escape(id))</span>",
            cssClass: "bidder"
        )
    }

    static func materials(_ lot: Lot, _ scenario: Scenario) -> String {
        lot.categories.map { scenario.category($0)?.name ?? $0 }.joined(separator: "、")
    }

    static func yuan(_ value: Exact) -> String { TextLayout.amount(value) + " 元" }

    static func date(_ day: Day) -> String { "\(day.year)年\(day.month)月\(day.day)日" }

    static func declaration(_ d: SMEDeclaration) -> String {
        switch d {
        case .none: return "无"
        case .smallMicro: return "小微企业"
        case .consortium(let share): return "联合体/分包（小微企业占\(Labels.percent(share))）"
        }
    }

    static func modeName(_ mode: RoundingMode) -> String {
        switch mode {
        case .halfUp: return "四舍五入"
        case .halfEven: return "四舍六入五成双"
        case .towardZero: return "去尾"
        case .awayFromZero: return "进一"
        case .floor: return "向下取整"
        case .ceiling: return "向上取整"
        }
    }

    static func stageName(_ stage: RoundingStage) -> String {
        switch stage {
        case .finalScore: return "计算过程不取舍，仅对总分取舍"
        case .priceScore: return "先对价格分取舍，再计算总分"
        case .rate: return "先对价格比率取舍，再乘以价格分值，再计算总分"
        }
    }

    static let css = """
        * { box-sizing: border-box; }
        body { margin: 0; background: #e5e7eb; color: #000; font-size: 10.5pt; line-height: 1.6;
          font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif; }
        main.document { width: 210mm; min-height: 297mm; margin: 12px auto; padding: 20mm 18mm; background: #fff; }
        header { text-align: center; margin-bottom: 8mm; }
        h1 { margin: 0; font-size: 22pt; letter-spacing: .3em; font-weight: bold; }
        h1.lot-title { font-size: 16pt; letter-spacing: .1em; text-align: center; margin: 0 0 5mm; }
        .subtitle { margin: 2mm 0 0; font-size: 12pt; }
        h2 { font-size: 12pt; margin: 6mm 0 2mm; font-weight: bold; break-after: avoid; }
        table { width: 100%; border-collapse: collapse; margin: 2mm 0; }
        th, td { border: 0.5pt solid #000; padding: 1.2mm 2mm; vertical-align: top; text-align: left; }
        th { font-weight: bold; background: #f2f2f2; }
        table.facts th { width: 16%; white-space: nowrap; }
        table.facts td { width: 34%; }
        .table-wrap { margin: 0; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num, td.nowrap { white-space: nowrap; }
        td.bidder { min-width: 10em; }
        td.materials { min-width: 6em; }
        td.reason { min-width: 7em; }
        td.exact { white-space: normal; overflow-wrap: anywhere; }
        td.result { min-width: 4.5em; }
        table.summary { font-size: 9pt; }
        table.summary td.bidder { min-width: 7em; }
        table.summary th, table.summary td { padding: 1mm 1.2mm; }
        table.scores th { font-size: 9pt; }
        table.scores th.num, table.exact th.num { min-width: 5.5em; }
        .approx { display: block; font-size: 8pt; color: #555; }
        td.total { font-weight: bold; }
        td.detail { font-size: 9pt; color: #333; }
        .code { color: #555; font-size: 8.5pt; font-family: "Noto Sans Mono CJK SC", monospace; }
        ol.plain { margin: 0; padding-left: 6mm; }
        .note { font-size: 9pt; color: #333; margin: 1mm 0; }
        .failed { border: 1pt solid #000; padding: 2mm 3mm; }
        table.sign td { height: 11mm; vertical-align: middle; }
        table.sign td:first-child { width: 10%; }
        table.sign td:nth-child(2) { width: 22%; }
        table.sign td:nth-child(3) { width: 24%; }
        .date { text-align: right; margin-top: 4mm; }
        section.signatures { break-inside: avoid; }
        section.annex { break-before: page; }
        .lot-report { break-before: page; }
        footer { margin-top: 8mm; padding-top: 2mm; border-top: 0.5pt solid #999; font-size: 8pt; color: #555; }
        @media screen { .lot-report { margin-top: 12mm; padding-top: 8mm; border-top: 1.5pt dashed #999; } }
        @page { size: A4; margin: 18mm 16mm 18mm; }
        @media print {
          body { background: #fff; }
          main.document { width: auto; min-height: 0; margin: 0; padding: 0; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; }
        }
        """
}

/// A legal ground as the engine records it (`Order 87 Art 63(3); GPL Art 22`), written in Chinese
/// (`财政部令第87号第63条第（3）项；《政府采购法》第22条`). A part it does not know is kept as it is.
package enum LegalGround {
    package static func chinese(_ ground: String) -> String {
        ground.components(separatedBy: "; ").map(part).joined(separator: "；")
    }

    static func part(_ text: String) -> String {
        let sources: [(String, String)] = [
            ("Order 87 ", "财政部令第87号"), ("GPL ", "《政府采购法》"), ("反向竞价 rules", "反向竞价规则"),
        ]
        var source = ""
        var rest = text
        for (prefix, name) in sources where rest.hasPrefix(prefix) {
            source = name
            rest = String(rest.dropFirst(prefix.count))
            if rest.isEmpty { return name }
        }
        // `财库〔2020〕46号 Art 8`: a document number, then an article.
        if source.isEmpty, let range = rest.range(of: " Art ") {
            source = String(rest[..<range.lowerBound])
            rest = "Art " + rest[range.upperBound...]
        }
        guard rest.hasPrefix("Art ") else { return source.isEmpty ? text : source + rest }
        let article = rest.dropFirst(4)
        let number = article.prefix { $0.isNumber }
        guard !number.isEmpty else { return text }
        var out = source + "第\(number)条"
        let item = article.dropFirst(number.count)
        if item.hasPrefix("("), item.hasSuffix(")") { out += "第（\(item.dropFirst().dropLast())）项" } else { out += item }
        return out
    }
}
