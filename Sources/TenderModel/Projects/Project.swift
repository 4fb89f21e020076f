import ExactNumbers

/// A government-funded pilot building that must use green materials.
public struct Project: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var buildingType: BuildingType
    public var district: String
    public var budget: Exact
    /// Target green-building star level (二星级 or higher in scope).
    public var targetStar: Int
    public var regime: LegalRegime
    public var demands: [DemandLine]
    /// 2025 rule: how this project meets the optional share; nil: `policy.optional-kinds`.
    public var optionalKinds: OptionalKinds?

    public init(
        id: String,
        name: String,
        buildingType: BuildingType,
        district: String,
        budget: Exact,
        targetStar: Int = 2,
        regime: LegalRegime = .governmentProcurement,
        demands: [DemandLine] = [],
        optionalKinds: OptionalKinds? = nil
    ) {
        self.id = id
        self.name = name
        self.buildingType = buildingType
        self.district = district
        self.budget = budget
        self.targetStar = targetStar
        self.regime = regime
        self.demands = demands
        self.optionalKinds = optionalKinds
    }
}

/// The building types of the pilot programme.
public enum BuildingType: String, Sendable, CaseIterable {
    case hospital
    case school
    case office
    case complex
    case exhibitionCentre = "exhibition-centre"
    case stadium
    case affordableHousing = "affordable-housing"
}

/// Which law governs the purchase: the Government Procurement Law (goods) or the Tendering Law (works).
public enum LegalRegime: String, Sendable, CaseIterable {
    case governmentProcurement = "government-procurement"
    case tenderingLawWorks = "tendering-law-works"
}

/// A project's need for one material.
public struct DemandLine: Sendable, Equatable, Identifiable {
    /// Unique within its project; ``reference`` is unique in the scenario.
    public var id: String
    public var projectID: String
    public var category: String
    public var spec: String
    public var quantity: Exact
    public var unit: String
    public var deliveryFrom: Day
    public var deliveryTo: Day
    public var ceilingUnitPrice: Exact

    public init(
        id: String,
        projectID: String,
        category: String,
        spec: String,
        quantity: Exact,
        unit: String,
        deliveryFrom: Day,
        deliveryTo: Day,
        ceilingUnitPrice: Exact
    ) {
        self.id = id
        self.projectID = projectID
        self.category = category
        self.spec = spec
        self.quantity = quantity
        self.unit = unit
        self.deliveryFrom = deliveryFrom
        self.deliveryTo = deliveryTo
        self.ceilingUnitPrice = ceilingUnitPrice
    }

    /// `project/demand`, e.g. `P01/D3`.
    public var reference: String { "\(projectID)/\(id)" }

    /// Quantity × ceiling unit price: the most this line may cost.
    public var ceilingAmount: Exact { quantity * ceilingUnitPrice }
}

extension BuildingType: Code {
    public var label: Label {
        switch self {
        case .hospital: return Label("医院", "hospital")
        case .school: return Label("学校", "school")
        case .office: return Label("办公楼", "office")
        case .complex: return Label("综合体", "complex")
        case .exhibitionCentre: return Label("会展中心", "exhibition centre")
        case .stadium: return Label("体育场馆", "stadium")
        case .affordableHousing: return Label("保障性住房", "affordable housing")
        }
    }
}
