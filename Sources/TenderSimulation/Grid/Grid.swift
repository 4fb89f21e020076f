import ExactNumbers
import ScenarioFormat

/// One parameter of a sweep cell: an override path and the value text given to the scenario loader.
package struct GridValue: Sendable, Hashable, CustomStringConvertible {
    package var path: String
    /// The value as YAML text, as `ScenarioLoader.load(_:variant:overrides:)` takes it (`12%`, `40`).
    package var value: String

    package init(path: String, value: String) {
        self.path = path
        self.value = value
    }

    package var description: String { "\(path)=\(value)" }

    /// The value as an exact number, when it is one: `10%` is 0.1, `40` is 40, `1/3` is 1/3; nil for a value
    /// that is not a number (`lowest-price`, `true`, a date). The results database stores it beside the text.
    package var number: Exact? { try? Exact(parsing: value) }
}

/// One `--grid` option: a path and its values.
///
/// Two forms: an exact decimal range `10%..20% step 2%` (both ends and the step are exact decimals, with
/// `%` on all three or none; the values are start, start + step, … up to and including the end when a
/// step lands on it), or a comma-separated list `30,40,50,60` whose items are passed as written.
package struct GridAxis: Sendable, Equatable {
    package var path: String
    package var values: [String]

    /// The most values one axis may have.
    package static let maximumValues = 10_000

    package init(path: String, values: [String]) {
        self.path = path
        self.values = values
    }

    /// Parses `path=range` or `path=list`.
    package init(parsing text: String) throws(GridError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw GridError("expected PATH=VALUES, e.g. 'policy.sme.deduction=10%..20% step 2%' (found '\(text)')")
        }
        let path = text[..<equals].trimmingCharacters(in: " ")
        let spec = text[text.index(after: equals)...].trimmingCharacters(in: " ")
        guard OverridePath(path) != nil else {
            throw GridError(
                "'\(path)' is not a scenario path; write one such as policy.sme.deduction or suppliers[S03].participation"
            )
        }
        guard !spec.isEmpty else { throw GridError("\(path): no values after '='") }
        self.path = path
        if spec.contains("..") {
            values = try Self.range(spec, path: path)
        } else {
            let items = spec.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: " ")
            }
            if items.contains(where: \.isEmpty) {
                throw GridError("\(path): empty value in the list '\(spec)'")
            }
            if Set(items).count != items.count {
                throw GridError("\(path): a value is listed twice in '\(spec)'")
            }
            values = items
        }
    }

    private static func range(_ spec: String, path: String) throws(GridError) -> [String] {
        let usage = "write START..END step STEP, e.g. 10%..20% step 2%"
        let words = spec.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard words.count == 3, words[1] == "step" else {
            throw GridError("\(path): cannot read the range '\(spec)'; \(usage)")
        }
        let ends = words[0].components(separatedBy: "..")
        guard ends.count == 2 else { throw GridError("\(path): cannot read the range '\(spec)'; \(usage)") }
        let texts = [ends[0], ends[1], words[2]]
        let percent = texts.map { $0.hasSuffix("%") }
        guard percent.allSatisfy({ $0 == percent[0] }) else {
            throw GridError("\(path): write '%' on the start, the end and the step, or on none of them ('\(spec)')")
        }
        var numbers: [Exact] = []
        for text in texts {
            do {
                numbers.append(try Exact(parsing: text))
            } catch {
                throw GridError("\(path): '\(text)' in '\(spec)' is not an exact decimal: \(error.message)")
            }
        }
        let (start, end, step) = (numbers[0], numbers[1], numbers[2])
        guard step.signum > 0 else { throw GridError("\(path): the step must be positive ('\(spec)')") }
        guard start <= end else { throw GridError("\(path): the range starts after it ends ('\(spec)')") }
        var values: [String] = []
        var value = start
        while value <= end {
            values.append(percent[0] ? (value * .hundred).description + "%" : value.description)
            if values.count > maximumValues {
                throw GridError("\(path): '\(spec)' has more than \(maximumValues) values")
            }
            value += step
        }
        return values
    }
}

/// The Cartesian product of the axes: cell 0 takes every axis's first value; the last axis varies fastest.
package struct Grid: Sendable, Equatable {
    package var axes: [GridAxis]

    /// The most cells a sweep may have.
    package static let maximumCells = 1_000_000

    package init(_ axes: [GridAxis]) throws(GridError) {
        var seen = Set<String>()
        for axis in axes where !seen.insert(axis.path).inserted {
            throw GridError("\(axis.path) is given in two --grid options; list all its values in one")
        }
        var cells = 1
        for axis in axes {
            cells = cells.multipliedReportingOverflow(by: axis.values.count).partialValue
            if cells > Self.maximumCells { throw GridError("the grid has more than \(Self.maximumCells) cells") }
        }
        self.axes = axes
    }

    package var count: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The parameters of cell `index`.
    package func cell(_ index: Int) -> [GridValue] {
        var rest = index
        var values: [GridValue] = []
        for axis in axes.reversed() {
            values.append(GridValue(path: axis.path, value: axis.values[rest % axis.values.count]))
            rest /= axis.values.count
        }
        return values.reversed()
    }
}

/// A malformed `--grid`.
package struct GridError: Error, Sendable, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}

extension StringProtocol {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
