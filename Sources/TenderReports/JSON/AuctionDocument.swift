import ExactNumbers
import TenderEngine
import TenderModel

/// A lot's auction log in the JSON document: every round and move, the payment notes, and a framework
/// agreement's shortlist and orders (Docs/auctions.md).
package struct AuctionDocument: Codable, Sendable {
    package struct MoveEntry: Codable, Sendable {
        package let sequence: Int
        package let round: Int
        package let bidder: String
        package let price: Exact
        package let evaluatedPrice: Exact
        package let submittedAt: String?
        package let accepted: Bool
        package let rejection: String?
    }

    package struct RoundEntry: Codable, Sendable {
        package let number: Int
        package let label: String
        package let moves: [MoveEntry]
        package let droppedOut: [String]

        init(_ round: AuctionRound) {
            number = round.number
            label = round.label
            moves = round.moves.map {
                MoveEntry(
                    sequence: $0.sequence,
                    round: $0.round,
                    bidder: $0.bidder,
                    price: $0.price,
                    evaluatedPrice: $0.evaluatedPrice,
                    submittedAt: $0.submittedAt.isEmpty ? nil : $0.submittedAt,
                    accepted: $0.accepted,
                    rejection: $0.rejection
                )
            }
            droppedOut = round.droppedOut
        }
    }

    package struct OrderEntry: Codable, Sendable {
        package let id: String
        package let lines: [String]
        package let ceiling: Exact
        package let deliveryFrom: String
        package let quantities: [String: Exact]
        package let supplier: String?
        package let price: Exact?
        package let agreementPrice: Exact?
        package let savingsRate: Exact?
        package let note: String
        /// The second round's log (second-round bidding only).
        package let rounds: [RoundEntry]
    }

    package struct FrameworkEntry: Codable, Sendable {
        package let priority: String
        package let orderMode: String
        package let validOffers: Int
        package let shortlist: [String]
        package let eliminated: [String]
        package let agreementPrices: [String: Exact]
        package let termMonths: Int
        package let termEnd: String
        package let orders: [OrderEntry]
        package let ordersPlaced: Int
        package let total: Exact
        package let placedCeiling: Exact
        package let savingsRate: Exact?
        package let totalBySupplier: [String: Exact]
        package let largestShare: Exact?
    }

    package let format: String
    package let ceiling: Exact
    /// The minimal step: a share of the reference price, or an amount.
    package let stepShare: Exact?
    package let stepAmount: Exact?
    package let roundLimit: Int?
    package let rounds: [RoundEntry]
    package let notes: [String]
    package let framework: FrameworkEntry?

    init(_ record: AuctionRecord) {
        format = record.format.rawValue
        ceiling = record.ceiling
        switch record.step {
        case .share(let share)?:
            stepShare = share
            stepAmount = nil
        case .amount(let amount)?:
            stepShare = nil
            stepAmount = amount
        case nil:
            stepShare = nil
            stepAmount = nil
        }
        roundLimit = record.roundLimit
        rounds = record.rounds.map(RoundEntry.init)
        notes = record.notes
        framework = record.framework.map { f in
            FrameworkEntry(
                priority: f.priority.rawValue,
                orderMode: f.orderMode.rawValue,
                validOffers: f.validOffers,
                shortlist: f.shortlist,
                eliminated: f.eliminated,
                agreementPrices: f.agreementPrices,
                termMonths: f.termMonths,
                termEnd: f.termEnd.description,
                orders: f.orders.map {
                    OrderEntry(
                        id: $0.id,
                        lines: $0.lines,
                        ceiling: $0.ceiling,
                        deliveryFrom: $0.deliveryFrom.description,
                        quantities: $0.quantities,
                        supplier: $0.supplier,
                        price: $0.price,
                        agreementPrice: $0.agreementPrice,
                        savingsRate: $0.savingsRate,
                        note: $0.note,
                        rounds: $0.rounds.map(RoundEntry.init)
                    )
                },
                ordersPlaced: f.placed.count,
                total: f.total,
                placedCeiling: f.placedCeiling,
                savingsRate: f.savingsRate,
                totalBySupplier: f.totalBySupplier,
                largestShare: f.largestShare
            )
        }
    }
}
