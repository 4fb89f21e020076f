import ExactNumbers
import Foundation
import Testing

@Suite("Codable")
struct CodableTests {
    struct Bid: Codable, Equatable {
        let price: Exact
        let deduction: Exact
    }

    @Test("JSON encodes the exact description as a string")
    func encodesAsString() throws {
        let values = try ["1234.56", "1/3", "-0.005", "12.5%", "-22/7", "123456789012345678901234567890.5"].map {
            try Exact(parsing: $0)
        }
        let json = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
        #expect(json == #"["1234.56","1\/3","-0.005","0.125","-22\/7","123456789012345678901234567890.5"]"#)
        #expect(try JSONDecoder().decode([Exact].self, from: Data(json.utf8)) == values)
    }

    @Test("A round trip through JSON keeps every value, small or GMP, exactly")
    func roundTrip() throws {
        var generator = ValueGenerator(seed: 0xC0DE)
        let values = try (0..<300).map { _ in try Exact(parsing: generator.value()) }
        let decoded = try JSONDecoder().decode([Exact].self, from: JSONEncoder().encode(values))
        #expect(decoded == values)
        #expect(decoded.map(\.description) == values.map(\.description))
        let forced = try JSONDecoder().decode([Exact].self, from: JSONEncoder().encode(values.map { $0.forcingGMP() }))
        #expect(forced == values)
    }

    @Test("Decodes strings in every accepted form, and JSON integers")
    func decodesForms() throws {
        let json = #"{"price": 108, "deduction": "10%"}"#
        let bid = try JSONDecoder().decode(Bid.self, from: Data(json.utf8))
        #expect(bid == Bid(price: Exact(108), deduction: try Exact(parsing: "0.1")))
        let values = try JSONDecoder().decode(
            [Exact].self,
            from: Data(#"["+7", "1/3", "-0.005", 42, -9223372036854775808]"#.utf8)
        )
        #expect(values.map(\.description) == ["7", "1/3", "-0.005", "42", "-9223372036854775808"])
    }

    @Test("An invalid string throws a DecodingError carrying the parse message")
    func invalidString() throws {
        let error = #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Bid.self, from: Data(#"{"price": "1,234", "deduction": "0"}"#.utf8))
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(
            context.debugDescription == "invalid number \"1,234\": thousands separators are not allowed; write 1234"
        )
        #expect(context.codingPath.map(\.stringValue) == ["price"])
        #expect(String(describing: error).contains("thousands separators are not allowed; write 1234"))
    }

    @Test("A JSON number with a fraction is refused: amounts travel as strings, never through Double")
    func fractionalNumberRefused() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Exact].self, from: Data("[1234.56]".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Exact].self, from: Data("[true]".utf8)) }
    }
}
