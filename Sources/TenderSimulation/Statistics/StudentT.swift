/// Quantiles of Student's t distribution for confidence intervals.
enum StudentT {
    /// t(0.975, df) for df = 1…30 (two-sided 95%).
    static let table975: [Double] = [
        12.706204736174698, 4.302652729749464, 3.182446305284263, 2.7764451051977934, 2.570581835636314,
        2.4469118511449692, 2.3646242515927844, 2.306004135204166, 2.2621571628540993, 2.2281388519649385,
        2.200985160082949, 2.1788128296634177, 2.1603686564610127, 2.1447866879169273, 2.131449545559323,
        2.1199052992210112, 2.1098155778331806, 2.100922040241039, 2.093024054408263, 2.0859634472658364,
        2.0796138447276626, 2.0738730679040147, 2.0686576104190406, 2.0638985616280205, 2.059538552753294,
        2.055529438642871, 2.0518305164802833, 2.048407141795244, 2.045229642132703, 2.0422724563012373,
    ]

    /// The 97.5% normal quantile.
    static let z975 = 1.959963984540054

    /// t(0.975, df): the table up to 30, then the Cornish–Fisher expansion in 1/df (error below 1e-6).
    static func quantile975(degreesOfFreedom df: Int) -> Double {
        guard df >= 1 else { return .nan }
        if df <= table975.count { return table975[df - 1] }
        let z = z975
        let v = Double(df)
        let z3 = z * z * z
        let z5 = z3 * z * z
        let z7 = z5 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
    }
}
