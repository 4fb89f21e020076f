import ExactNumbers

/// The final quotes (最后报价) of competitive negotiation (财政部令第74号 Art 33) and competitive consultation
/// (财库〔2014〕214号 Art 21): after the negotiation or consultation, every supplier still taking part quotes
/// once more, and only the final quote is evaluated.
///
/// Entered bids give their final quote as `final-price`. A generated bidder concedes a share κ of its margin
/// over cost: final = price − κ × (price − cost), κ drawn uniformly from `[concessionLow, concessionHigh]` per
/// bid. The default, 0 to 0, is a bidder who holds to its first price.
public struct FinalQuotePolicy: Sendable, Equatable {
    public var concessionLow: Exact = .zero
    public var concessionHigh: Exact = .zero

    public init() {}
}

/// Single-source procurement (单一来源, 财政部令第74号 chapter 4): one supplier, named per category, and a
/// negotiated price not above the ceiling (Art 41: a reasonable price agreed with the supplier).
///
/// A generated negotiation ends at price = cost + (1 − s) × (ceiling − cost), where s is the purchaser's share
/// of the surplus between the supplier's cost and the ceiling (`purchaserShare`, default 50 %: the Nash
/// bargaining split of equal bargaining power). A supplier whose cost is above the ceiling cannot agree.
public struct SingleSourcePolicy: Sendable, Equatable {
    /// The supplier id per category id.
    public var suppliers: [String: String] = [:]
    public var purchaserShare: Exact = .percent(50)

    public init() {}
}
