import TenderModel

/// Something the committee noted on a bid that does not disqualify it: its kind as a code, and the facts in
/// words.
public struct BidNote: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Code {
        /// Abnormally low (Order 87 Art 60), and the bidder's explanation was accepted.
        case abnormallyLowExplained = "abnormally-low-explained"
        /// Eliminated at stage 1 of a framework agreement (财政部令第110号).
        case eliminatedAtStageOne = "eliminated-at-stage-1"

        public var label: Label {
            switch self {
            case .abnormallyLowExplained: return Label("异常低价，说明已接受", "abnormally low, explanation accepted")
            case .eliminatedAtStageOne: return Label("第一阶段淘汰", "eliminated at stage 1")
            }
        }
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    public var description: String { text }
}
