extension Dictionary where Key == String {
    /// The value for `key`, as `self[key]` gives it.
    ///
    /// The dictionaries a bid is checked against (a product's attributes, a supplier's capacities and
    /// products) hold a handful of entries, and comparing a handful of keys costs less than hashing one
    /// string, so small dictionaries are searched key by key. Keys are unique under `==`, the equality the
    /// dictionary itself uses, so the answer is the same.
    @inline(__always)
    func value(scanningFor key: String) -> Value? {
        guard count <= 8 else { return self[key] }
        var index = startIndex
        while index != endIndex {
            if keys[index] == key { return values[index] }
            formIndex(after: &index)
        }
        return nil
    }
}
