import ExactNumbers
import TenderModel

enum SuppliersSection {
    static let keys = [
        "id", "name", "size", "special-status", "region", "brands", "licensed", "debarred", "negative-list",
        "participation", "behaviour", "consortium", "offers", "auction-strategy", "distances",
        "preparation-cost",
    ]
    static let offerKeys = ["capacity", "cost", "scale", "transport-cost", "delivery-radius"] + ProductReader.keys
    static let consortiumKeys = ["id", "small-micro-share"]

    static func read(_ cursor: Cursor) -> [Supplier] {
        (cursor.items(of: "suppliers") ?? []).compactMap(supplier)
    }

    static func supplier(_ item: Cursor) -> Supplier? {
        guard let (map, id) = item.identified("a supplier", keys: keys, idHint: "the supplier's id, e.g. S01")
        else { return nil }
        let name = map.required("name", "the supplier's name")?.string()
        let size = map.required("size", "the enterprise size")?.choice(EnterpriseSize.self)
        let special = map.optional("special-status")?.choice(SpecialStatus.self)
        let region = map.optional("region")?.string() ?? ""
        let brands = map.optional("brands")?.stringList() ?? []
        let qualification = Qualification(
            licensed: map.optional("licensed")?.bool() ?? true,
            debarred: map.optional("debarred")?.bool() ?? false,
            negativeList: map.optional("negative-list")?.bool() ?? false
        )
        let participation =
            map.optional("participation")?.exact(atLeast: .zero, atMost: .one, what: "a probability") ?? .one
        let behaviour = map.optional("behaviour").flatMap(BehaviourReader.read) ?? .truthful
        let auctionStrategy = map.optional("auction-strategy").flatMap(AuctionSection.strategy)
        var consortium: Consortium?
        if let c = map.optional("consortium")?.mapping("a consortium", keys: consortiumKeys) {
            let cid = c.required("id", "the consortium's id")?.identifier()
            let share = c.required("small-micro-share", "the small/micro share of the work")?.exact(
                atLeast: .zero,
                atMost: .one,
                what: "a share"
            )
            if let cid, let share { consortium = Consortium(id: cid, smallMicroShare: share) }
        }
        var products: [String: Product] = [:]
        var capacity: [String: Exact] = [:]
        var costs: [String: CostModel] = [:]
        var scale: [String: ScaleEconomy] = [:]
        var delivery: [String: Delivery] = [:]
        var distances: [String: Exact] = [:]
        for (district, km) in map.optional("distances")?.dictionary(of: "kilometres by project district") ?? [] {
            if let value = km.exact(atLeast: .zero, what: "a distance in km") { distances[district] = value }
        }
        for (category, offer) in map.optional("offers")?.dictionary(of: "offers by category id") ?? [] {
            guard let offerMap = offer.mapping("an offer for category '\(category)'", keys: offerKeys) else { continue }
            if let product = ProductReader.read(offerMap) { products[category] = product }
            if let c = offerMap.optional("capacity"), let value = c.exact(atLeast: .zero, what: "a capacity") {
                capacity[category] = value
            }
            if let c = offerMap.optional("cost"), let model = CostModelReader.read(c) { costs[category] = model }
            if let c = offerMap.optional("scale"), let economy = readScale(c) { scale[category] = economy }
            let transport = offerMap.optional("transport-cost")?.exact(
                atLeast: .zero,
                what: "a transport cost in yuan per unit and km"
            )
            let radius = offerMap.optional("delivery-radius")?.exact(atLeast: .zero, what: "a delivery radius in km")
            if transport != nil || radius != nil {
                delivery[category] = Delivery(transportCost: transport, radius: radius)
            }
        }
        guard let id else { return nil }
        var supplier = Supplier(
            id: id,
            name: name ?? id,
            size: size ?? .large,
            specialStatus: special,
            region: region,
            brands: brands,
            qualification: qualification,
            products: products,
            capacity: capacity,
            costs: costs,
            behaviour: behaviour,
            participation: participation,
            consortium: consortium,
            auctionStrategy: auctionStrategy
        )
        supplier.scale = scale
        supplier.delivery = delivery
        supplier.distances = distances
        supplier.preparationCost = map.optional("preparation-cost")?.exact(
            atLeast: .zero,
            what: "a bid-preparation cost in yuan"
        )
        if case .equilibrium = behaviour, delivery.values.contains(where: { $0.transportCost != nil }) {
            map.cursor.warning(
                "the equilibrium bid is computed from the cost model without the transport cost; the bid adds the "
                    + "transport cost to the drawn cost, the markup does not know it (Docs/planning.md); accepted"
            )
        }
        if case .equilibrium = behaviour, !scale.isEmpty {
            map.cursor.warning(
                "the equilibrium bid is computed from the cost model without its scale; the drawn costs are scaled, "
                    + "the bid function is not (Docs/planning.md); accepted"
            )
        }
        return supplier
    }

