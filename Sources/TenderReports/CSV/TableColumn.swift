/// What a column of the CSV tables holds and what people call it: its Chinese label and the kind of value, so
/// that the workbook (``WorkbookExport``) writes numbers as numbers under Chinese headers, from the same tables
/// as the CSV files.
///
/// A column is known by its CSV name; a name means the same in every table, except where ``overrides`` says.
package struct TableColumn: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// Text, written as text.
        case text
        /// Yuan with 2 decimals.
        case amount
        /// A fraction of 1 (`0.3600`), shown as a percentage.
        case rate
        /// A whole number.
        case count
        /// A decimal number (a score, a statistic, a quantity): a number when its text is a decimal.
        case decimal
        /// An exact value that may be a fraction (`324/11`): kept as its text.
        case exact
    }

    /// The CSV name, `contract_price`.
    package let name: String
    /// The Chinese label, `中标价`; empty for a column the vocabulary does not know (a sweep's grid axis).
    package let zh: String
    package let kind: Kind

    /// The column `name` of the table `table` (`bids.csv`); a name the vocabulary does not know is text,
    /// labelled by its name alone.
    package static func named(_ name: String, in table: String) -> TableColumn {
        if let (zh, kind) = overrides[table]?[name] ?? vocabulary[name] {
            return TableColumn(name: name, zh: zh, kind: kind)
        }
        return TableColumn(name: name, zh: "", kind: .text)
    }

    /// Whether the vocabulary knows the column.
    package static func isKnown(_ name: String, in table: String) -> Bool {
        overrides[table]?[name] != nil || vocabulary[name] != nil
    }

    static let vocabulary: [String: (String, Kind)] = [
        // lots.csv, awards.csv
        "lot": ("包号", .text), "materials": ("材料", .text), "categories": ("品目代码", .text),
        "method": ("采购方式", .text), "reserved_for_sme": ("预留中小企业", .text), "lines": ("需求行数", .count),
        "ceiling": ("最高限价", .amount), "bids": ("投标数", .count), "valid_bids": ("有效投标数", .count),
        "status": ("状态", .text), "winner": ("中标人代码", .text), "winner_name": ("中标人", .text),
        "contract_price": ("中标价", .amount), "savings_rate": ("节约率", .rate), "failure": ("废标原因", .text),
        "red_flags": ("风险提示", .text), "candidates": ("中标候选人", .text), "savings": ("节约资金", .amount),
        // bids.csv
        "bidder": ("投标人代码", .text), "bidder_name": ("投标人", .text), "size": ("企业规模", .text),
        "declaration": ("中小企业声明", .text), "quoted_price": ("投标报价", .amount),
        "deduction": ("价格扣除比例", .rate), "evaluated_price": ("评审价格", .amount),
        "price_score_exact": ("价格分（精确值）", .exact), "price_score": ("价格分", .decimal),
        "other_points": ("技术商务分（精确值）", .exact), "total_exact": ("总分（精确值）", .exact),
        "recorded_total": ("总分", .decimal), "rank": ("排名", .count), "rejection_reasons": ("无效投标原因", .text),
        "rejection_details": ("无效投标说明", .text), "flags": ("备注", .text),
        // lines.csv
        "reference": ("需求编号", .text), "project": ("项目代码", .text), "project_name": ("项目名称", .text),
        "category": ("品目代码", .text), "category_name": ("品目名称", .text), "spec": ("规格", .text),
        "quantity": ("数量", .decimal), "unit": ("单位", .text), "ceiling_unit_price": ("最高限价单价", .amount),
        "ceiling_amount": ("最高限价金额", .amount), "delivery_from": ("交货起始日", .text),
        "delivery_to": ("交货截止日", .text), "excluded_reason": ("未纳入原因", .text),
        // projects.csv, settlement.csv
        "budget": ("预算", .amount), "bought_ceiling": ("已采购最高限价", .amount), "payable": ("应付金额", .amount),
        "savings_rate_budget": ("节约率（预算）", .rate), "payable_share_budget": ("应付占预算比例", .rate),
        "green_premium": ("绿色溢价", .amount), "green_rule": ("绿色建材规则", .text),
        "optional_kinds": ("可选品类方式", .text), "optional_share": ("可选品类比例", .rate),
        "green_pass": ("绿色建材达标", .text), "green_shortfalls": ("未达标原因", .text),
        "target_star": ("目标星级", .count), "green_clauses": ("含绿色条款", .text), "amount": ("应付", .amount),
        "unit_price": ("成交单价", .amount), "basis": ("结算依据", .text),
        // metrics.csv, differences.csv, cells.csv
        "variant": ("方案", .text), "metric": ("指标代码", .text), "kind": ("指标类型", .text),
        "n": ("样本数", .count), "undefined": ("无定义次数", .count), "mean": ("均值", .decimal),
        "sd": ("标准差", .decimal), "se": ("标准误", .decimal), "ci_low": ("95%置信区间下限", .decimal),
        "ci_high": ("95%置信区间上限", .decimal), "p5": ("第5百分位数", .decimal), "p50": ("中位数", .decimal),
        "p95": ("第95百分位数", .decimal), "min": ("最小值", .decimal), "max": ("最大值", .decimal),
        "total": ("合计（精确值）", .decimal), "quantiles": ("分位数", .text), "label_zh": ("中文名称", .text),
        "label_en": ("英文名称", .text), "scale": ("比较尺度", .text), "mean_reference": ("基准方案均值", .decimal),
        "mean_variant": ("方案均值", .decimal), "difference": ("差值", .decimal), "cell": ("参数组合序号", .count),
        // simulate --records (the metric columns are labelled by the metric registry)
        "replication": ("重复序号", .count), "round": ("采购轮次", .count), "eligible": ("潜在投标人数", .count),
        "participating": ("参与投标人数", .count), "costs": ("各投标人成本", .text), "lowest_cost": ("最低成本", .exact),
        "lowest_cost_bidder": ("最低成本投标人代码", .text), "winner_cost": ("中标人成本", .exact),
        // classes.csv, bid-functions.csv (tender equilibrium)
        "class": ("供应商类别", .text), "suppliers": ("供应商代码", .text), "refused": ("未求解原因", .text),
        "converged": ("是否收敛", .text), "iterations": ("迭代次数", .count), "expected_bidders": ("预期投标人数", .decimal),
        "entry_probability": ("进入概率", .rate), "expected_profit": ("预期利润", .decimal),
        "preparation_cost": ("投标准备成本", .decimal), "win_probability": ("中标概率", .rate),
        "largest_gain": ("最大偏离收益", .decimal), "largest_gain_share": ("最大偏离收益占预期利润比例", .rate),
        "sizes": ("成员企业规模", .text), "technical_points": ("技术得分", .decimal),
        "cost": ("成本", .decimal), "bid": ("报价", .decimal), "markup": ("加价率", .rate),
        // about.csv
        "field": ("项目", .text), "value": ("内容", .text),
    ]

    /// Names that mean something else in one table.
    static let overrides: [String: [String: (String, Kind)]] = [
        "differences.csv": ["reference": ("基准方案", .text)]
    ]
}

extension CSVTable {
    /// The table's columns, described (the table is written as `file`, e.g. `bids.csv`).
    package func columns(file: String) -> [TableColumn] { header.map { TableColumn.named($0, in: file) } }

    /// The table's text, after a byte-order mark (U+FEFF, the bytes EF BB BF in UTF-8) when `byteOrderMark` is
    /// set: Excel on Chinese Windows reads a CSV file without one in the local code page (GBK) and garbles it.
    package func text(byteOrderMark: Bool) -> String { byteOrderMark ? "\u{FEFF}" + text : text }
}
