internal import CGMP

/// Small operations on GMP limb arrays (least significant limb first) that `gmp.h` defines inline.
enum Limbs {
    /// `-1`, `0` or `1` as `a` is less than, equal to or greater than `b`, both `count` limbs long.
    static func compare(_ a: UnsafePointer<mp_limb_t>, _ b: UnsafePointer<mp_limb_t>, count: Int) -> Int {
        for i in stride(from: count - 1, through: 0, by: -1) where a[i] != b[i] {
            return a[i] < b[i] ? -1 : 1
        }
        return 0
    }

    /// Adds one to the `count`-limb integer at `a`, which has room for one more limb; returns the new count.
    static func increment(_ a: UnsafeMutablePointer<mp_limb_t>, count: Int) -> Int {
        for i in 0..<count {
            a[i] &+= 1
            if a[i] != 0 { return count }
        }
        a[count] = 1
        return count + 1
    }
}
