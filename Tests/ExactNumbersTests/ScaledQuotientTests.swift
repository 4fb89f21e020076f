import ExactNumbers
import Testing

/// `Exact.scaledQuotient(a, dividedBy: b, times: c, places:, mode:)` must give exactly what
/// `(a / b * c).rounded(places:mode:)` gives, on either path and on every mix of them.
@Suite("scaledQuotient agrees with the expression it fuses")
struct ScaledQuotientTests {
    typealias Outcome = Result<Exact, ExactError>

    /// The unfused expression, or the error it throws.
    static func unfused(_ a: Exact, _ b: Exact, _ c: Exact, places: Int, mode: RoundingMode) -> Outcome {
        Result { () throws(ExactError) in try (a / b * c).rounded(places: places, mode: mode) }
    }

    static func fused(_ a: Exact, _ b: Exact, _ c: Exact, places: Int, mode: RoundingMode) -> Outcome {
        Result { () throws(ExactError) in
            try Exact.scaledQuotient(a, dividedBy: b, times: c, places: places, mode: mode)
        }
    }

    /// Compares the fused and unfused results for `a / b × c` on the operands' eight fast/GMP mixes.
    static func compare(
        _ operands: [Operand],
        places: Int,
        mode: RoundingMode,
        into found: inout Discrepancies
    ) {
        let context = "\(operands.map(\.text)) \(mode.rawValue) to \(places)"
        let reference = unfused(operands[0].fast, operands[1].fast, operands[2].fast, places: places, mode: mode)
        for mix in 0..<8 {
            let x = operands.indices.map { mix & (1 << $0) == 0 ? operands[$0].fast : operands[$0].gmp }
            let expected = unfused(x[0], x[1], x[2], places: places, mode: mode)
            let actual = fused(x[0], x[1], x[2], places: places, mode: mode)
            found.expect(expected == reference, "\(context) [mix \(mix)]: the unfused paths disagree")
            switch (expected, actual) {
            case (.success(let e), .success(let f)):
                found.expect(f == e && e == f, "\(context) [mix \(mix)]: \(f), expected \(e)")
                found.expect(f.description == e.description, "\(context) [mix \(mix)]: prints \(f), expected \(e)")
                found.expect(f.hashValue == e.hashValue, "\(context) [mix \(mix)]: hash differs")
                found.expect(f.isSmall == e.isSmall, "\(context) [mix \(mix)]: held small: \(f.isSmall)")
            case (.failure(let e), .failure(let f)):
                found.expect(e == f, "\(context) [mix \(mix)]: threw \(f), expected \(e)")
            default:
                found.expect(false, "\(context) [mix \(mix)]: \(actual), expected \(expected)")
            }
        }
    }

    static func places(_ generator: inout ValueGenerator) -> Int {
        generator.random.chance(75) ? generator.random.int(0...6) : generator.random.pick([17, 18, 19, 20, 25, 40])
    }

    @Test("Random operands of every family, > 128 bits included, in every mode", arguments: RoundingMode.allCases)
    func randomOperands(_ mode: RoundingMode) throws {
        var generator = ValueGenerator(seed: 0x5CA1_0000 + UInt64(RoundingMode.allCases.firstIndex(of: mode)!))
        var found = Discrepancies()
        var big = 0
        for _ in 0..<1_500 {
            let operands = try (0..<3).map { _ in try Operand(generator.value()) }
            if operands.contains(where: { !$0.fast.isSmall }) { big += 1 }
            Self.compare(operands, places: Self.places(&generator), mode: mode, into: &found)
        }
        #expect(found.isEmpty, "\(found.summary)")
        #expect(big > 300)
    }

    @Test("Price scores: amounts and 40-digit bids against a lowest bid, points as the policies set them")
    func priceScores() throws {
        var generator = ValueGenerator(seed: 0x5C0_2E5)
        var found = Discrepancies()
        for _ in 0..<3_000 {
            let wide = generator.random.chance(40)
            let base =
                wide ? String(generator.random.int(1...9)) + generator.random.digits(39) : generator.positiveAmount()
            let price =
                wide ? String(generator.random.int(1...9)) + generator.random.digits(39) : generator.positiveAmount()
            let points = generator.random.pick(["10", "30", "60", "100", "40.5", "1/3", "25"])
            let operands = try [base, price, points].map(Operand.init)
            let mode = generator.random.pick(RoundingMode.allCases)
            Self.compare(
                operands,
                places: generator.random.chance(70) ? 2 : Self.places(&generator),
                mode: mode,
                into: &found
            )
        }
        #expect(found.isEmpty, "\(found.summary)")
    }

    @Test("Exact ties: a / b × c lands halfway between two multiples of 10^-places", arguments: RoundingMode.allCases)
    func ties(_ mode: RoundingMode) throws {
        var generator = ValueGenerator(seed: 0x71E5_0000 + UInt64(RoundingMode.allCases.firstIndex(of: mode)!))
        var found = Discrepancies()
        for _ in 0..<1_000 {
            let tie = generator.tie()
            // b and c of any size, then a = tie × b / c, so that a / b × c is the tie itself.
            var b = try Operand(generator.value())
            if b.fast.isZero { b = try Operand("7") }
            var c = try Operand(generator.value())
            if c.fast.isZero { c = try Operand("3") }
            let a = try Exact(parsing: tie.text) * b.fast / c.fast
            let operands = [try Operand(a.description), b, c]
            found.expect(
                try a / b.fast * c.fast == Exact(parsing: tie.text),
                "\(tie.text): a / b × c is not the tie"
            )
            Self.compare(operands, places: tie.places, mode: mode, into: &found)
        }
        #expect(found.isEmpty, "\(found.summary)")
    }

    @Test("Division by zero throws on both paths, as the unfused expression does")
    func divisionByZero() throws {
        for zero in ["0", "0/7", "-0.00"] {
            for a in ["1", "123456789012345678901234567890.5", "-2/3"] {
                let operands = try [a, zero, "60"].map(Operand.init)
                var found = Discrepancies()
                Self.compare(operands, places: 2, mode: .halfUp, into: &found)
                #expect(found.isEmpty, "\(found.summary)")
                #expect(
                    Self.fused(operands[0].fast, operands[1].fast, operands[2].fast, places: 2, mode: .halfUp)
                        == .failure(.divisionByZero)
                )
            }
        }
    }

    @Test("The worked examples: 100.00 / 112.50 / 96.00 against base 96.00 score 28.80 / 25.60 / 30.00")
    func workedExample() throws {
        let base = try Exact(parsing: "96.00")
        let scores = try ["100.00", "112.50", "96.00"].map { bid in
            try Exact.scaledQuotient(base, dividedBy: Exact(parsing: bid), times: 30, places: 2, mode: .halfUp)
        }
        #expect(scores.map { $0.formatted(places: 2) } == ["28.80", "25.60", "30.00"])
    }
}
