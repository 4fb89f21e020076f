extension Exact: Equatable {
    @inlinable @inline(__always)
    public static func == (lhs: Exact, rhs: Exact) -> Bool {
        if case .small(let an, let ad) = lhs.storage, case .small(let bn, let bd) = rhs.storage {
            return Int128(an) * Int128(bd) == Int128(bn) * Int128(ad)
        }
        return bigCompare(lhs, rhs) == 0
    }
}

extension Exact: Comparable {
    @inlinable @inline(__always)
    public static func < (lhs: Exact, rhs: Exact) -> Bool {
        if case .small(let an, let ad) = lhs.storage, case .small(let bn, let bd) = rhs.storage {
            return Int128(an) * Int128(bd) < Int128(bn) * Int128(ad)
        }
        return bigCompare(lhs, rhs) < 0
    }

    @usableFromInline
    static func bigCompare(_ a: Exact, _ b: Exact) -> Int {
        a.bigValue.compare(b.bigValue)
    }
}

extension Exact: Hashable {
    /// Hashes the value in lowest terms, so equal values hash equally whatever their representation.
    public func hash(into hasher: inout Hasher) {
        if let (n, d) = reducedSmallParts {
            hasher.combine(n)
            hasher.combine(d)
        } else {
            bigValue.hash(into: &hasher)
        }
    }
}
