import TenderModel

/// The words for a scenario path that a sweep varies (`policy.sme.deduction` → 小微企业价格扣除 SME price
/// deduction), for axes, tables and facts; a path without words is shown as itself.
package enum ParameterLabel {
    static let words: [String: Label] = [
        "policy.sme.deduction": Label("小微企业价格扣除", "SME price deduction"),
        "policy.sme.consortium-deduction": Label("联合体价格扣除", "consortium price deduction"),
        "policy.evaluation.method": Label("评标方法", "evaluation method"),
        "policy.evaluation.price-points": Label("价格分", "price points"),
        "policy.evaluation.minimum-valid-bids": Label("有效投标下限", "minimum valid bids"),
        "policy.evaluation.candidates": Label("中标候选人数", "candidates"),
        "policy.evaluation.abnormally-low.threshold": Label("异常低价阈值", "abnormally-low threshold"),
        "policy.evaluation.abnormally-low.explanation-accepted": Label("异常低价说明被接受", "low-price explanation accepted"),
        "policy.evaluation.rounding.places": Label("得分保留位数", "score decimal places"),
        "policy.lotting.strategy": Label("分包策略", "lot strategy"),
        "policy.lotting.value-cap": Label("单包限额", "lot value cap"),
        "policy.lotting.bundle-below": Label("小品类合并限额", "bundling threshold"),
        "policy.lotting.sme-reserve": Label("中小企业预留份额", "SME reserve"),
        "policy.on-failure": Label("废标后处理", "on failure"),
        "policy.green-rule": Label("绿色建材规则", "green rule"),
        "policy.method-below-threshold": Label("限额以下采购方式", "method below the threshold"),
        "policy.thresholds.open-tender-goods": Label("公开招标数额标准", "open-tender threshold"),
        "policy.auction.format": Label("竞价形式", "auction format"),
        "policy.pricing": Label("计价规则", "pricing rule"),
    ]

    /// `小微企业价格扣除 SME price deduction (policy.sme.deduction)`, or the path itself.
    package static func text(_ path: String) -> String {
        if let label = words[path] { return "\(label.text) (\(path))" }
        // suppliers[S05].participation → 供应商 S05 participation
        if path.hasPrefix("suppliers["), let close = path.firstIndex(of: "]") {
            let id = path[path.index(path.startIndex, offsetBy: 10)..<close]
            let key = path[path.index(after: close)...].dropFirst()
            return "供应商 supplier \(id): \(key) (\(path))"
        }
        return path
    }
}
