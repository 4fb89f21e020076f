import ExactNumbers
import TenderModel

/// A bidder admitted to a reverse auction (it passed the qualification and conformity reviews).
public struct AuctionBidder: Sendable, Equatable {
    public var id: String
    /// The SME price deduction d: the step and the ranking compare price × (1 − d).
    public var deduction: Exact
    /// The lowest quoted price it accepts: its drawn cost, or its sealed price without a cost model.
    public var floor: Exact
    /// Its sealed price: the ProZorro first round, and the one move of a `sealed` bidder.
    public var sealedPrice: Exact
    public var strategy: AuctionStrategy
    /// Its own ceiling when lower than the auction's (a framework supplier's agreement price).
    public var cap: Exact?

    public init(
        id: String,
        deduction: Exact = .zero,
        floor: Exact,
        sealedPrice: Exact,
        strategy: AuctionStrategy,
        cap: Exact? = nil
    ) {
        self.id = id
        self.deduction = deduction
        self.floor = floor
        self.sealedPrice = sealedPrice
        self.strategy = strategy
        self.cap = cap
    }

    /// price × (1 − d).
    public func evaluated(_ price: Exact) -> Exact { price * (.one - deduction) }

    /// The highest price it may bid: the auction's ceiling, or its own cap when lower.
    func ceiling(_ settings: AuctionSettings) -> Exact { cap.map { min($0, settings.ceiling) } ?? settings.ceiling }
}

/// The platform settings of one auction.
public struct AuctionSettings: Sendable, Equatable {
    /// The start price and the highest acceptable bid: the lot's ceiling.
    public var ceiling: Exact
    public var step: AuctionStep
    /// The e-mall deadline in rounds, or the number of ProZorro open rounds.
    public var rounds: Int

    public init(ceiling: Exact, step: AuctionStep, rounds: Int) {
        self.ceiling = ceiling
        self.step = step
        self.rounds = rounds
    }
}

/// A move entered in a rehearsal, in submission order.
public struct ScheduledMove: Sendable, Equatable {
    public var bidder: String
    public var price: Exact
    public var round: Int
    public var submittedAt: String

    public init(bidder: String, price: Exact, round: Int, submittedAt: String = "") {
        self.bidder = bidder
        self.price = price
        self.round = round
        self.submittedAt = submittedAt
    }
}

/// What the platform accepts, checked exactly: prices are compared as exact decimals, never rounded.
public enum AuctionRules {
    static let cent: Exact = (try? Exact(numerator: 1, denominator: 100)) ?? .zero

    /// The highest whole-cent quote whose evaluated price, quote × (1 − d), is at most `target`.
    public static func highestQuote(evaluatedAtMost target: Exact, deduction: Exact) -> Exact {
        let keep = Exact.one - deduction
        guard keep > .zero, let quote = try? target / keep else { return target.rounded(places: 2, mode: .floor) }
        return quote.rounded(places: 2, mode: .floor)
    }

    /// Why the e-mall refuses `price` (nil: accepted): above the ceiling, or not undercutting the best
    /// evaluated price by the minimal step. The step is taken of the best evaluated price.
    public static func eMallRejection(
        price: Exact,
        deduction: Exact = .zero,
        best: Exact?,
        ceiling: Exact,
        step: AuctionStep
    ) -> String? {
        if price > ceiling { return "above the ceiling \(shown(ceiling))" }
        guard let best else { return nil }
        let evaluated = price * (.one - deduction)
        let required = step.required(below: best)
        let undercut = best - evaluated
        if undercut < required {
            return "undercuts the best \(shown(best)) by \(shown(undercut)); at least \(shown(required)) required"
        }
        return nil
    }

    /// Why a ProZorro round refuses `price` (nil: accepted): above the ceiling, or, in an open round, not
    /// below the bidder's own standing evaluated price by the minimal step.
    public static func proZorroRejection(
        price: Exact,
        deduction: Exact = .zero,
        own: Exact?,
        ceiling: Exact,
        step: AuctionStep
    ) -> String? {
        if price > ceiling { return "above the ceiling \(shown(ceiling))" }
        guard let own else { return nil }
        let evaluated = price * (.one - deduction)
        let required = step.required(below: own)
        let lowered = own - evaluated
        if lowered < required {
            return "lowers its own bid \(shown(own)) by \(shown(lowered)); at least \(shown(required)) required"
        }
        return nil
    }

    /// A price as the log shows it: 2 places when exact there, else the exact value (6 places then `…`).
    static func shown(_ value: Exact) -> String {
        if let places = value.terminatingPlaces {
            if places <= 2 { return value.formatted(places: 2) }
            if places <= 6 { return value.description }
        }
        return value.formatted(places: 6, mode: .towardZero) + "…"
    }

    /// The quote a bidder's strategy places against `best` (and, under ProZorro, its own standing bid `own`),
    /// or nil when it would have to go below its floor: then it drops out.
    static func strategicQuote(
        _ bidder: AuctionBidder,
        best: Exact?,
        own: Exact?,
        settings: AuctionSettings
    ) -> Exact? {
        let ceiling = bidder.ceiling(settings)
        var cap = ceiling.rounded(places: 2, mode: .floor)
        if let best {
            var below = highestQuote(
                evaluatedAtMost: best - settings.step.required(below: best),
                deduction: bidder.deduction
            )
            // Aim strictly below the best even with a zero step: an equal bid never wins.
            if bidder.evaluated(below) >= best { below -= cent }
            cap = min(cap, below)
        }
        if let own {
            cap = min(
                cap,
                highestQuote(evaluatedAtMost: own - settings.step.required(below: own), deduction: bidder.deduction)
            )
        }
        let floor = bidder.floor.rounded(places: 2, mode: .ceiling)
        var quote = cap
        if case .jump(let share) = bidder.strategy {
            let reference = best ?? bidder.evaluated(ceiling)
            let jumped = highestQuote(evaluatedAtMost: reference * (.one - share), deduction: bidder.deduction)
            quote = min(cap, max(jumped, floor))
        }
        return quote >= floor && quote > .zero ? quote : nil
    }
}

