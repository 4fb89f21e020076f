import ExactNumbers
import TenderModel

/// The run report's section on money back to projects and the green rule: one summary row per project, then
/// each project's lines.
enum SettlementSection {
    static func html(_ view: RunView) -> String {
        guard let projects = view.document.projects, !projects.isEmpty else {
            return "<p class=\"muted\">\(HTML.label(Label("本结果文件未记录项目结算。", "This result has no settlement.")))</p>\n"
        }
        var out = HTML.table(
            [
                HTML.Column("项目", "Project"), HTML.Column("预算", "Budget", numeric: true),
                HTML.Column("需求限价", "Ceilings", numeric: true), HTML.Column("应付金额", "Payable", numeric: true),
                HTML.Column("节约资金", "Savings", numeric: true),
                HTML.Column("节约率（限价）", "Rate of ceilings", numeric: true),
                HTML.Column("节约率（预算）", "Rate of budget", numeric: true),
                HTML.Column("绿色溢价", "Green premium", numeric: true), HTML.Column("绿色建材规则", "Green rule"),
                HTML.Column("可选比例", "Optional share", numeric: true),
                HTML.Column("目标星级", "Target star", numeric: true),
            ],
            projects.enumerated().map { position, p in
                [
                    HTML.Cell(html: "<a href=\"#project-\(position + 1)\">\(HTML.escape(p.project))</a>"),
                    .number(TextLayout.amount(p.budget)), .number(TextLayout.amount(p.ceiling)),
                    .number(TextLayout.amount(p.payable)), .number(TextLayout.amount(p.savings)),
                    .number(TextLayout.percent(p.savingsRate)), .number(TextLayout.percent(p.savingsRateOfBudget)),
                    .number(p.greenPremium.map { TextLayout.amount($0) } ?? "–"),
                    HTML.Cell(
                        html: "\(HTML.escape(p.green.rule.code)) "
                            + (p.green.passes
                                ? HTML.label(Label("达标", "pass"))
                                : "<strong>\(HTML.label(Label("未达标", "fail")))</strong>")
                    ),
                    .number(TextLayout.percent(p.green.share)),
                    .number("\(p.green.targetStar)★" + (p.green.meetsTwoStar ? "" : " < 2★")),
                ]
            }
        )
        if let purchases = view.document.projectPurchases, !purchases.isEmpty {
            out += "<h4>\(HTML.label(Label("项目自行采购", "Bought by the projects themselves")))</h4>\n"
            out += HTML.table(
                [
                    HTML.Column("需求", "Line"), HTML.Column("品类", "Material"), HTML.Column("绿色条款", "Green clauses"),
                    HTML.Column("最高限价", "Ceiling", numeric: true), HTML.Column("采购方式", "Method"),
                    HTML.Column("投标（有效）", "Bids (valid)", numeric: true), HTML.Column("结果", "Outcome"),
                ],
                purchases.map { purchase in
                    let outcome: String
                    if purchase.method == nil {
                        outcome = "未执行（演练）：假设按最高限价支付 not run (rehearsal): payable assumed = ceiling"
                    } else if let winner = purchase.winner {
                        outcome = "成交 awarded to \(winner)"
                    } else {
                        outcome = "失败：假设按最高限价支付 failed: payable assumed = ceiling"
                    }
                    return [
                        HTML.Cell(purchase.reference), HTML.Cell(view.categoryName(purchase.category)),
                        HTML.Cell(purchase.greenClauses ? "是 yes" : "否 no"),
                        .number(TextLayout.amount(purchase.ceiling)),
                        HTML.Cell(html: purchase.method.map { HTML.label($0.label) } ?? "–"),
                        .number(purchase.method == nil ? "–" : "\(purchase.bids) (\(purchase.validBids))"),
                        HTML.Cell(outcome),
                    ]
                }
            )
        }
        // Anchors by position (`project-3`), as lots have theirs: project ids may hold Chinese characters.
        for (position, p) in projects.enumerated() {
            let name = view.project(p.project)?.name ?? ""
            out +=
                "<h4 id=\"project-\(position + 1)\">\(HTML.escape(p.project)) \(HTML.escape(name))</h4>\n"
            var facts = "\(p.green.rule.label.zh) \(p.green.rule.label.en): "
            facts += p.green.passes ? "达标 pass" : "未达标 fail (\(p.green.shortfalls.joined(separator: "; ")))"
            let kinds = p.green.kinds.map { kind in
                // The status matters only under the 2025 rule.
                (p.green.rule.known == .rule2025 ? "\(kind.status.label.zh) " : "")
                    + "\(view.categoryName(kind.category)) \(kind.outcome.label.zh) \(kind.outcome.label.en)"
            }
            if !kinds.isEmpty { facts += " — " + kinds.joined(separator: "、") }
            if let choice = p.green.choice {
                facts += "；可选品类 optional kinds: \(choice.label.zh) \(choice.label.en)"
                if let coverage = p.green.coverage { facts += "，至少 at least \(TextLayout.percent(coverage))" }
            }
            facts += "；目标 target \(p.green.targetStar)★ "
            facts += p.green.meetsTwoStar ? "（满足二星级要求 two-star met）" : "（低于二星级 below two-star）"
            out += "<p>\(HTML.escape(facts))</p>\n"
            out += HTML.table(
                [
                    HTML.Column("需求", "Line"), HTML.Column("品类", "Material"), HTML.Column("采购", "Bought in"),
                    HTML.Column("绿色条款", "Green clauses"), HTML.Column("供应商", "Supplier"),
                    HTML.Column("最高限价", "Ceiling", numeric: true), HTML.Column("应付", "Payable", numeric: true),
                    HTML.Column("单价", "Unit price", numeric: true), HTML.Column("节约资金", "Savings", numeric: true),
                    HTML.Column("依据", "Basis"),
                ],
                p.lines.map { line in
                    [
                        HTML.Cell(line.reference), HTML.Cell(view.categoryName(line.category)),
                        HTML.Cell(
                            line.leftToProject == nil ? line.lot : "项目自行采购 own purchase"
                        ),
                        HTML.Cell(line.greenClauses ? "是 yes" : "否 no"), HTML.Cell(line.supplier ?? ""),
                        .number(TextLayout.amount(line.ceiling)),
                        .number(line.amount.map { TextLayout.amount($0) } ?? "–"),
                        .number(line.unitPrice.map { TextLayout.amount($0) } ?? "–"),
                        .number(line.savings.map { TextLayout.amount($0) } ?? "–"),
                        HTML.Cell(html: HTML.label(line.basis.label)),
                    ]
                }
            )
        }
        return out
    }
}
