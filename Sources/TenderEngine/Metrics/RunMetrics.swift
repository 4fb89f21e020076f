import ExactNumbers
import TenderModel

/// The whole batch's figures: totals over lots, shares and concentration.
public struct RunMetrics: Sendable, Equatable {
    public var lots: Int
    public var failedLots: Int
    public var ceiling: Exact
    /// Σ ceilings of awarded lots (the base of the savings rate).
    public var awardedCeiling: Exact
    public var contract: Exact
    public var bids: Int
    public var validBids: Int
    public var rejections: RejectionCounts
    public var amountByStar: InlineMap<Int, Exact>
    public var referenceCost: Exact
    public var referencedContract: Exact
    public var smeAmount: Exact
    public var smallMicroAmount: Exact
    /// Herfindahl–Hirschman index of contract value by supplier, 0–10,000.
    public var hhi: Exact
    public var redFlags: [RedFlag: Int]
    /// The SME reserve's small/micro part (财库〔2020〕46号 Art 8), nil when the plan reserved no lot.
    public var reserve: ReserveCheck? = nil
    /// Money back to projects (``ProjectSettlement``), totalled over the projects by ``settle(_:)``: the
    /// ceilings of every demand line, of the lines bought, what the projects pay, their budgets, the green
    /// premium, and how many projects meet the green rule.
    public var projectCeiling: Exact = .zero
    public var projectBoughtCeiling: Exact = .zero
    public var payable: Exact = .zero
    public var budgets: Exact = .zero
    public var greenPremium: Exact?
    public var projects = 0
    public var compliantProjects = 0
    /// Lines whose amount is assumed to be their ceiling (left to the project and not bought by the engine).
    public var assumedLines = 0
    /// The procurements held and their administrative cost (``ProcurementCount``).
    public var procurement: ProcurementCount? = nil
    /// Entry and markups over the lots (``BidderResponse``), when the context measures them.
    public var response: BidderResponse? = nil

    /// 节约资金, in yuan: how much less the awarded lots cost than their ceilings (awarded ceiling − contract).
    /// A failed lot bought nothing and saved nothing: its ceiling is not counted.
    public var savings: Exact { awardedCeiling - contract }
    /// Savings / the ceilings of all lots (failed lots included): the share of the planned batch saved.
    public var savingsRateOfAllCeilings: Exact? { ceiling.isZero ? nil : try? savings / ceiling }
    /// (awarded ceiling − contract) / awarded ceiling.
    public var savingsRate: Exact? { awardedCeiling.isZero ? nil : try? (awardedCeiling - contract) / awardedCeiling }
    /// Contract / reference cost − 1, over categories with a reference price (工程造价成本增量).
    public var costIncrementRate: Exact? {
        referenceCost.isZero ? nil : try? (referencedContract - referenceCost) / referenceCost
    }
    public var smeShare: Exact? { contract.isZero ? nil : try? smeAmount / contract }
    public var smallMicroShare: Exact? { contract.isZero ? nil : try? smallMicroAmount / contract }
    /// Contract share certified at `star` or more.
    public func greenShare(atLeast star: Int) -> Exact? {
        guard !contract.isZero else { return nil }
        var amount = Exact.zero
        for (certified, part) in amountByStar where certified >= star { amount += part }
        return try? amount / contract
    }

    static func total(_ lots: [LotMetrics], outcomes: [LotOutcome]) -> RunMetrics {
        var m = RunMetrics(
            lots: lots.count,
            failedLots: 0,
            ceiling: .zero,
            awardedCeiling: .zero,
            contract: .zero,
            bids: 0,
            validBids: 0,
            rejections: RejectionCounts(),
            amountByStar: InlineMap(),
            referenceCost: .zero,
            referencedContract: .zero,
            smeAmount: .zero,
            smallMicroAmount: .zero,
            hhi: .zero,
            redFlags: [:]
        )
        var bySupplier = InlineMap<String, Exact>()
        // The first awarded lot's maps are taken as they are (one entry each is held inline; a dictionary is
        // shared, not rebuilt): a run of one lot allocates none; the next lots add to them.
        var firstAward = true
        // By index, the lots' figures read in place: iterating would copy each lot's figures and outcome.
        for k in lots.indices where k < outcomes.count {
            m.ceiling += lots[k].ceiling
            m.bids += lots[k].bids
            m.validBids += lots[k].validBids
            if lots[k].failed { m.failedLots += 1 }
            m.rejections.add(lots[k].rejections)
            for flag in lots[k].redFlags { m.redFlags[flag, default: 0] += 1 }
            guard let contract = lots[k].contract, outcomes[k].winner != nil else { continue }
            m.awardedCeiling += lots[k].ceiling
            m.contract += contract
            if firstAward {
                bySupplier = lots[k].contractBySupplier
                m.amountByStar = lots[k].amountByStar
                firstAward = false
            } else {
                // A framework agreement's orders may go to several suppliers.
                for (supplier, amount) in lots[k].contractBySupplier { bySupplier[supplier, default: .zero] += amount }
                for (star, amount) in lots[k].amountByStar { m.amountByStar[star, default: .zero] += amount }
            }
            m.referenceCost += lots[k].referenceCost ?? .zero
            m.referencedContract += lots[k].referencedContract ?? .zero
            m.smeAmount += lots[k].smeContract
            m.smallMicroAmount += lots[k].smallMicroContract
        }
        if !m.contract.isZero { m.hhi = hhi(bySupplier.lazy.map(\.value), contract: m.contract) }
        return m
    }

    /// The Herfindahl–Hirschman index Σ (100 · amountᵢ / contract)², 0–10,000, exactly; `contract` is not zero.
    ///
    /// Computed as 10⁴ · Σ amountᵢ² / contract², one division instead of one per supplier. When the amounts and
    /// the contract are machine fractions and each amount's denominator divides the contract's (the contract is
    /// their sum, whose denominator is a multiple of theirs unless the addition reduced it), the amounts are taken
    /// over the contract's denominator and the sum of squares on 128-bit integers, reduced once; otherwise, or on
    /// overflow, on exact values.
    /// `amounts` is read once, twice when the 128-bit sum gives up.
    static func hhi(_ amounts: some Sequence<Exact>, contract: Exact) -> Exact {
        if let (total, denominator) = contract.machineFraction {
            var squares: Int128 = 0
            var fits = true
            for amount in amounts {
                guard let (n, d) = amount.machineFraction, denominator % d == 0 else {
                    fits = false
                    break
                }
                // n / d = n · (D / d) / D; |n| ≤ 2⁶³ and D / d < 2⁶³, so the product fits in 128 bits.
                let scaled = Int128(n) * Int128(denominator / d)
                let (square, squareOverflow) = scaled.multipliedReportingOverflow(by: scaled)
                guard !squareOverflow else {
                    fits = false
                    break
                }
                let (sum, overflow) = squares.addingReportingOverflow(square)
                guard !overflow else {
                    fits = false
                    break
                }
                squares = sum
            }
            // Amounts of one sign summing to the contract: Σ scaledᵢ² ≤ total², so only the factor 10⁴ can overflow
            // (for totals past about 2⁵⁷); the checks above stand for any other input.
            let (scaled, overflow) = squares.multipliedReportingOverflow(by: 10_000)
            if fits, !overflow, let value = Exact.fraction(scaled, Int128(total) * Int128(total)) {
                return value
            }
        }
        var squares = Exact.zero
        for amount in amounts { squares += amount * amount }
        return ((try? squares / (contract * contract)) ?? .zero) * Exact(10_000)
    }
}
