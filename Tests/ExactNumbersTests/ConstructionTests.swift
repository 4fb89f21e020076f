import ExactNumbers
import Testing

@Suite("Construction and errors")
struct ConstructionTests {
    @Test("Integers of any width become exact values")
    func integers() throws {
        #expect(Exact(42).description == "42")
        #expect(Exact(Int.min).description == "-9223372036854775808")
        #expect(Exact(exactly: UInt64.max)?.description == "18446744073709551615")
        #expect(Exact(exactly: Int128.min)?.description == "-170141183460469231731687303715884105728")
        #expect(Exact(exactly: UInt128.max)?.description == "340282366920938463463374607431768211455")
        let literal: Exact = 30
        #expect(literal == Exact(30))
        #expect(Exact.hundred == Exact(100) && Exact.one == Exact(1) && Exact.zero.isZero)
    }

    @Test("Fractions from integers, reduced when printed; a zero denominator throws")
    func fractions() throws {
        #expect(try Exact(numerator: 6, denominator: -4).description == "-1.5")
        #expect(try Exact(numerator: Int.min, denominator: -1).description == "9223372036854775808")
        #expect(throws: ExactError.divisionByZero) { try Exact(numerator: 1, denominator: 0) }
        #expect(ExactError.divisionByZero.description == "division by zero")
    }

    @Test("Division by zero throws on both paths, for / , divided(by:) and reciprocal()")
    func divisionByZero() throws {
        let zeros = try [Exact.zero, Exact(parsing: "-0.00"), Exact(parsing: "0/7"), Exact.zero.forcingGMP()]
        let dividends = try [Exact.one, Exact(parsing: "123456789012345678901234567890"), Exact.zero]
        for zero in zeros {
            for dividend in dividends + dividends.map({ $0.forcingGMP() }) {
                #expect(throws: ExactError.divisionByZero) { try dividend / zero }
                #expect(throws: ExactError.divisionByZero) { try dividend.divided(by: zero) }
            }
            #expect(throws: ExactError.divisionByZero) { try zero.reciprocal() }
        }
        #expect(try Exact(parsing: "-0.8").reciprocal().description == "-1.25")
    }

    @Test("Results move back to machine integers once they fit again")
    func demotion() throws {
        let big = try Exact(parsing: "123456789012345678901234567890")
        #expect(!big.isSmall)
        let back = big - (try Exact(parsing: "123456789012345678901234567889"))
        #expect(back == Exact(1))
        #expect(back.isSmall)
        let overflowing = Exact(Int.max) + Exact(Int.max)
        #expect(!overflowing.isSmall)
        #expect((overflowing - Exact(Int.max)).isSmall)
        #expect(Exact(7).forcingGMP() == Exact(7))
        #expect(!Exact(7).forcingGMP().isSmall)
        #expect((Exact(7).forcingGMP() + .zero).isSmall)
    }
}
