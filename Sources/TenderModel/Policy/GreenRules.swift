/// How a project meets the 2025 rule's optional share (Docs/rules.md §5): which of the optional (可选) kinds of
/// material it uses it buys under the green clauses.
public enum OptionalKinds: Sendable, Equatable {
    /// Every optional kind the project uses complies.
    case all
    /// The fewest kinds that reach `policy.optional-coverage`, those with the smallest ceiling premium first
    /// (Σ quantity × (ceiling unit price − the category's reference price)); kinds without a reference price
    /// after those with one; ties in catalogue order.
    case cheapest
    /// The listed category ids comply (those the project uses and that are optional); the share may fall short.
    case listed([String])

    /// The choice's code as the scenario writes it: `all`, `cheapest`, or `listed`.
    public var code: Choice {
        switch self {
        case .all: return .all
        case .cheapest: return .cheapest
        case .listed: return .listed
        }
    }

    /// The choice without its list.
    public enum Choice: String, Code {
        case all
        case cheapest
        case listed

        public var label: Label {
            switch self {
            case .all: return Label("全部可选品类", "all optional kinds")
            case .cheapest: return Label("达到比例的最低成本组合", "cheapest set reaching the share")
            case .listed: return Label("指定品类", "listed kinds")
            }
        }
    }
}

extension GreenRule: Code {
    public var label: Label {
        switch self {
        case .rule2022: return Label("2022 年规则：全部品类达标", "2022 rule: every covered material")
        case .rule2025: return Label("2025 年规则：必选全部、可选按比例", "2025 rule: mandatory all, optional share")
        }
    }
}

extension CategoryStatus: Code {
    public var label: Label {
        switch self {
        case .mandatory: return Label("必选", "mandatory")
        case .optional: return Label("可选", "optional")
        }
    }
}
