import ExactNumbers

/// A firm that may bid: its size, qualification facts, products, capacity, costs and behaviour.
public struct Supplier: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var size: EnterpriseSize
    /// Prison enterprises and welfare units for the disabled count as small enterprises.
    public var specialStatus: SpecialStatus?
    public var region: String
    public var brands: [String]
    public var qualification: Qualification
    /// The product it offers per category id.
    public var products: [String: Product]
    /// Quantity it can deliver per category id in the period; absent = unlimited.
    public var capacity: [String: Exact]
    /// Unit cost model per category id (for generated bids).
    public var costs: [String: CostModel]
    /// Economies of scale per category id; absent: the unit cost does not depend on the quantity.
    public var scale: [String: ScaleEconomy] = [:]
    /// Transport cost and delivery radius per category id; absent: delivery is free and unbounded.
    public var delivery: [String: Delivery] = [:]
    /// Kilometres from the supplier to each project district it may deliver to (``distance(to:)``).
    public var distances: [String: Exact] = [:]
    public var behaviour: Behaviour
    /// Probability of bidding on a lot it is eligible for.
    public var participation: Exact
    /// A consortium it bids in, with the small/micro share of the consortium's work.
    public var consortium: Consortium?
    /// How it moves in reverse auctions; nil: the policy's default strategy.
    public var auctionStrategy: AuctionStrategy?
    /// The cost of preparing a bid, yuan, under the solved equilibrium (Docs/behaviour.md); nil: the policy's
    /// `equilibrium.preparation-cost`.
    public var preparationCost: Exact? = nil

    public init(
        id: String,
        name: String,
        size: EnterpriseSize,
        specialStatus: SpecialStatus? = nil,
        region: String = "",
        brands: [String] = [],
        qualification: Qualification = Qualification(),
        products: [String: Product] = [:],
        capacity: [String: Exact] = [:],
        costs: [String: CostModel] = [:],
        behaviour: Behaviour = .truthful,
        participation: Exact = .one,
        consortium: Consortium? = nil,
        auctionStrategy: AuctionStrategy? = nil
    ) {
        self.id = id
        self.name = name
        self.size = size
        self.specialStatus = specialStatus
        self.region = region
        self.brands = brands
        self.qualification = qualification
        self.products = products
        self.capacity = capacity
        self.costs = costs
        self.behaviour = behaviour
        self.participation = participation
        self.consortium = consortium
        self.auctionStrategy = auctionStrategy
    }

    /// Small or micro for the price deduction: by size, or by special status.
    public var isSmallOrMicro: Bool { size == .small || size == .micro || specialStatus != nil }
}

/// Enterprise size under 工信部联企业〔2011〕300号.
public enum EnterpriseSize: String, Sendable, CaseIterable {
    case large
    case medium
    case small
    case micro

    /// Small and medium enterprises (the SME reserve counts all three below large).
    public var isSME: Bool { self != .large }
}

/// Statuses that count as small or micro for the deduction (财库〔2020〕46号 Art 15, 16).
public enum SpecialStatus: String, Sendable, CaseIterable {
    case prison
    case welfareDisabled = "welfare-disabled"
}

/// The qualification facts the review checks (Order 87 Art 63 item 3).
public struct Qualification: Sendable, Equatable {
    public var licensed: Bool
    public var debarred: Bool
    public var negativeList: Bool

    public init(licensed: Bool = true, debarred: Bool = false, negativeList: Bool = false) {
        self.licensed = licensed
        self.debarred = debarred
        self.negativeList = negativeList
    }
}

/// A consortium a supplier bids in; `smallMicroShare` is the share of work done by small/micro members.
public struct Consortium: Sendable, Equatable {
    public var id: String
    public var smallMicroShare: Exact

    public init(id: String, smallMicroShare: Exact) {
        self.id = id
        self.smallMicroShare = smallMicroShare
    }
}

/// A product offered for a category: brand, certificate and green attributes.
public struct Product: Sendable, Equatable {
    public var brand: String
    public var certificate: Certificate?
    /// A valid test report showing the quality and green attributes, where a clause accepts one.
    public var testReport: Bool
    /// The last day the test report is valid, nil when none is stated (检验报告有效期).
    public var testReportValidUntil: Day? = nil
    public var attributes: [String: Exact]
    /// Made by a small or micro enterprise (the deduction needs every item to be).
    public var madeBySmallOrMicro: Bool

    public init(
        brand: String,
        certificate: Certificate? = nil,
        testReport: Bool = false,
        attributes: [String: Exact] = [:],
        madeBySmallOrMicro: Bool = false
    ) {
        self.brand = brand
        self.certificate = certificate
        self.testReport = testReport
        self.attributes = attributes
        self.madeBySmallOrMicro = madeBySmallOrMicro
    }

    /// Whether the product has a test report valid on `day`: one is declared and its validity, if stated,
    /// has not ended before `day`.
    public func hasValidTestReport(on day: Day) -> Bool {
        testReport && (testReportValidUntil.map { day <= $0 } ?? true)
    }
}

/// A green building material product certificate (绿色建材产品认证), 1–3 stars.
public struct Certificate: Sendable, Equatable {
    public var star: Int
    public var validUntil: Day

    public init(star: Int, validUntil: Day) {
        self.star = star
        self.validUntil = validUntil
    }

    /// Valid on `day` (inclusive).
    public func isValid(on day: Day) -> Bool { day <= validUntil }
}

extension EnterpriseSize: Code {
    public var label: Label {
        switch self {
        case .large: return Label("大型", "large")
        case .medium: return Label("中型", "medium")
        case .small: return Label("小型", "small")
        case .micro: return Label("微型", "micro")
        }
    }
}
