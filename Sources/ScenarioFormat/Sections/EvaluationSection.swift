import ExactNumbers
import TenderModel

enum EvaluationSection {
    static let keys = [
        "method", "price-formula", "price-points", "criteria", "rounding", "abnormally-low", "minimum-valid-bids",
        "candidates", "tie-break", "same-brand-rule", "collusion-detection",
    ]
    static let criterionKeys = ["id", "name", "points", "expert-marks", "attribute", "bands"]
    static let roundingKeys = ["places", "mode", "stage"]
    static let abnormallyLowKeys = ["threshold", "explanation-accepted"]

    static func read(_ cursor: Cursor, into evaluation: inout Evaluation) {
        guard let map = cursor.mapping("the evaluation rules", keys: keys) else { return }
        if let m = map.optional("method")?.choice(EvaluationMethod.self) { evaluation.method = m }
        if let f = map.optional("price-formula").flatMap(priceFormula) { evaluation.priceFormula = f }
        if let c = map.optional("price-points"), let p = c.exact(atLeast: .zero, atMost: .hundred, what: "points") {
            evaluation.pricePoints = p
            if p < 30 {
                c.warning("goods need at least 30 price points (财政部令第87号 Art 55); found \(p), accepted for study")
            }
        }
        if let items = map.optional("criteria")?.items(of: "technical and business criteria") {
            evaluation.criteria = items.compactMap(criterion)
        }
        if let r = map.optional("rounding")?.mapping("the rounding rule", keys: roundingKeys) {
            if let p = r.optional("places")?.integer(0...10) { evaluation.rounding.places = p }
            if let m = r.optional("mode")?.choice(RoundingMode.self) { evaluation.rounding.mode = m }
            if let s = r.optional("stage")?.choice(RoundingStage.self) { evaluation.rounding.stage = s }
        }
        if let a = map.optional("abnormally-low")?.mapping("the abnormally-low rule", keys: abnormallyLowKeys) {
            if let t = a.optional("threshold")?.exact(atLeast: .zero, atMost: .one, what: "a share") {
                evaluation.abnormallyLow.threshold = t
            }
            if let e = a.optional("explanation-accepted")?.bool() { evaluation.abnormallyLow.explanationAccepted = e }
        }
        if let c = map.optional("minimum-valid-bids"), let n = c.integer(1...100) {
            evaluation.minimumValidBids = n
            if n < 3 { c.warning("Order 87 needs 3 valid bids for an open tender; found \(n), accepted for study") }
        }
        if let n = map.optional("candidates")?.integer(1...100) { evaluation.candidates = n }
        if let t = map.optional("tie-break")?.choice(TieBreak.self) { evaluation.tieBreak = t }
        if let s = map.optional("same-brand-rule")?.bool() { evaluation.sameBrandRule = s }
        if let d = map.optional("collusion-detection")?.exact(atLeast: .zero, atMost: .one, what: "a probability") {
            evaluation.collusionDetection = d
        }
    }

    static func priceFormula(_ cursor: Cursor) -> PriceFormula? {
        if case .scalar = cursor.node {
            guard let text = cursor.scalarText(expected: "low-price-first or {deviation-from-average: …}") else {
                return nil
            }
            if text == "low-price-first" { return .lowPriceFirst }
            cursor.error(
                "expected low-price-first or {deviation-from-average: {above, below}}, found '\(text)'"
                    + Suggestion.hint(for: text, in: ["low-price-first", "deviation-from-average"])
            )
            return nil
        }
        guard let map = cursor.mapping("a price formula", keys: ["deviation-from-average"]),
            let d = map.required("deviation-from-average", "points per percent {above, below}")?.mapping(
                "deviation-from-average points",
                keys: ["above", "below"]
            ),
            let above = d.required("above", "points lost per percent above the mean")?.exact(atLeast: .zero),
            let below = d.required("below", "points lost per percent below the mean")?.exact(atLeast: .zero)
        else { return nil }
        return .deviationFromAverage(above: above, below: below)
    }

    static func criterion(_ item: Cursor) -> Criterion? {
        guard let (map, id) = item.identified("a criterion", keys: criterionKeys, idHint: "the criterion's id")
        else { return nil }
        let name = map.required("name", "the criterion's name")?.string()
        let points = map.required("points", "its maximum points")?.exact(
            atLeast: .zero,
            atMost: .hundred,
            what: "points"
        )
        var source: CriterionSource?
        switch (map.optional("expert-marks"), map.optional("attribute")) {
        case (let e?, nil):
            if e.bool() == true {
                source = .expertMarks
            } else {
                e.error("expected true (or use 'attribute' and 'bands')")
            }
            if let b = map.optional("bands") { b.error("bands apply to 'attribute' criteria, not to expert marks") }
        case (nil, let a?):
            if let attribute = a.identifier(),
                let bandCursor = map.required("bands", "points by bands of the attribute")
            {
                let bands = (bandCursor.items(of: "bands {min, max, points}") ?? []).compactMap(band)
                source = .bands(attribute: attribute, bands: bands)
                if let points, let over = bands.first(where: { $0.points > points }) {
                    bandCursor.error("a band gives \(over.points) points, more than the criterion's \(points)")
                }
            }
        default:
            map.cursor.error("expected exactly one of 'expert-marks: true' or 'attribute' with 'bands'")
        }
        guard let id, let name, let points, let source else { return nil }
        return Criterion(id: id, name: name, points: points, source: source)
    }

    static func band(_ item: Cursor) -> Band? {
        guard let map = item.mapping("a band", keys: ["min", "max", "points"]) else { return nil }
        let min = map.optional("min")?.exact()
        let max = map.optional("max")?.exact()
        guard let points = map.required("points", "the points of this band")?.exact(atLeast: .zero) else { return nil }
        if let min, let max, min > max {
            map.cursor.error("expected min ≤ max, found \(min) > \(max)")
            return nil
        }
        return Band(min: min, max: max, points: points)
    }
}
