import ExactNumbers
import TenderModel

/// A run document with its lookups: names by id, each bid's status, the plan entry of each lot.
///
/// Every rendering (HTML, CSV, OCDS) reads the run through this one view, so they agree with each other
/// and with `tender run --format json`.
package struct RunView: Sendable {
    package typealias Bid = LotDocument.BidEntry

    package let document: RunDocument
    private let categories: [String: ContextDocument.CategoryEntry]
    private let projects: [String: ContextDocument.ProjectEntry]
    private let suppliers: [String: ContextDocument.SupplierEntry]
    private let planLots: [String: PlanDocument.LotEntry]

    package init(_ document: RunDocument) {
        self.document = document
        let context = document.context
        categories = Dictionary(context?.categories.map { ($0.id, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        projects = Dictionary(context?.projects.map { ($0.id, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        suppliers = Dictionary(context?.suppliers.map { ($0.id, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        planLots = Dictionary(document.plan.lots.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    package var context: ContextDocument? { document.context }
    package var currency: String { context?.currency ?? "CNY" }
    /// Decimal places of recorded scores (the policy's rounding; 2 when the document does not say).
    package var scorePlaces: Int { context?.policy.roundingPlaces ?? 2 }

    package func category(_ id: String) -> ContextDocument.CategoryEntry? { categories[id] }
    package func project(_ id: String) -> ContextDocument.ProjectEntry? { projects[id] }
    package func supplier(_ id: String) -> ContextDocument.SupplierEntry? { suppliers[id] }
    package func planEntry(_ lot: String) -> PlanDocument.LotEntry? { planLots[lot] }

    /// The category's name, or its id when the document has no context.
    package func categoryName(_ id: String) -> String { categories[id]?.name ?? id }

    /// The names of the lot's categories, `预拌混凝土 + 预拌砂浆`.
    package func materials(of lot: String) -> String {
        (planLots[lot]?.categories ?? []).map(categoryName).joined(separator: " + ")
    }

    package func supplierName(_ id: String) -> String { suppliers[id]?.name ?? "" }

    /// The project a plan line belongs to: the line's own field, else the part of `P01/D1` before `/`.
    package func projectID(of line: PlanDocument.LineEntry) -> String {
        line.project ?? String(line.reference.split(separator: "/", maxSplits: 1).first ?? "")
    }

    /// The HTML anchor of a lot's section, `lot-3`: by position, because lot ids may hold spaces, `#` or
    /// Chinese district names (`concrete@萨尔图区#2`), which make poor fragment identifiers.
    package func anchor(_ lot: String) -> String {
        "lot-\((document.lots.firstIndex { $0.id == lot } ?? document.lots.count) + 1)"
    }

    /// Every bidder once, in the order its first bid appears.
    package var bidders: [String] {
        var seen: Set<String> = []
        return document.lots.flatMap { $0.bids.map(\.bidder) }.filter { seen.insert($0).inserted }
    }

    /// Ranked bids first, by rank; then the others in the order received.
    package func orderedBids(_ lot: LotDocument) -> [Bid] {
        let ranked = lot.bids.filter { $0.rank != nil }.sorted { $0.rank! < $1.rank! }
        return ranked + lot.bids.filter { $0.rank == nil }
    }

    /// Σ criterion points of a bid (nil when it has none).
    package func otherPoints(_ bid: Bid) -> Exact? {
        bid.criterionScores.isEmpty ? nil : bid.criterionScores.values.reduce(Exact.zero, +)
    }

    /// Whether the lot was scored (comprehensive scoring), so score columns mean something.
    package func isScored(_ lot: LotDocument) -> Bool { lot.bids.contains { $0.total != nil } }

    package func status(of bid: Bid, in lot: LotDocument) -> BidStatus {
        if !bid.valid { return .rejected }
        if bid.bidder == lot.winner { return .awarded }
        if bid.sameBrandShadowed { return .sameBrand }
        if let index = lot.candidates.firstIndex(of: bid.bidder) { return .candidate(index + 1) }
        return .valid
    }

    /// Contract amount by winner size (`large`, `medium`, `small`, `micro`, or `unknown`), and lots won.
    package func contractBySize() -> [(size: String, amount: Exact, lots: Int)] {
        var amounts: [String: Exact] = [:]
        var lots: [String: Int] = [:]
        for lot in document.lots {
            guard let winner = lot.winner, let price = lot.contractPrice else { continue }
            let size = suppliers[winner]?.size.code ?? "unknown"
            amounts[size, default: .zero] += price
            lots[size, default: 0] += 1
        }
        return ["large", "medium", "small", "micro", "unknown"].compactMap { size in
            amounts[size].map { (size, $0, lots[size] ?? 0) }
        }
    }
}

/// Where a bid ended up.
package enum BidStatus: Sendable, Equatable {
    case awarded
    case candidate(Int)
    case sameBrand
    case valid
    case rejected

    /// `awarded`, `candidate-2`, `same-brand`, `valid`, `rejected`.
    package var code: String {
        switch self {
        case .awarded: return "awarded"
        case .candidate(let n): return "candidate-\(n)"
        case .sameBrand: return "same-brand"
        case .valid: return "valid"
        case .rejected: return "rejected"
        }
    }

    package var label: Label {
        switch self {
        case .awarded: return Label("中标", "awarded")
        case .candidate(let n): return Label("第\(n)候选", "candidate \(n)")
        case .sameBrand: return Label("同品牌", "same brand")
        case .valid: return Label("有效", "valid")
        case .rejected: return Label("无效", "rejected")
        }
    }
}
