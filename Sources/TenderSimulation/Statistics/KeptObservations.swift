/// The observations a ``QuantileSketch`` keeps, at most `limit`, in the order they came. Grown by doubling
/// as an array's append grows, but never past the limit: an array grows from 4,095 slots to 8,191 for its
/// 4,096th value, which would take twice the memory the sketch keeps (64 KB instead of 32 KB a metric).
struct KeptObservations: RandomAccessCollection, Sendable, Equatable {
    private var values: [Double] = []

    var startIndex: Int { values.startIndex }
    var endIndex: Int { values.endIndex }
    subscript(position: Int) -> Double { values[position] }

    /// The number of observations the storage can hold before it grows.
    var capacity: Int { values.capacity }

    /// Appends `x`, growing the storage to at most `limit` slots (beyond, as an array's append grows it).
    mutating func append(_ x: Double, limit: Int = QuantileSketch.exactLimit) {
        if values.count == values.capacity, values.count < limit {
            values.reserveCapacity(Swift.min(2 * values.count + 1, limit))
        }
        values.append(x)
    }
}
