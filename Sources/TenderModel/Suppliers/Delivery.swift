import ExactNumbers

/// What delivering a category costs a supplier and how far it delivers (Docs/planning.md): a transport cost per
/// unit of the category and kilometre from the supplier to each delivery district, and a delivery radius beyond
/// which it does not bid (ready-mix concrete must be placed within hours of mixing). Distances are the
/// supplier's own, per district (``Supplier/distances``).
public struct Delivery: Sendable, Equatable {
    /// Yuan per unit per kilometre; nil: delivery costs nothing the cost model does not already hold.
    public var transportCost: Exact?
    /// Kilometres; nil: it delivers to every district.
    public var radius: Exact?

    public init(transportCost: Exact? = nil, radius: Exact? = nil) {
        self.transportCost = transportCost
        self.radius = radius
    }
}

extension Supplier {
    /// The distance in kilometres from the supplier to `district`: the one listed in ``distances``; else 0 when
    /// the district is the supplier's own region; else unknown.
    public func distance(to district: String) -> Exact? {
        if let km = distances[district] { return km }
        return !district.isEmpty && district == region ? .zero : nil
    }
}
