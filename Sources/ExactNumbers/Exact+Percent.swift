extension Exact {
    /// `value` percent, e.g. `.percent(30)` is 0.3.
    @inlinable
    public static func percent(_ value: Int) -> Exact { Exact(small: Int64(value), 100) }
}
