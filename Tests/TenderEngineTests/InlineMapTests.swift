import ExactNumbers
import Testing

@testable import TenderEngine

/// A lot's amounts by supplier and by star, held inline while they have one key, read and compare as a
/// dictionary of the same entries does, through any sequence of changes.
@Suite struct InlineMapTests {
    @Test func anInlineMapIsTheDictionaryOfItsEntries() {
        var stream = RandomStream(seed: 11, replication: 0, label: "inline-map")
        func draw(_ below: Int) -> Int { Int(stream.next() % UInt64(below)) }
        for _ in 0..<2_000 {
            var map = InlineMap<String, Exact>()
            var dictionary: [String: Exact] = [:]
            for _ in 0..<draw(8) {
                let key = ["S1", "S2", "S3", "a supplier whose id is long"][draw(4)]
                switch draw(4) {
                case 0:
                    map[key] = nil
                    dictionary[key] = nil
                case 1:
                    let value = Exact(draw(1_000))
                    map[key] = value
                    dictionary[key] = value
                default:
                    let value = Exact(draw(1_000)) * .percent(1)
                    map[key, default: .zero] += value
                    dictionary[key, default: .zero] += value
                }
                #expect(map.count == dictionary.count)
                #expect(map.isEmpty == dictionary.isEmpty)
                #expect(Set(map.keys) == Set(dictionary.keys))
                #expect(Dictionary(uniqueKeysWithValues: map.map { ($0.key, $0.value) }) == dictionary)
                for key in ["S1", "S2", "S3", "S4"] { #expect(map[key] == dictionary[key]) }
            }
            // Equal to a map of the same entries built in another order (so held otherwise), and to no other.
            var rebuilt = InlineMap<String, Exact>()
            for key in dictionary.keys.sorted(by: >) { rebuilt[key] = dictionary[key] }
            #expect(map == rebuilt)
            var changed = rebuilt
            changed["S9"] = .one
            #expect(map != changed)
        }
        let literal: InlineMap<Int, Exact> = [2: 800_000, 0: 5]
        #expect(literal[2] == 800_000 && literal[0] == 5 && literal.count == 2)
    }
}
