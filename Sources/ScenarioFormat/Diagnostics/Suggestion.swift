/// "Did you mean …?" for misspelt keys and choices, and for `tender sweep --grid` paths (`ScenarioPaths`).
package enum Suggestion {
    /// How far from the word the closest candidate may be, in edits, and still be suggested: a third of a
    /// length, but at least 2.
    package enum Tolerance: Sendable {
        /// A third of the shorter of the word and the candidate (scenario keys and choices).
        case thirdOfShorter
        /// A third of the word (`tender sweep --grid` paths).
        case thirdOfWord
    }

    /// The candidate closest to `word` by edit distance, if it is close enough to be a plausible typo; of
    /// equally close candidates, the first. Letters are compared lowercased unless `ignoringCase` is false.
    package static func closest(
        to word: String,
        in candidates: [String],
        ignoringCase: Bool = true,
        tolerance: Tolerance = .thirdOfShorter
    ) -> String? {
        let wanted = Array(ignoringCase ? word.lowercased() : word)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(wanted, Array(ignoringCase ? candidate.lowercased() : candidate))
            if distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed: Int
        switch tolerance {
        case .thirdOfShorter: allowed = max(2, min(word.count, candidate.count) / 3)
        case .thirdOfWord: allowed = max(2, word.count / 3)
        }
        return distance <= allowed ? candidate : nil
    }

    /// ` (did you mean 'x'?)` or an empty string.
    static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
