/// The situations in which bids are deemed collusive (视为串通投标, 财政部令第87号 Art 37), as evidence an
/// entered bid records (`evidence` in the scenario). Two or more bids of different bidders on one lot that
/// record the same value for one situation are rejected as `collusion` (Docs/rules.md §6).
public enum CollusionSituation: String, Sendable, CaseIterable, Comparable {
    /// Art 37(1): the bid documents of different suppliers were prepared by the same firm or person.
    case preparedBy = "prepared-by"
    /// Art 37(2): different suppliers entrusted the same firm or person with their bidding.
    case agent
    /// Art 37(3): the same person is named as project manager or contact in different suppliers' bids.
    case contact
    /// Art 37(4), first half: the bid documents are abnormally identical (异常一致) — the same anomaly (a shared
    /// misprint, the same file fingerprint) recorded on each.
    case anomaly
    /// Art 37(4), second half: the prices differ in a regular pattern (投标报价呈规律性差异). Bids recording the
    /// same pattern name are collusive only when their prices do form one: equal steps or equal ratios.
    case pricePattern = "price-pattern"
    /// Art 37(6): the bid bonds were paid from the account of the same firm or person.
    case bondAccount = "bond-account"

    /// The legal ground of the situation.
    public var ground: String {
        switch self {
        case .preparedBy: return "Order 87 Art 37(1)"
        case .agent: return "Order 87 Art 37(2)"
        case .contact: return "Order 87 Art 37(3)"
        case .anomaly, .pricePattern: return "Order 87 Art 37(4)"
        case .bondAccount: return "Order 87 Art 37(6)"
        }
    }

    public static func < (a: CollusionSituation, b: CollusionSituation) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

extension CollusionSituation: Code {
    public var label: Label {
        switch self {
        case .preparedBy: return Label("投标文件由同一单位或个人编制", "prepared by the same person")
        case .agent: return Label("委托同一单位或个人办理投标事宜", "the same agent")
        case .contact: return Label("项目管理成员或联系人员为同一人", "the same contact")
        case .anomaly: return Label("投标文件异常一致", "identical anomalies")
        case .pricePattern: return Label("投标报价呈规律性差异", "prices in a fixed pattern")
        case .bondAccount: return Label("投标保证金从同一账户转出", "bonds from one account")
        }
    }
}
