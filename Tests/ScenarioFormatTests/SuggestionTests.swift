import ScenarioFormat
import Testing

/// The did-you-mean of scenario diagnostics and `tender sweep --grid` paths: the nearest candidate by edit
/// distance, the first of equally near ones, if it is near enough.
@Suite struct SuggestionTests {
    @Test func nearestCandidateWithinAThirdOfTheShorterWord() {
        #expect(Suggestion.closest(to: "regon", in: ["name", "region", "currency"]) == "region")
        #expect(Suggestion.closest(to: "hospitel", in: ["school", "hospital"]) == "hospital")
        // Two edits are always allowed; three are too many for words of fewer than 9 letters.
        #expect(Suggestion.closest(to: "ab", in: ["abcd"]) == "abcd")
        #expect(Suggestion.closest(to: "abcdefgh", in: ["abcdeXYZ"]) == nil)
        #expect(Suggestion.closest(to: "abcdefghi", in: ["abcdefXYZ"]) == "abcdefXYZ")
        #expect(Suggestion.closest(to: "x", in: []) == nil)
    }

    @Test func equallyNearCandidatesGiveTheFirst() {
        #expect(Suggestion.closest(to: "cat", in: ["bat", "hat"]) == "bat")
        #expect(Suggestion.closest(to: "cat", in: ["hat", "bat"]) == "hat")
    }

    @Test func caseIsIgnoredUnlessAsked() {
        #expect(Suggestion.closest(to: "REGION", in: ["region"]) == "region")
        #expect(Suggestion.closest(to: "REGION", in: ["region"], ignoringCase: false) == nil)
    }

    /// 4 edits from a 13-letter word to a 9-letter candidate: more than a third of the shorter (3), within a
    /// third of the word (4).
    @Test func toleranceByTheShorterOrByTheWord() {
        #expect(Suggestion.closest(to: "abcdefghi.jkl", in: ["abcdefghi"]) == nil)
        #expect(Suggestion.closest(to: "abcdefghi.jkl", in: ["abcdefghi"], tolerance: .thirdOfWord) == "abcdefghi")
    }
}
