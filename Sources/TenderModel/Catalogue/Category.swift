import ExactNumbers

/// A material category of the demand standard (需求标准), e.g. ready-mix concrete.
public struct Category: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var unit: String
    /// Common (通用类) materials may be bought in batches.
    public var isCommon: Bool
    /// Under the 2025 rule: mandatory (必选) or optional (可选).
    public var status: CategoryStatus
    /// Conventional (non-green) unit price, the baseline of the cost-increment metric.
    public var referencePrice: Exact?
    /// Substantive green requirements: a bid failing one is rejected.
    public var clauses: [GreenClause]

    public init(
        id: String,
        name: String,
        unit: String,
        isCommon: Bool = true,
        status: CategoryStatus = .mandatory,
        referencePrice: Exact? = nil,
        clauses: [GreenClause] = []
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.isCommon = isCommon
        self.status = status
        self.referencePrice = referencePrice
        self.clauses = clauses
    }
}

/// Whether the 2025 rule makes a category mandatory or optional.
public enum CategoryStatus: String, Sendable, CaseIterable {
    case mandatory
    case optional
}

/// One green clause (a ★ substantive requirement) with its machine-checkable test.
public struct GreenClause: Sendable, Equatable, Identifiable {
    public var id: String
    /// The clause as the standard words it (Chinese welcome).
    public var text: String
    /// Minimum certification star (1–3) valid on the bid date; nil when no certificate is required.
    public var minimumStar: Int?
    /// Whether a valid test report may stand in for the certificate (the standard allows either).
    public var acceptsTestReport: Bool
    /// Attribute limits the offered product must meet.
    public var limits: [AttributeLimit]

    public init(
        id: String,
        text: String,
        minimumStar: Int? = nil,
        acceptsTestReport: Bool = false,
        limits: [AttributeLimit] = []
    ) {
        self.id = id
        self.text = text
        self.minimumStar = minimumStar
        self.acceptsTestReport = acceptsTestReport
        self.limits = limits
    }
}

/// `attribute ≥ value` or `attribute ≤ value`, e.g. recycled content ≥ 30%, formaldehyde ≤ 0.05.
public struct AttributeLimit: Sendable, Equatable {
    public enum Comparison: String, Sendable, CaseIterable {
        case atLeast = "at-least"
        case atMost = "at-most"
    }

    public var attribute: String
    public var comparison: Comparison
    public var value: Exact

    public init(attribute: String, comparison: Comparison, value: Exact) {
        self.attribute = attribute
        self.comparison = comparison
        self.value = value
    }

    /// Whether `offered` satisfies the limit.
    public func isMet(by offered: Exact) -> Bool {
        switch comparison {
        case .atLeast: return offered >= value
        case .atMost: return offered <= value
        }
    }
}
