import TenderModel

/// What a procurement method prescribes for a lot bought by sealed bids (Docs/rules.md, "Procedures").
///
/// | method | evaluation | final quotes | fewest valid bids | source |
/// |---|---|---|---|---|
/// | open tender | the policy's | no | the policy's (3) | GPL Art 36; Order 87 Art 65 |
/// | inquiry | lowest price | no: one price that cannot be changed | the policy's (3) | Order 74 Art 12, 45, 48 |
/// | competitive negotiation | lowest price | yes | the policy's (3) | Order 74 Art 33, 35 |
/// | competitive consultation | comprehensive scoring | yes | the policy's (3); 2 after a failed tender | 214号 Art 21, 23 |
/// | single source | lowest price (the one negotiated price) | no | 1 | Order 74 chapter 4 |
///
/// Reverse auctions and framework agreements are formats of their own (``AuctionLot``, ``FrameworkAgreement``).
package struct Procedure {
    package let method: ProcurementMethod

    package init(_ method: ProcurementMethod) {
        self.method = method
    }

    /// The evaluation method the procedure prescribes; nil: the policy's.
    package var evaluation: EvaluationMethod? {
        switch method {
        case .inquiry, .competitiveNegotiation, .singleSource: return .lowestPrice
        case .competitiveConsultation: return .comprehensive
        case .openTender, .reverseAuction, .frameworkAgreement: return nil
        }
    }

    /// Whether the bidders still taking part quote a final price (最后报价) after the negotiation or
    /// consultation, and only that price is evaluated.
    package var finalQuotes: Bool {
        method == .competitiveNegotiation || method == .competitiveConsultation
    }

    /// The fewest valid bids (one brand counted once) the procedure can award with; nil: the policy's.
    package var minimumValidBids: Int? {
        method == .singleSource ? 1 : nil
    }

    /// The legal ground of a failure for too few valid bids.
    package var tooFewGround: String {
        switch method {
        case .openTender, .reverseAuction, .frameworkAgreement: return "GPL Art 36; Order 87 Art 65"
        case .inquiry: return "财政部令第74号 Art 12, 48"
        case .competitiveNegotiation: return "财政部令第74号 Art 33"
        case .competitiveConsultation: return "财库〔2014〕214号 Art 21"
        case .singleSource: return "财政部令第74号 ch. 4"
        }
    }
}

extension Evaluation {
    /// The evaluation rules as a lot bought by `method` applies them: the method the procedure prescribes
    /// (inquiry, negotiation and single source: lowest price; consultation: comprehensive scoring), the rest
    /// as the policy says.
    package func applied(to method: ProcurementMethod) -> Evaluation {
        var applied = self
        if let prescribed = Procedure(method).evaluation { applied.method = prescribed }
        return applied
    }
}
