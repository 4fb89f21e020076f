import ExactNumbers
import Testing

@Test func domainExampleA() throws {
    let bids = ["100.00", "112.50", "96.00"].map { Exact($0)! }
    let base = bids.min()!
    let scores = try bids.map { try (base / $0 * 30).rounded(places: 2).formatted(places: 2) }
    #expect(scores == ["28.80", "25.60", "30.00"])
    #expect(Exact("2.675")!.rounded(places: 2) == Exact("2.68")!)
    #expect(Exact("-0.005")!.rounded(places: 2).description == "-0.01")
    #expect(Exact("0.125")!.rounded(places: 2, mode: .halfEven).description == "0.12")
    #expect(try (Exact(1) / Exact(3)).description == "1/3")
    #expect(Exact("12.5%")!.description == "0.125")
    var a = Exact("123456789012345678901234567890.5")!
    a += a
    #expect(a.description == "246913578024691357802469135781")
    #expect(throws: ExactError.divisionByZero) { try Exact(1) / Exact(0) }
}
