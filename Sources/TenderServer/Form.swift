import Foundation

/// The fields of an `application/x-www-form-urlencoded` body or a query string, in order; repeated names keep
/// every value.
package struct Form: Sendable, Equatable {
    package var fields: [(name: String, value: String)]

    package init(_ encoded: String) {
        fields = encoded.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    package subscript(_ name: String) -> String? { fields.first { $0.name == name }?.value }

    package static func == (lhs: Form, rhs: Form) -> Bool {
        lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    /// The rows of a rehearsal form: fields `r<index>.<field>`, rows in index order (at most `limit`).
    package func rows(limit: Int) -> [BidRow] {
        var rows: [Int: BidRow] = [:]
        for (name, value) in fields where name.hasPrefix("r") {
            let parts = name.dropFirst().split(separator: ".", maxSplits: 1)
            guard parts.count == 2, let index = Int(parts[0]), index >= 0, index < limit else { continue }
            var row = rows[index] ?? BidRow(lot: "", bidder: "")
            switch parts[1] {
            case "lot": row.lot = value
            case "bidder": row.bidder = value
            case "price": row.price = value
            case "unit-prices": row.unitPrices = value
            case "declaration": row.declaration = value
            case "more": row.more = value
            default: continue
            }
            rows[index] = row
        }
        return rows.keys.sorted().map { rows[$0]! }
    }
}
