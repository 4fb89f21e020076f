import ExactNumbers

/// Everything one run of the engine needs: the catalogue, the pilot projects and their demands, the
/// suppliers, optionally the bids actually received, and the policy. Loaded from a scenario file; the
/// engine never sees files.
public struct Scenario: Sendable {
    public var meta: Meta
    public var catalogue: [Category]
    public var projects: [Project]
    public var suppliers: [Supplier]
    /// Sealed bids actually received (rehearsal). Empty: bids are generated from the supplier models.
    public var bids: [Bid]
    public var policy: Policy
    /// The variant applied to this scenario, if any.
    public var variant: String?

    public init(
        meta: Meta,
        catalogue: [Category],
        projects: [Project],
        suppliers: [Supplier],
        bids: [Bid] = [],
        policy: Policy = Policy(),
        variant: String? = nil
    ) {
        self.meta = meta
        self.catalogue = catalogue
        self.projects = projects
        self.suppliers = suppliers
        self.bids = bids
        self.policy = policy
        self.variant = variant
    }

    /// The category with `id`, if any.
    public func category(_ id: String) -> Category? { catalogue.first { $0.id == id } }

    /// The supplier with `id`, if any.
    public func supplier(_ id: String) -> Supplier? { suppliers.first { $0.id == id } }
}

/// Who, where and when: the scenario's identity and its run defaults.
public struct Meta: Sendable, Equatable {
    public var name: String
    public var region: String
    public var currency: String
    public var fiscalYear: Int
    /// The bid-opening date: certificates must be valid on it.
    public var bidDate: Day
    public var seed: UInt64
    public var replications: Int
    /// The project number (项目编号) the procurement was published under, shown on the 评标报告; nil when the
    /// scenario gives none.
    public var projectNumber: String?
    /// The evaluation committee (评标委员会), in the order its members sign the 评标报告.
    public var committee: [CommitteeMember]

    public init(
        name: String,
        region: String = "",
        currency: String = "CNY",
        fiscalYear: Int,
        bidDate: Day,
        seed: UInt64 = 1,
        replications: Int = 1,
        projectNumber: String? = nil,
        committee: [CommitteeMember] = []
    ) {
        self.name = name
        self.region = region
        self.currency = currency
        self.fiscalYear = fiscalYear
        self.bidDate = bidDate
        self.seed = seed
        self.replications = replications
        self.projectNumber = projectNumber
        self.committee = committee
    }
}

/// A member of the evaluation committee: a name and a role (组长, 评审专家, 采购人代表 …).
public struct CommitteeMember: Sendable, Equatable {
    public var name: String
    /// Empty when the scenario gives none.
    public var role: String

    public init(name: String, role: String = "") {
        self.name = name
        self.role = role
    }
}
