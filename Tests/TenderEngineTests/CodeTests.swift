import Foundation
import Testing

@testable import TenderEngine
@testable import TenderModel

/// The codes the engine writes into results: every case labelled in both languages, texts unique, and a code
/// written by another version read back as itself.
@Suite struct CodeTests {
    static func check<C: Code>(_ type: C.Type) {
        let texts = C.allCases.map(\.rawValue)
        #expect(Set(texts).count == texts.count, "\(C.self): two cases share a code")
        for c in C.allCases {
            #expect(!c.label.zh.isEmpty && !c.label.en.isEmpty, "\(C.self).\(c): label missing a language")
            #expect("\(c)" == c.rawValue, "\(C.self).\(c): interpolates as its code")
            #expect(Coded<C>(code: c.rawValue) == .known(c))
        }
    }

    @Test func everyCodeHasBothLabels() {
        Self.check(Rejection.Reason.self)
        Self.check(RedFlag.self)
        Self.check(FailureReason.self)
        Self.check(BidNote.Kind.self)
        Self.check(ExcludedLine.Reason.self)
        Self.check(ProcurementMethod.self)
        Self.check(EvaluationMethod.self)
        Self.check(PriceFormula.Kind.self)
        Self.check(AuctionFormat.self)
        Self.check(EnterpriseSize.self)
        Self.check(BuildingType.self)
        Self.check(SMEDeclaration.Kind.self)
        Self.check(GreenRule.self)
        Self.check(CategoryStatus.self)
        Self.check(OptionalKinds.Choice.self)
        Self.check(SettlementBasis.self)
        Self.check(KindOutcome.self)
    }

    @Test func aCodeOfAnotherVersionReadsAsItselfAndWritesBack() throws {
        let json = Data(
            #"{"counts":{"bribery":1,"green-clause":2},"flags":["single-valid-bid","bid-rigging-ring"]}"#.utf8
        )
        struct Document: Codable, Equatable {
            var flags: [Coded<RedFlag>]
            var counts: [Coded<Rejection.Reason>: Int]
        }
        let document = try JSONDecoder().decode(Document.self, from: json)
        #expect(document.flags == [.known(.singleValidBid), .unknown("bid-rigging-ring")])
        #expect(document.flags[1].label == Label("", "bid-rigging-ring"))
        #expect(document.counts[.known(.greenClause)] == 2)
        #expect(document.counts[.unknown("bribery")] == 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let written = String(decoding: try encoder.encode(document), as: UTF8.self)
        #expect(written == String(decoding: json, as: UTF8.self), "\(written)")
    }
}
