import ExactNumbers
import Testing

/// Property tests: seeded random cases, answered by `Oracle/oracle.py` (Python's exact `Fraction`), each
/// computed on the fast path and again with operands forced into GMP, which must agree to the last digit.
@Suite("Exact agrees with a Fraction oracle")
struct OracleTests {
    enum BinaryOperation: String, CaseIterable, Sendable {
        case add, sub, mul, div

        func apply(_ a: Exact, _ b: Exact) -> Result<Exact, ExactError> {
            switch self {
            case .add: return .success(a + b)
            case .sub: return .success(a - b)
            case .mul: return .success(a * b)
            case .div: return Result { () throws(ExactError) in try a / b }
            }
        }

        /// The same operation through the compound assignment operator.
        func assign(_ a: Exact, _ b: Exact) -> Result<Exact, ExactError> {
            var x = a
            switch self {
            case .add: x += b
            case .sub: x -= b
            case .mul: x *= b
            case .div:
                do throws(ExactError) {
                    try x /= b
                } catch {
                    return x == a ? .failure(error) : .success(x)  // a failed division leaves x unchanged
                }
            }
            return .success(x)
        }
    }

    @Test("The case generator is SplitMix64, so a failing seed reproduces anywhere")
    func generatorIsSplitMix64() {
        var random = SplitMix64(seed: 0)
        #expect(
            [random.next(), random.next(), random.next()] == [
                0xD5A9_A293_8991_EEBA, 0x4B99_0704_4087_A973, 0xC2F4_5734_40A9_56C0,
            ]
        )
        var other = SplitMix64(seed: 1_234_567)
        #expect(other.next() == 0xC033_3C85_949B_FB5A)
    }

    /// Each operand pair in the four ways it can meet: both small, both GMP, and mixed.
    static func representations(_ a: Operand, _ b: Operand) -> [(String, Exact, Exact)] {
        [("fast", a.fast, b.fast), ("gmp", a.gmp, b.gmp), ("gmp,fast", a.gmp, b.fast), ("fast,gmp", a.fast, b.gmp)]
    }

    @Test("+ − × ÷ on 5,000 random pairs each", arguments: BinaryOperation.allCases)
    func arithmetic(_ operation: BinaryOperation) throws {
        var generator = ValueGenerator(seed: 0xA417_0000 + UInt64(operation.rawValue.utf8.first!))
        let pairs = try (0..<5_000).map { _ in (try Operand(generator.value()), try Operand(generator.value())) }
        let answers = try PythonOracle.answers(pairs.map { "\(operation.rawValue) \($0.0.text) \($0.1.text)" })
        var found = Discrepancies()
        var divisionsByZero = 0
        for ((a, b), answer) in zip(pairs, answers) {
            let context = "\(operation.rawValue) \(a.text) \(b.text)"
            let fast = operation.apply(a.fast, b.fast)
            if answer == "divzero" {
                divisionsByZero += 1
                for (path, x, y) in Self.representations(a, b) {
                    found.expect(operation.apply(x, y) == .failure(.divisionByZero), "\(context) [\(path)]: no throw")
                }
                found.expect(
                    operation.assign(a.fast, b.fast) == .failure(.divisionByZero),
                    "\(context): /= did not throw"
                )
                continue
            }
            let expected = try OracleValue(answer)
            guard case .success(let fastValue) = fast else {
                found.expect(false, "\(context): threw \(fast)")
                continue
            }
            for (path, x, y) in Self.representations(a, b) {
                switch operation.apply(x, y) {
                case .success(let value): found.check(value, expected, fast: fastValue, "\(context) [\(path)]")
                case .failure(let error): found.expect(false, "\(context) [\(path)]: threw \(error)")
                }
            }
            if case .success(let value) = operation.assign(a.fast, b.fast) {
                found.check(value, expected, fast: fastValue, "\(context) [compound assignment]")
            } else {
                found.expect(false, "\(context): compound assignment threw")
            }
        }
        #expect(found.isEmpty, "\(found.summary)")
        #expect(found.checks > 5_000 * 4 * 5)
        if operation == .div { #expect(divisionsByZero > 50, "the generator should divide by zero now and then") }
    }

    @Test("< and == on 6,000 pairs, a quarter of them equal values spelt differently")
    func comparison() throws {
        var generator = ValueGenerator(seed: 0xC0A1_2E)
        let pairs = try (0..<6_000).map { _ in
            let a = generator.value()
            let b = generator.random.chance(25) ? generator.respelling(of: a) : generator.value()
            return (try Operand(a), try Operand(b))
        }
        let answers = try PythonOracle.answers(pairs.map { "cmp \($0.0.text) \($0.1.text)" })
        var found = Discrepancies()
        var equalPairs = 0
        for ((a, b), answer) in zip(pairs, answers) {
            guard let order = Int(answer) else { throw PythonOracle.Failure(description: "bad cmp answer \(answer)") }
            if order == 0 { equalPairs += 1 }
            for (path, x, y) in Self.representations(a, b) {
                let context = "\(a.text) vs \(b.text) [\(path)], oracle \(order)"
                found.expect((x < y) == (order < 0), "\(context): <")
                found.expect((y < x) == (order > 0), "\(context): > (swapped <)")
                found.expect((x == y) == (order == 0), "\(context): ==")
                found.expect((x != y) == (order != 0), "\(context): !=")
                found.expect((x <= y) == (order <= 0), "\(context): <=")
                found.expect((x >= y) == (order >= 0), "\(context): >=")
                if order == 0 { found.expect(x.hashValue == y.hashValue, "\(context): equal values hash differently") }
            }
        }
        #expect(found.isEmpty, "\(found.summary)")
        #expect(equalPairs > 1_200)
    }

    @Test("negation and magnitude on 3,000 values each")
    func negationAndMagnitude() throws {
        var generator = ValueGenerator(seed: 0x0E6A_7E)
        let operands = try (0..<3_000).map { _ in try Operand(generator.value()) }
        let answers = try PythonOracle.answers(operands.map { "neg \($0.text)" } + operands.map { "abs \($0.text)" })
        var found = Discrepancies()
        for (index, a) in operands.enumerated() {
            let negated = try OracleValue(answers[index])
            let magnitude = try OracleValue(answers[operands.count + index])
            found.check(-a.fast, negated, "-\(a.text)")
            found.check(-a.gmp, negated, fast: -a.fast, "-\(a.text) [gmp]")
            found.check(Exact.zero - a.fast, negated, fast: -a.fast, "0 - \(a.text)")
            found.expect(-(-a.fast) == a.fast, "-(-\(a.text))")
            found.check(a.fast.magnitude, magnitude, "|\(a.text)|")
            // A non-negative value's magnitude is the value itself, so a forced GMP copy stays in GMP.
            found.check(a.gmp.magnitude, magnitude, fast: a.fast.magnitude, checkStorage: false, "|\(a.text)| [gmp]")
            found.expect(a.fast.magnitude.signum == (a.fast.isZero ? 0 : 1), "|\(a.text)| sign")
            found.expect(a.fast.signum == a.gmp.signum && (a.fast.signum == 0) == a.fast.isZero, "\(a.text): signum")
        }
        #expect(found.isEmpty, "\(found.summary)")
    }

    @Test("sum() of 500 lists of up to 300 amounts, with limits and huge values mixed in")
    func sums() throws {
        var generator = ValueGenerator(seed: 0x5_0F_A30)
        var lists: [[Operand]] = []
        for _ in 0..<500 {
            let count = generator.random.chance(5) ? generator.random.int(0...2) : generator.random.int(3...300)
            let mostlyAmounts = generator.random.chance(70)
            lists.append(
                try (0..<count).map { _ in
                    try Operand(mostlyAmounts && generator.random.chance(97) ? generator.amount() : generator.value())
                }
            )
        }
        let answers = try PythonOracle.answers(lists.map { (["sum"] + $0.map(\.text)).joined(separator: " ") })
        var found = Discrepancies()
        for (list, answer) in zip(lists, answers) {
            let expected = try OracleValue(answer)
            let context = "sum of \(list.count) starting \(list.prefix(3).map(\.text))"
            let fast = list.map(\.fast).sum()
            found.check(fast, expected, context)
            found.check(list.map(\.gmp).sum(), expected, fast: fast, "\(context) [gmp]")
            let alternating = list.enumerated().map { $0.offset.isMultiple(of: 2) ? $0.element.gmp : $0.element.fast }
            found.check(alternating.sum(), expected, fast: fast, "\(context) [alternating]")
            var running = Exact.zero
            for operand in list.reversed() { running += operand.fast }
            found.check(running, expected, fast: fast, "\(context) [+= in reverse]")
        }
        #expect(found.isEmpty, "\(found.summary)")
    }

    @Test(
        "rounded(places:mode:) and formatted(places:mode:) on 4,000 values per mode",
        arguments: RoundingMode.allCases
    )
    func rounding(_ mode: RoundingMode) throws {
        var generator = ValueGenerator(seed: 0x2_0000 + UInt64(RoundingMode.allCases.firstIndex(of: mode)!))
        var cases: [(Operand, Int)] = []
        var ties = 0
        for _ in 0..<4_000 {
            if generator.random.chance(30) {
                let tie = generator.tie()
                cases.append((try Operand(tie.text), tie.places))
                ties += 1
            } else {
                let places =
                    generator.random.chance(75)
                    ? generator.random.int(0...6) : generator.random.pick([17, 18, 19, 20, 25, 40])
                cases.append((try Operand(generator.value()), places))
            }
        }
        let lines =
            cases.map { "round \(mode.rawValue) \($0.1) \($0.0.text)" }
            + cases.map { "fmt \(mode.rawValue) \($0.1) \($0.0.text)" }
        let answers = try PythonOracle.answers(lines)
        var found = Discrepancies()
        for (index, (a, places)) in cases.enumerated() {
            let expected = try OracleValue(answers[index])
            let text = answers[cases.count + index]
            let context = "\(a.text) \(mode.rawValue) to \(places)"
            let fast = a.fast.rounded(places: places, mode: mode)
            found.check(fast, expected, context)
            found.check(a.gmp.rounded(places: places, mode: mode), expected, fast: fast, "\(context) [gmp]")
            found.expect(
                a.fast.formatted(places: places, mode: mode) == text,
                "\(context): formatted \(a.fast.formatted(places: places, mode: mode)), expected \(text)"
            )
            found.expect(
                a.gmp.formatted(places: places, mode: mode) == text,
                "\(context) [gmp]: formatted \(a.gmp.formatted(places: places, mode: mode)), expected \(text)"
            )
            found.expect(
                fast.formatted(places: places, mode: .towardZero) == text,
                "\(context): formatting the rounded value changed it"
            )
            if mode == .halfUp {
                found.expect(a.fast.rounded(places: places) == fast, "\(context): default mode is not half-up")
                found.expect(
                    a.fast.formatted(places: places) == text,
                    "\(context): default formatting mode is not half-up"
                )
            }
        }
        #expect(found.isEmpty, "\(found.summary)")
        #expect(ties > 900)
    }

    @Test("description of 10,000 parsed values, and parsing it back")
    func description() throws {
        var generator = ValueGenerator(seed: 0xDE5C)
        let operands = try (0..<10_000).map { _ in try Operand(generator.value()) }
        let answers = try PythonOracle.answers(operands.map { "desc \($0.text)" })
        var found = Discrepancies()
        for (a, answer) in zip(operands, answers) {
            let expected = try OracleValue(answer)
            found.check(a.fast, expected, "parsed \(a.text)")
            found.check(a.gmp, expected, fast: a.fast, checkStorage: false, "parsed \(a.text) [gmp]")
            found.expect(Exact(a.fast.description) == a.fast, "\(a.text): description does not parse back")
            found.expect(String(describing: a.gmp) == expected.description, "\(a.text): String(describing:)")
        }
        #expect(found.isEmpty, "\(found.summary)")
    }

    @Test("chained: price scores base / (price × (1 − d)) × points half-up, and (a×b − c) ÷ d + a×a")
    func chained() throws {
        var generator = ValueGenerator(seed: 0x5C0_2E)
        var scores: [[Operand]] = []
        var places: [Int] = []
        for _ in 0..<4_000 {
            let base = generator.positiveAmount()
            let price = generator.random.chance(90) ? generator.positiveAmount() : generator.huge().filter { $0 != "-" }
            let deduction =
                generator.random.chance(70)
                ? generator.random.pick(["0", "0.01", "0.02", "0.03", "0.04", "0.05", "0.06", "0.1", "0.2", "0.15"])
                : ValueGenerator.decimal(String(generator.random.int(0...300)), places: 3, negative: false)
            let points = generator.random.pick(["10", "30", "60", "100", "40.5", "1/3", "25"])
            scores.append(try [base, price, deduction, points].map(Operand.init))
            places.append(generator.random.chance(60) ? 2 : generator.random.int(0...6))
        }
        let chains = try (0..<4_000).map { _ in try (0..<4).map { _ in try Operand(generator.value()) } }
        let answers = try PythonOracle.answers(
            zip(scores, places).map { "score \($0.0.map(\.text).joined(separator: " ")) \($0.1)" }
                + chains.map { "chain \($0.map(\.text).joined(separator: " "))" }
        )
        var found = Discrepancies()
        for (index, (operands, places)) in zip(scores, places).enumerated() {
            let words = answers[index].split(separator: " ")
            let expected = try OracleValue(words.prefix(2).joined(separator: " "))
            let context = "score \(operands.map(\.text)) to \(places)"
            var fast: Exact?
            for forced in [false, true] {
                let x = operands.map { forced ? $0.gmp : $0.fast }
                let evaluated = x[1] * (Exact.one - x[2])
                let score = try x[0] / evaluated * x[3]
                found.check(score, expected, fast: fast, "\(context)\(forced ? " [gmp]" : "")")
                found.expect(
                    score.rounded(places: places).formatted(places: places) == words[2],
                    "\(context): rounded \(score.rounded(places: places)), expected \(words[2])"
                )
                found.expect(score.formatted(places: places) == words[2], "\(context): formatted")
                fast = fast ?? score
            }
        }
        for (index, operands) in chains.enumerated() {
            let answer = answers[scores.count + index]
            let context = "chain \(operands.map(\.text))"
            var fast: Exact?
            for forced in [false, true] {
                let x = operands.map { forced ? $0.gmp : $0.fast }
                let result = Result { () throws(ExactError) in try (x[0] * x[1] - x[2]) / x[3] + x[0] * x[0] }
                switch result {
                case .failure(let error):
                    found.expect(answer == "divzero", "\(context): threw \(error), oracle \(answer)")
                case .success(let value):
                    found.check(value, try OracleValue(answer), fast: fast, "\(context)\(forced ? " [gmp]" : "")")
                    fast = fast ?? value
                }
            }
        }
        #expect(found.isEmpty, "\(found.summary)")
    }
}