    static let scaleKeys = ["elasticity", "reference-quantity"]

    /// `scale: {elasticity: -0.05, reference-quantity: 1000}`.
    static func readScale(_ cursor: Cursor) -> ScaleEconomy? {
        guard let map = cursor.mapping("economies of scale", keys: scaleKeys) else { return nil }
        let elasticity = map.required("elasticity", "the elasticity of the unit cost to the quantity, e.g. -0.05")?
            .exact(atLeast: -1, atMost: 1, what: "an elasticity")
        let reference = map.required("reference-quantity", "the quantity at which the cost model holds")
        var quantity: Exact?
        if let reference, let q = reference.exact(atLeast: .zero, what: "a quantity") {
            if q == .zero { reference.error("expected a quantity > 0, found 0") } else { quantity = q }
        }
        guard let elasticity, let quantity else { return nil }
        return ScaleEconomy(elasticity: elasticity, referenceQuantity: quantity)
    }
}

/// The product fields shared by supplier offers and explicit bids.
enum ProductReader {
    static let keys = [
        "brand", "certificate", "test-report", "test-report-valid-until", "attributes", "made-by-small-or-micro",
    ]
    static let certificateKeys = ["star", "valid-until"]

    static func read(_ map: MappingCursor) -> Product? {
        let brand = map.required("brand", "the product's brand")?.string()
        var certificate: Certificate?
        if let c = map.optional("certificate")?.mapping("a certificate", keys: certificateKeys) {
            let star = c.required("star", "the star level, 1 to 3")?.integer(1...3)
            let until = c.required("valid-until", "the last day of validity")?.day()
            if let star, let until { certificate = Certificate(star: star, validUntil: until) }
        }
        let testReportUntil = map.optional("test-report-valid-until")?.day()
        // A stated validity is a test report: `test-report: true` may be left out.
        let testReport = map.optional("test-report")?.bool() ?? (testReportUntil != nil)
        var attributes: [String: Exact] = [:]
        for (name, value) in map.optional("attributes")?.dictionary(of: "attribute values") ?? [] {
            if let number = value.exact() { attributes[name] = number }
        }
        let small = map.optional("made-by-small-or-micro")?.bool() ?? false
        guard let brand else { return nil }
        var product = Product(
            brand: brand,
            certificate: certificate,
            testReport: testReport,
            attributes: attributes,
            madeBySmallOrMicro: small
        )
        product.testReportValidUntil = testReportUntil
        return product
    }
}

enum CostModelReader {
    static let forms = ["fixed", "uniform", "triangular", "truncated-normal", "lognormal", "empirical"]

    /// A cost model whose draws stay at most ``CostModel/largestCost``: the engine draws costs in floating point
    /// and would otherwise cap larger ones silently.
    static func read(_ cursor: Cursor) -> CostModel? {
        guard let model = readForm(cursor) else { return nil }
        if let high = model.support.high, high > CostModel.largestCost {
            cursor.error(
                "unit costs are limited to \(CostModel.largestCost) yuan (costs are drawn in floating point), found "
                    + "a highest cost of \(Diagnostic.token(high.description))"
            )
            return nil
        }
        // ln(10^13) ≈ 29.93: beyond mu + 6 sigma a lognormal draw is rarer than one in a billion.
        if case .lognormal(let mu, let sigma) = model, mu + sigma * Exact(6) > CostModel.largestLogCost {
            cursor.error(
                "a lognormal with mu + 6 × sigma above \(CostModel.largestLogCost) (ln \(CostModel.largestCost)) "
                    + "draws unit costs beyond the limit of \(CostModel.largestCost) yuan; expected a smaller mu or sigma"
            )
            return nil
        }
        return model
    }

