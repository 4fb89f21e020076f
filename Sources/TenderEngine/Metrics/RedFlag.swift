import TenderModel

/// A warning sign on a lot that users read off a run (DOMAIN rule book §9: red flags): not a rejection, a
/// reason to look closer.
public enum RedFlag: String, Code {
    /// Only one bid passed both reviews.
    case singleValidBid = "single-valid-bid"
    /// The lowest-priced bid was rejected.
    case lowestBidRejected = "lowest-bid-rejected"
    /// A bid was found abnormally low (Order 87 Art 60), whether rejected or explained.
    case abnormallyLow = "abnormally-low"
    /// Two or more bids quoted the same price.
    case identicalPrices = "identical-prices"
    /// Orders of a framework agreement found no supplier.
    case unplacedOrders = "unplaced-orders"

    public var label: Label {
        switch self {
        case .singleValidBid: return Label("仅一家有效投标", "single valid bid")
        case .lowestBidRejected: return Label("最低报价被否决", "lowest bid rejected")
        case .abnormallyLow: return Label("异常低价", "abnormally low price")
        case .identicalPrices: return Label("报价雷同", "identical prices")
        case .unplacedOrders: return Label("框架协议订单未成交", "unplaced orders")
        }
    }
}
