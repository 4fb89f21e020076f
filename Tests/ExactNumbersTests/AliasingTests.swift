import ExactNumbers
import Testing

/// `a += a` hands the same value to both sides of an operation: GMP must not see one `mpq_t` as both an
/// input and a half-written output, and Swift's exclusivity checks must not trap.
@Suite("Aliasing: a op= a")
struct AliasingTests {
    static let values = [
        "0", "1.5", "-7/3", "1234.56", "9223372036854775807", "-9223372036854775808", "3037000500",
        "1/9223372036854775807", "123456789012345678901234567890.5", "-98765432109876543210987654321/7",
    ]

    @Test("a += a, a -= a, a *= a, a /= a on small, limit and GMP values", arguments: values)
    func compoundAssignment(_ text: String) throws {
        for forced in [false, true] {
            let original = try Exact(parsing: text)
            let start = forced ? original.forcingGMP() : original

            var sum = start
            sum += sum
            #expect(sum == original * Exact(2))
            #expect(sum.description == (original * Exact(2)).description)

            var difference = start
            difference -= difference
            #expect(difference == .zero)
            #expect(difference.description == "0")
            #expect(difference.isSmall)

            var product = start
            product *= product
            #expect(product == original * original)
            #expect(product.signum == (original.isZero ? 0 : 1))

            var quotient = start
            if original.isZero {
                #expect(throws: ExactError.divisionByZero) { try quotient /= quotient }
                #expect(quotient == start, "a failed division leaves the value unchanged")
            } else {
                try quotient /= quotient
                #expect(quotient == .one)
                #expect(quotient.description == "1")
            }
        }
    }

    @Test("Aliasing through + and * with the same operand on both sides")
    func sameOperand() throws {
        let big = try Exact(parsing: "123456789012345678901234567890.5")
        #expect((big + big).description == "246913578024691357802469135781")
        #expect((big * big).description == "15241578753238836750495351562659655576514250878776253619990.25")
        #expect((big - big).isZero)
        #expect(try (big / big) == .one)
        var x = Exact(Int.max)
        x += x
        #expect(x.description == "18446744073709551614")
        x -= x
        #expect(x == .zero)
    }
}
