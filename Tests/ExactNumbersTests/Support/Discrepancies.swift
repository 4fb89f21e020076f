import ExactNumbers

/// Mismatches found over a batch of property cases: a count and the first few, for one readable failure
/// instead of thousands.
struct Discrepancies {
    private(set) var count = 0
    private(set) var examples: [String] = []
    /// How many comparisons were made, to show that the batch really ran.
    private(set) var checks = 0

    var isEmpty: Bool { count == 0 }

    var summary: String {
        "\(count) of \(checks) checks failed; first:\n" + examples.joined(separator: "\n")
    }

    /// Records `message` unless `ok`.
    mutating func expect(_ ok: Bool, _ message: @autoclosure () -> String) {
        checks += 1
        guard !ok else { return }
        count += 1
        if examples.count < 12 { examples.append(message()) }
    }

    /// Checks a computed value against the oracle's answer and against the fast path's result.
    ///
    /// - Parameters:
    ///   - value: the result on one representation of the operands.
    ///   - expected: the oracle's answer.
    ///   - fast: the result on the fast path, which `value` must equal exactly, description and hash included.
    ///   - checkStorage: whether `value` must be held in machine integers exactly when its reduced parts fit.
    mutating func check(
        _ value: Exact,
        _ expected: OracleValue,
        fast: Exact? = nil,
        checkStorage: Bool = true,
        _ context: @autoclosure () -> String
    ) {
        let description = value.description
        expect(
            description == expected.description,
            "\(context()): description \(description), expected \(expected.description)"
        )
        expect(value == expected.value, "\(context()): \(description) != oracle \(expected.description)")
        if checkStorage {
            expect(
                value.isSmall == expected.fitsInt64,
                "\(context()): \(description) held \(value.isSmall ? "small" : "in GMP"), reduced fits Int64: \(expected.fitsInt64)"
            )
        }
        if let fast {
            expect(value == fast && fast == value, "\(context()): \(description) != fast path \(fast)")
            expect(value.hashValue == fast.hashValue, "\(context()): hash differs from the fast path's")
        }
    }
}

/// The oracle's answer for a value: `"<description> <small|big>"`.
struct OracleValue {
    let description: String
    let value: Exact
    /// Whether the reduced numerator and denominator fit in `Int64`.
    let fitsInt64: Bool

    init(_ answer: some StringProtocol) throws {
        let words = answer.split(separator: " ")
        guard words.count == 2, words[1] == "small" || words[1] == "big" else {
            throw PythonOracle.Failure(description: "not a value answer: \(answer)")
        }
        description = String(words[0])
        value = try Exact(parsing: description)
        fitsInt64 = words[1] == "small"
    }
}

/// An operand as parsed (the fast path whenever it fits) and the same value forced into GMP.
struct Operand {
    let text: String
    let fast: Exact
    let gmp: Exact

    init(_ text: String) throws {
        self.text = text
        fast = try Exact(parsing: text)
        gmp = fast.forcingGMP()
    }
}
