/// A map that holds its first key inline and takes a dictionary only for a second: a lot's contract amount by
/// supplier and by certificate star (``LotMetrics``) have one key in the usual case — one winner, one category
/// — so measuring a lot builds no dictionary. Iterates in no particular order, as a dictionary does.
public struct InlineMap<Key: Hashable & Sendable, Value: Sendable>: Sendable, Sequence {
    /// The only entry, while there is at most one; nil when empty or when ``many`` holds the entries.
    private var single: (key: Key, value: Value)?
    /// Every entry, once a second key came; then ``single`` is nil.
    private var many: [Key: Value] = [:]

    public init() {}

    public var isEmpty: Bool { single == nil && many.isEmpty }
    public var count: Int { single == nil ? many.count : 1 }

    /// The value of `key`, nil when it has none; setting nil removes it.
    public subscript(key: Key) -> Value? {
        get {
            if let single { return single.key == key ? single.value : nil }
            return many.isEmpty ? nil : many[key]
        }
        set {
            if let entry = single {
                if entry.key == key {
                    single = newValue.map { (key, $0) }
                    return
                }
                guard let newValue else { return }
                many = [entry.key: entry.value, key: newValue]
                single = nil
            } else if many.isEmpty {
                single = newValue.map { (key, $0) }
            } else {
                many[key] = newValue
            }
        }
    }

    /// The value of `key`, `value` when it has none (for `map[key, default: .zero] += amount`).
    public subscript(key: Key, default value: @autoclosure () -> Value) -> Value {
        get { self[key] ?? value() }
        set { self[key] = newValue }
    }

    /// The keys, in no particular order.
    public var keys: [Key] { single.map { [$0.key] } ?? Array(many.keys) }

    public func makeIterator() -> Iterator {
        Iterator(single: single, many: single == nil ? many.makeIterator() : nil)
    }

    /// The entries as `(key:, value:)`, like a dictionary's.
    public struct Iterator: IteratorProtocol {
        fileprivate var single: (key: Key, value: Value)?
        fileprivate var many: Dictionary<Key, Value>.Iterator?

        public mutating func next() -> (key: Key, value: Value)? {
            if let entry = single {
                single = nil
                return entry
            }
            return many?.next()
        }
    }
}

extension InlineMap: Equatable where Value: Equatable {
    /// The same keys with the same values, however held.
    public static func == (a: InlineMap, b: InlineMap) -> Bool {
        guard a.count == b.count else { return false }
        for entry in a where b[entry.key] != entry.value { return false }
        return true
    }
}

extension InlineMap: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (Key, Value)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }
}
