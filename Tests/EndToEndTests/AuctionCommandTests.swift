import ExactNumbers
import Foundation
import TenderReports
import Testing

/// The auction formats through the real binary: `tender run` and `tender simulate` accept every format, the
/// text and the JSON show the rounds, a rehearsal replays timed moves, and the new keys are diagnosed.
@Suite struct AuctionCommandTests {
    static let yinchuan = Fixtures.scenario("yinchuan-2023.yaml")

    static func x(_ value: Any?) -> Exact? { (value as? String).flatMap { try? Exact(parsing: $0) } }

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let r = try Fixtures.tender(arguments + ["--format", "json"])
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    static func lots(_ document: [String: Any]) -> [[String: Any]] { document["lots"] as? [[String: Any]] ?? [] }

    /// A temporary scenario file, removed at the end of the test.
    static func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("auction-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("scenario.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try body(file.path)
    }

    @Test func theYinchuanVariantsValidate() throws {
        let r = try Fixtures.tender(["validate", Self.yinchuan])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("8 variants"))
        #expect(r.stderr.isEmpty)
    }

    @Test func anEMallRunShowsTheRoundsWithinAHundredColumns() throws {
        let r = try Fixtures.tender(["run", Self.yinchuan, "--variant", "e-mall-auction"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Rounds — e-mall reverse auction: start at the ceiling"))
        #expect(r.stdout.contains("    r1     "))
        for line in r.stdout.split(separator: "\n") {
            #expect(TextLayout.width(String(line)) <= 100, "too wide: \(line)")
        }
    }

    /// Every accepted move is at most the ceiling and undercuts the best evaluated price so far by the
    /// minimal step; the winner's contract is its last accepted bid.
    @Test func theJSONRoundsObeyTheEMallRules() throws {
        let document = try Self.json(["run", Self.yinchuan, "--variant", "e-mall-auction"])
        let auctions = Self.lots(document).filter { $0["method"] as? String == "reverse-auction" }
        #expect(auctions.count >= 3)
        for lot in auctions {
            let auction = try #require(lot["auction"] as? [String: Any])
            #expect(auction["format"] as? String == "e-mall")
            let ceiling = try #require(Self.x(auction["ceiling"]))
            let share = try #require(Self.x(auction["stepShare"]))
            #expect(share == Self.x("0.005"))
            let rounds = try #require(auction["rounds"] as? [[String: Any]])
            #expect(!rounds.isEmpty)
            var best: Exact?
            var last: [String: Exact] = [:]
            for move in rounds.flatMap({ $0["moves"] as? [[String: Any]] ?? [] })
            where move["accepted"] as? Bool == true {
                let price = try #require(Self.x(move["price"]))
                let evaluated = try #require(Self.x(move["evaluatedPrice"]))
                #expect(price <= ceiling)
                if let b = best { #expect(b - evaluated >= b * share, "\(lot["id"] ?? "")") }
                best = evaluated
                last[move["bidder"] as? String ?? ""] = price
            }
            if let winner = lot["winner"] as? String {
                #expect(Self.x(lot["contractPrice"]) == last[winner])
            }
        }
    }

    @Test func aFrameworkRunPlacesOrdersUnderTheAgreementPrices() throws {
        let document = try Self.json(["run", Self.yinchuan, "--variant", "framework"])
        let frameworks = Self.lots(document).filter { $0["method"] as? String == "framework-agreement" }
        #expect(!frameworks.isEmpty)
        for lot in frameworks where lot["winner"] != nil {
            let auction = try #require(lot["auction"] as? [String: Any])
            let framework = try #require(auction["framework"] as? [String: Any])
            let valid = try #require(framework["validOffers"] as? Int)
            let eliminated = try #require(framework["eliminated"] as? [String])
            #expect(eliminated.count >= max(1, (valid + 4) / 5), "at least 20% and one eliminated")
            let orders = try #require(framework["orders"] as? [[String: Any]])
            var total = Exact.zero
            for order in orders where order["supplier"] != nil {
                let price = try #require(Self.x(order["price"]))
                #expect(price <= Self.x(order["agreementPrice"])!)
                #expect(price <= Self.x(order["ceiling"])!)
                total += price
            }
            #expect(Self.x(lot["contractPrice"]) == total)
        }
        let text = try Fixtures.tender(["run", Self.yinchuan, "--variant", "framework"])
        #expect(text.stdout.contains("Framework agreement (财政部令第110号) — stage 1 by price priority"))
        #expect(text.stdout.contains("  Agreement: "))
    }

    @Test func aSecondPriceRunPaysAtLeastTheWinningBid() throws {
        let document = try Self.json(["run", Self.yinchuan, "--variant", "second-price"])
        for lot in Self.lots(document) where lot["winner"] != nil {
            let auction = try #require(lot["auction"] as? [String: Any])
            #expect(auction["format"] as? String == "second-price")
            let bids = try #require(lot["bids"] as? [[String: Any]])
            let winner = try #require(bids.first { $0["bidder"] as? String == lot["winner"] as? String })
            let contract = try #require(Self.x(lot["contractPrice"]))
            #expect(contract >= Self.x(winner["price"])!)
            #expect(contract <= Self.x(lot["ceiling"])!)
        }
    }

    @Test func simulateAndCompareAcceptEveryFormat() throws {
        for variant in ["e-mall-auction", "framework", "second-price"] {
            let r = try Fixtures.tender(["simulate", Self.yinchuan, "--variant", variant, "--replications", "3"])
            #expect(r.status == 0, "\(variant): \(r.stderr)")
        }
        let compare = try Fixtures.tender([
            "compare", Self.yinchuan, "--variants", "e-mall-auction,framework,second-price", "--replications", "3",
        ])
        #expect(compare.status == 0, "\(compare.stderr)")
    }

    @Test func aRunOfEveryFormatIsByteIdenticalRunAfterRun() throws {
        for variant in ["e-mall-auction", "framework", "second-price"] {
            let first = try Fixtures.tender(["run", Self.yinchuan, "--variant", variant, "--format", "json"])
            let second = try Fixtures.tender(["run", Self.yinchuan, "--variant", variant, "--format", "json"])
            #expect(first.stdout == second.stdout)
        }
    }

    // MARK: A rehearsal of timed moves

    static let rehearsal = """
        meta:
          name: 电子卖场反向竞价演练
          fiscal-year: 2023
          bid-date: 2023-07-25
        catalogue:
          - {id: concrete, name: 预拌混凝土, unit: m3}
        projects:
          - id: P01
            name: 医院
            type: hospital
            budget: 174000000
            demands:
              - {id: D1, category: concrete, quantity: 3000, unit: m3,
                 delivery: {from: 2023-08-15, to: 2023-10-20}, ceiling-unit-price: 515}
        suppliers:
          - {id: S01, name: 甲, size: large, offers: {concrete: {brand: 甲}}}
          - {id: S02, name: 乙, size: medium, offers: {concrete: {brand: 乙}}}
          - {id: S03, name: 丙, size: small, offers: {concrete: {brand: 丙}}}
        bids:
          - lot: concrete
            bidder: S01
            round: 1
            submitted-at: 2023-07-25T09:00:12
            price: 1545000
          - lot: concrete
            bidder: S02
            round: 1
            submitted-at: 2023-07-25T09:00:40
            price: 1537275
          - lot: concrete
            bidder: S03
            round: 1
            submitted-at: 2023-07-25T09:01:05
            price: 1529588.63
          - lot: concrete
            bidder: S03
            round: 1
            submitted-at: 2023-07-25T09:01:30
            price: 1529588.62
          - lot: concrete
            bidder: S01
            round: 2
            submitted-at: 2023-07-25T09:02:10
            price: 1521000
          - lot: concrete
            bidder: S02
            round: 3
            submitted-at: 2023-07-25T09:03:00
            price: 1510000
          - lot: concrete
            bidder: S03
            round: 4
            submitted-at: 2023-07-25T09:04:00
            price: 1500000
        policy:
          method-below-threshold: reverse-auction
          evaluation: {method: lowest-price}
          auction: {format: e-mall, min-step: {share: 0.5%}, rounds: 3}
        """

    /// 0.5% of 1,537,275 is 7,686.375: S03's undercut of 7,686.37 is short by less than a cent, 7,686.38 passes.
    @Test func aRehearsalReplaysTheMovesExactlyToTheCent() throws {
        try Self.withFile(Self.rehearsal) { path in
            let r = try Fixtures.tender(["run", path])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(
                r.stdout.contains(
                    "    ✗ r1 S03 1,529,588.63: undercuts the best 1537275.00 by 7686.37; at least 7686.375 required"
                )
            )
            #expect(r.stdout.contains("    ✗ r4 S03 1,500,000.00: after the deadline (round 3)"))
            #expect(r.stdout.contains("  Awarded to S02 at 1,510,000.00"))
            let document = try Self.json(["run", path])
            let lot = try #require(Self.lots(document).first)
            #expect(lot["winner"] as? String == "S02")
            let auction = try #require(lot["auction"] as? [String: Any])
            let moves = (auction["rounds"] as? [[String: Any]] ?? []).flatMap { $0["moves"] as? [[String: Any]] ?? [] }
            #expect(moves.map { $0["accepted"] as? Bool } == [true, true, false, true, true, true, false])
            #expect(moves.first?["submittedAt"] as? String == "2023-07-25T09:00:12")
        }
    }

    // MARK: Diagnostics of the new keys

    @Test func theNewKeysAreDiagnosedLikeTheOthers() throws {
        let text = """
            meta: {name: bad, fiscal-year: 2023, bid-date: 2023-07-25}
            policy:
              auction: {format: emall, min-stp: {share: 1%}}
              framework:
                elimination: 10%
                term-months: 18
                orders: rotate
              pricing: second
            suppliers:
              - {id: S01, name: 甲, size: large, auction-strategy: {jmp: 2%}}
            """
        try Self.withFile(text) { path in
            let r = try Fixtures.tender(["validate", path])
            #expect(r.status == 65)
            let lines = r.stderr.split(separator: "\n").map(String.init)
            func has(_ suffix: String) -> Bool { lines.contains { $0.hasPrefix(path) && $0.hasSuffix(suffix) } }
            #expect(
                has(
                    "error: policy.auction.format: expected one of e-mall, prozorro, found 'emall'; did you mean 'e-mall'?"
                )
            )
            #expect(lines.contains { $0.contains("policy.auction: unknown key 'min-stp'; did you mean 'min-step'?") })
            #expect(
                has(
                    "warning: policy.framework.elimination: 10% is below the 20% elimination of 财政部令第110号 "
                        + "(closed framework agreements); accepted for study"
                )
            )
            #expect(
                has(
                    "warning: policy.framework.term-months: a goods framework agreement runs at most 1 year "
                        + "(财政部令第110号); found 18 months, accepted for study"
                )
            )
            #expect(
                lines.contains {
                    $0.contains("policy.framework.orders: expected one of direct, second-round, rotation")
                }
            )
            #expect(lines.contains { $0.contains("policy.pricing: expected one of first-price, second-price") })
            #expect(
                lines.contains {
                    $0.contains("suppliers[S01].auction-strategy: unknown key 'jmp'; did you mean 'jump'?")
                }
            )
        }
        let bare = """
            meta: {name: bad, fiscal-year: 2023, bid-date: 2023-07-25}
            policy:
              auction: {min-step: 0.5%}
            """
        try Self.withFile(bare) { path in
            let r = try Fixtures.tender(["validate", path])
            #expect(r.status == 65)
            #expect(r.stderr.contains("policy.auction.min-step: expected {share: N} (a share of the reference price"))
        }
    }
}