    static func readForm(_ cursor: Cursor) -> CostModel? {
        guard let map = cursor.mapping("a cost model with one of " + forms.joined(separator: ", "), keys: forms) else {
            return nil
        }
        guard map.entries.count == 1, let form = map.entries.first?.key, let value = map.optional(form) else {
            map.cursor.error("expected exactly one cost model form, one of: \(forms.joined(separator: ", "))")
            return nil
        }
        func parameters(_ names: [String]) -> [Exact]? {
            guard let p = value.mapping("the \(form) parameters", keys: names) else { return nil }
            let values = names.map { p.required($0, "a unit cost parameter")?.exact() }
            let present = values.compactMap { $0 }
            return present.count == names.count ? present : nil
        }
        func ordered(_ values: [Exact], _ names: String) -> Bool {
            if zip(values, values.dropFirst()).contains(where: { $0 > $1 }) {
                value.error(
                    "expected \(names) in increasing order, found \(values.map(\.description).joined(separator: ", "))"
                )
                return false
            }
            if let low = values.first, low < .zero {
                value.error("expected non-negative costs, found \(low)")
                return false
            }
            return true
        }
        switch form {
        case "fixed":
            return value.exact(atLeast: .zero, what: "a unit cost").map(CostModel.fixed)
        case "uniform":
            guard let p = parameters(["low", "high"]), ordered(p, "low ≤ high") else { return nil }
            return .uniform(low: p[0], high: p[1])
        case "triangular":
            guard let p = parameters(["low", "mode", "high"]), ordered(p, "low ≤ mode ≤ high") else { return nil }
            return .triangular(low: p[0], mode: p[1], high: p[2])
        case "truncated-normal":
            guard let p = parameters(["mean", "sd", "low", "high"]), ordered([p[2], p[3]], "low ≤ high") else {
                return nil
            }
            if p[1] <= .zero {
                value.error("expected a positive standard deviation 'sd', found \(p[1])")
                return nil
            }
            return .truncatedNormal(mean: p[0], sd: p[1], low: p[2], high: p[3])
        case "lognormal":
            guard let p = parameters(["mu", "sigma"]) else { return nil }
            if p[1] <= .zero {
                value.error("expected a positive 'sigma', found \(p[1])")
                return nil
            }
            return .lognormal(mu: p[0], sigma: p[1])
        default:
            guard let items = value.items(of: "unit costs") else { return nil }
            let values = items.compactMap { $0.exact(atLeast: .zero, what: "a unit cost") }
            if items.isEmpty { value.error("expected at least one unit cost") }
            return values.count == items.count && !values.isEmpty ? .empirical(values) : nil
        }
    }
}

enum BehaviourReader {
    static let scalars = ["truthful", "equilibrium"]
    static let forms = ["markup", "fixed-prices", "ring"]

    static func read(_ cursor: Cursor) -> Behaviour? {
        if case .scalar = cursor.node {
            guard let text = cursor.scalarText(expected: "a bidding behaviour") else { return nil }
            switch text {
            case "truthful": return .truthful
            case "equilibrium": return .equilibrium
            default:
                cursor.error(
                    "expected truthful, equilibrium, or a mapping {markup | fixed-prices | ring}, found '\(text)'"
                        + Suggestion.hint(for: text, in: scalars + forms)
                )
                return nil
            }
        }
        guard let map = cursor.mapping("a bidding behaviour", keys: forms) else { return nil }
        guard map.entries.count == 1, let form = map.entries.first?.key, let value = map.optional(form) else {
            map.cursor.error("expected exactly one behaviour, one of: \(forms.joined(separator: ", "))")
            return nil
        }
        switch form {
        case "markup":
            guard let p = value.mapping("a markup range", keys: ["low", "high"]) else { return nil }
            guard let low = p.required("low", "the lowest markup, e.g. 3%")?.exact(atLeast: .zero, what: "a markup"),
                let high = p.required("high", "the highest markup")?.exact(atLeast: .zero, what: "a markup")
            else { return nil }
            if low > high {
                value.error("expected low ≤ high, found \(low) > \(high)")
                return nil
            }
            return .markup(low: low, high: high)
        case "fixed-prices":
            var prices: [String: Exact] = [:]
            for (category, price) in value.dictionary(of: "unit prices by category id") ?? [] {
                if let p = price.exact(atLeast: .zero, what: "a unit price") { prices[category] = p }
            }
            return .fixedPrices(prices)
        default:
            guard let p = value.mapping("a bidding ring", keys: ["id", "designated-winner", "markup", "cover"]) else {
                return nil
            }
            guard let id = p.required("id", "the ring's id")?.identifier(),
                let winner = p.required("designated-winner", "whether this member is to win")?.bool(),
                let markup = p.required("markup", "the winner's markup over cost")?.exact(atLeast: .zero),
                let cover = p.optional("cover")?.exact(atLeast: .zero) ?? Optional(.percent(5))
            else { return nil }
            return .ring(id: id, designatedWinner: winner, markup: markup, cover: cover)
        }
    }
}
