/// Which lots the SME reserve (预留份额) sets aside, once the lots at or below the whole-reserve amount are
/// reserved (Docs/rules.md §4).
///
/// 财库〔2020〕46号 leaves the choice of the packages to the purchaser (Art 8(1): 设置采购包专门面向中小企业采购)
/// but excludes the projects that are not suitable for SMEs (Art 5): where a reserve cannot ensure sufficient
/// supply and competition (Art 5(3)), and framework-agreement purchases (Art 5(4)).
public enum ReserveRule: String, Sendable, CaseIterable {
    /// Art 5 and Art 8 as written: a lot is suitable only when at least `minimum-valid-bids` SMEs may supply it
    /// (qualified, offering every category of the lot, with the capacity for its quantity) and it is not a
    /// framework agreement; only suitable lots are reserved, wholly at or below the whole-reserve amount, then
    /// the suitable lot with the most small and micro suppliers first (equal: the smaller ceiling, then plan
    /// order) until the reserved ceilings reach the share of the suitable lots' total.
    case smeSupply = "sme-supply"
    /// Every lot counts as suitable: wholly at or below the whole-reserve amount, then the smallest lots first
    /// (equal: plan order) until the reserved ceilings reach the share of all lots' total. The rule of the
    /// engine before `sme-supply`, kept for comparison: smaller packages are the ones smaller firms can supply.
    case smallestFirst = "smallest-first"
}

extension ReserveRule: Code {
    public var label: Label {
        switch self {
        case .smeSupply: return Label("按中小企业供给（适宜性）", "by SME supply (suitability)")
        case .smallestFirst: return Label("最小包优先", "smallest lots first")
        }
    }
}