/// Numbers moves in submission order.
struct MoveCounter {
    var next = 1

    mutating func move(
        round: Int,
        bidder: String,
        price: Exact,
        evaluated: Exact,
        submittedAt: String = "",
        rejection: String?
    ) -> AuctionMove {
        defer { next += 1 }
        return AuctionMove(
            sequence: next,
            round: round,
            bidder: bidder,
            price: price,
            evaluatedPrice: evaluated,
            submittedAt: submittedAt,
            rejection: rejection
        )
    }
}

/// The e-mall reverse auction (电子卖场反向竞价).
///
/// The start price is the ceiling. Rounds 1…`rounds` (the deadline): in each round every bidder still in
/// moves once, in the order given (the entry order), seeing the best evaluated price so far and whether it
/// holds it. A bid must be at most the ceiling and, once there is a best, undercut the best evaluated price
/// by at least the minimal step; a bidder's last accepted bid counts. Lowest evaluated price wins; equal
/// lowest (possible only with a zero step): the earlier move.
public enum ReverseAuction {
    /// The auction among `bidders` (in entry order) playing their strategies.
    public static func simulate(_ bidders: [AuctionBidder], settings: AuctionSettings) -> AuctionRecord {
        var counter = MoveCounter()
        var rounds: [AuctionRound] = []
        var best: AuctionMove?
        var active = [Bool](repeating: true, count: bidders.count)
        let last = settings.rounds
        var round = 1
        while round <= last {
            var current = AuctionRound(number: round, label: "round \(round)")
            var acceptedAny = false
            for (index, bidder) in bidders.enumerated() where active[index] {
                switch bidder.strategy {
                case .sealed where round != 1, .lastMoment where round != last: continue
                default: break
                }
                if best?.bidder == bidder.id { continue }
                let quote: Exact?
                if case .sealed = bidder.strategy {
                    quote = bidder.sealedPrice
                    active[index] = false
                } else {
                    quote = AuctionRules.strategicQuote(
                        bidder,
                        best: best?.evaluatedPrice,
                        own: nil,
                        settings: settings
                    )
                }
                guard let quote else {
                    active[index] = false
                    current.droppedOut.append(bidder.id)
                    continue
                }
                let move = counter.move(
                    round: round,
                    bidder: bidder.id,
                    price: quote,
                    evaluated: bidder.evaluated(quote),
                    rejection: AuctionRules.eMallRejection(
                        price: quote,
                        deduction: bidder.deduction,
                        best: best?.evaluatedPrice,
                        ceiling: bidder.ceiling(settings),
                        step: settings.step
                    )
                )
                current.moves.append(move)
                if move.accepted {
                    acceptedAny = true
                    if best.map({ move.evaluatedPrice < $0.evaluatedPrice }) ?? true { best = move }
                }
            }
            if !current.moves.isEmpty || !current.droppedOut.isEmpty { rounds.append(current) }
            let waiting = bidders.indices.contains { active[$0] && bidders[$0].strategy == .lastMoment }
            if !acceptedAny && round < last {
                // Nothing moves until the deadline except the last-moment bidders.
                guard waiting else { break }
                round = last
                continue
            }
            round += 1
        }
        return AuctionRecord(
            format: .eMall,
            ceiling: settings.ceiling,
            step: settings.step,
            roundLimit: settings.rounds,
            rounds: rounds
        )
    }

    /// A rehearsal: every entered move in submission order, each accepted or rejected by the rules.
    /// `refused` names bidders not admitted (the reviews' reasons); `deductions` gives each bidder's d.
    public static func replay(
        _ moves: [ScheduledMove],
        deductions: [String: Exact] = [:],
        refused: [String: String] = [:],
        settings: AuctionSettings
    ) -> AuctionRecord {
        var counter = MoveCounter()
        var rounds: [AuctionRound] = []
        var best: AuctionMove?
        for scheduled in moves {
            let d = deductions[scheduled.bidder] ?? .zero
            let rejection: String?
            if let reason = refused[scheduled.bidder] {
                rejection = "not admitted: \(reason)"
            } else if scheduled.round > settings.rounds {
                rejection = "after the deadline (round \(settings.rounds))"
            } else {
                rejection = AuctionRules.eMallRejection(
                    price: scheduled.price,
                    deduction: d,
                    best: best?.evaluatedPrice,
                    ceiling: settings.ceiling,
                    step: settings.step
                )
            }
            let move = counter.move(
                round: scheduled.round,
                bidder: scheduled.bidder,
                price: scheduled.price,
                evaluated: scheduled.price * (.one - d),
                submittedAt: scheduled.submittedAt,
                rejection: rejection
            )
            if move.accepted, best.map({ move.evaluatedPrice < $0.evaluatedPrice }) ?? true { best = move }
            if rounds.last?.number != scheduled.round {
                rounds.append(AuctionRound(number: scheduled.round, label: "round \(scheduled.round)"))
            }
            rounds[rounds.count - 1].moves.append(move)
        }
        return AuctionRecord(
            format: .eMall,
            ceiling: settings.ceiling,
            step: settings.step,
            roundLimit: settings.rounds,
            rounds: rounds
        )
    }
}
