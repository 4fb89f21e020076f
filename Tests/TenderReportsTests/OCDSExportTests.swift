import ExactNumbers
import Foundation
import TenderModel
import Testing

@testable import TenderReports

@Suite struct OCDSExportTests {
    func package(_ name: String) throws -> [String: Any] {
        let text = try OCDSExport.releasePackage(try Fixtures.view(name)).rendered()
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func release(_ name: String) throws -> [String: Any] {
        let releases = try #require(try package(name)["releases"] as? [[String: Any]])
        return try #require(releases.first)
    }

    @Test func packageDeclaresTheThreeExtensionsAndIsDeterministic() throws {
        let view = try Fixtures.view("rehearsal-worked-examples.yaml")
        let first = try OCDSExport.releasePackage(view).rendered()
        let second = try OCDSExport.releasePackage(try Fixtures.view("rehearsal-worked-examples.yaml")).rendered()
        #expect(first == second)
        let package = try package("rehearsal-worked-examples.yaml")
        let extensions = try #require(package["extensions"] as? [String])
        for name in ["ocds_bid_extension", "ocds_lots_extension", "ocds_partyDetails_scale_extension"] {
            #expect(extensions.contains { $0.contains(name) && $0.hasSuffix("/extension.json") })
        }
        #expect(package["version"] as? String == "1.1")
        #expect(package["publishedDate"] as? String == "2023-06-30T00:00:00+08:00")
    }

    @Test func ocidHasThePlaceholderPrefixAndDependsOnTheRun() throws {
        let release = try release("rehearsal-worked-examples.yaml")
        let ocid = try #require(release["ocid"] as? String)
        #expect(ocid.hasPrefix("ocds-tender-2023-"))
        #expect(ocid.count == "ocds-tender-2023-".count + 16)
        let variant = try OCDSExport.releasePackage(
            try Fixtures.view("rehearsal-worked-examples.yaml", variant: "deduction-20")
        )
        guard case .object(let members) = variant,
            case .array(let releases)? = members.first(where: { $0.0 == "releases" })?.1,
            case .object(let first)? = releases.first,
            case .string(let other)? = first.first(where: { $0.0 == "ocid" })?.1
        else {
            Issue.record("no ocid")
            return
        }
        #expect(other != ocid)
        #expect(release["initiationType"] as? String == "tender")
        #expect(release["tag"] as? [String] == ["planning", "tender", "award", "contract"])
    }

    /// Worked example B: B (small) wins at its quoted 108, not at the evaluated 97.20.
    @Test func awardsContractsAndBidsCarryTheQuotedPrices() throws {
        let release = try release("rehearsal-worked-examples.yaml")
        let awards = try #require(release["awards"] as? [[String: Any]])
        #expect(awards.count == 5)  // examples A–E
        let b = try #require(awards.first { $0["id"] as? String == "example-b/award" })
        #expect(b["status"] as? String == "active")
        #expect(((b["value"] as? [String: Any])?["amount"] as? NSNumber)?.description == "108")
        #expect(((b["suppliers"] as? [[String: Any]])?.first?["id"]) as? String == "B")
        #expect(b["relatedLots"] as? [String] == ["example-b"])
        #expect(b["relatedBids"] as? [String] == ["example-b/B"])
        let contracts = try #require(release["contracts"] as? [[String: Any]])
        #expect(contracts.count == 5)
        #expect(
            contracts.contains { $0["awardID"] as? String == "example-b/award" && $0["status"] as? String == "pending" }
        )

        let bids = try #require(release["bids"] as? [String: Any])
        let details = try #require(bids["details"] as? [[String: Any]])
        let e = try #require(details.first { $0["id"] as? String == "example-a/E" })
        #expect(e["status"] as? String == "disqualified")
        #expect(e["hasRank"] as? Bool == false)
        let documents = try #require(e["documents"] as? [[String: Any]])
        #expect((documents.first?["description"] as? String)?.hasPrefix("green-clause [Order 87 Art 63(6)") == true)
        let f = try #require(details.first { $0["id"] as? String == "example-a/F" })
        #expect(f["status"] as? String == "valid")
        #expect(f["rank"] as? Int == 1)
        let statistics = try #require(bids["statistics"] as? [[String: Any]])
        let validA = statistics.first { $0["id"] as? String == "example-a/validBids" }
        #expect(validA?["value"] as? Int == 3)
        #expect(validA?["relatedLot"] as? String == "example-a")
    }

    @Test func partiesHaveRolesAndScale() throws {
        let release = try release("rehearsal-worked-examples.yaml")
        let parties = try #require(release["parties"] as? [[String: Any]])
        let centre = try #require(parties.first)
        #expect(centre["roles"] as? [String] == ["buyer", "procuringEntity"])
        let b = try #require(parties.first { $0["id"] as? String == "B" })
        #expect(b["roles"] as? [String] == ["tenderer", "supplier"])
        #expect((b["details"] as? [String: Any])?["scale"] as? String == "small")
        let c = try #require(parties.first { $0["id"] as? String == "C" })
        #expect(c["roles"] as? [String] == ["tenderer"])
        #expect((c["details"] as? [String: Any])?["scale"] as? String == "micro")
        #expect(Set(parties.compactMap { $0["id"] as? String }).count == parties.count)
    }

    @Test func tenderHasLotsItemsAndTheBudget() throws {
        let release = try release("daqing-2023.yaml")
        let tender = try #require(release["tender"] as? [String: Any])
        let lots = try #require(tender["lots"] as? [[String: Any]])
        #expect(
            lots.map { $0["id"] as? String } == [
                "concrete", "mortar", "rebar", "masonry", "membrane", "gypsum-board", "coatings", "pipes",
            ]
        )
        #expect(lots.first { $0["id"] as? String == "rebar" }?["status"] as? String == "unsuccessful")
        let items = try #require(tender["items"] as? [[String: Any]])
        let first = try #require(items.first)
        #expect(first["id"] as? String == "P01/D1")
        #expect(first["relatedLot"] as? String == "concrete")
        #expect((first["quantity"] as? NSNumber)?.description == "11020")
        #expect(tender["procurementMethod"] as? String == "selective")
        #expect(tender["awardCriteria"] as? String == "ratedCriteria")
        let budget = try #require((release["planning"] as? [String: Any])?["budget"] as? [String: Any])
        // With P10's pipes, 2,790,000.
        #expect(((budget["amount"] as? [String: Any])?["amount"] as? NSNumber)?.description == "130096775")
        #expect((budget["description"] as? String)?.contains("P09") == true)
    }

    /// Amounts are JSON numbers with the exact digits of the run's decimals.
    @Test func amountsAreTheExactDecimals() throws {
        let view = try Fixtures.view("daqing-2023.yaml")
        let text = try OCDSExport.releasePackage(view).rendered()
        for lot in view.document.lots {
            guard let price = lot.contractPrice else { continue }
            #expect(text.contains("\"amount\": \(price.description),"), "contract price \(price) of \(lot.id)")
        }
    }

    @Test func documentWithoutContextIsRefused() throws {
        guard case .run(let view) = try ResultDocument.read(try Fixtures.legacyJSON("rehearsal-worked-examples.yaml"))
        else { return }
        #expect(throws: OCDSExport.Failure.noContext) { try OCDSExport.releasePackage(view) }
    }

    /// No lot: no empty arrays or objects (OCDS checkers flag them), the tender still described.
    @Test func runWithoutLotsHasNoEmptyArrays() throws {
        let text = try OCDSExport.releasePackage(try Fixtures.view(yaml: Fixtures.noLots)).rendered()
        #expect(!text.contains("[]") && !text.contains("{}"))
        #expect(!text.contains("\"awards\"") && !text.contains("\"bids\""))
        #expect(text.contains("\"numberOfTenderers\": 0"))
    }

    @Test func submissionTimesGetTheTimeZone() {
        #expect(OCDSExport.dateTime("2023-06-30T08:12:33") == "2023-06-30T08:12:33+08:00")
        #expect(OCDSExport.dateTime("2023-06-30T08:12") == "2023-06-30T08:12:00+08:00")
        #expect(OCDSExport.dateTime("yesterday") == nil)
        #expect(OCDSExport.dateTime("2023-06-30") == nil)
        #expect(OCDSExport.dateTime(nil) == nil)
    }

    @Test func methodAndCriteriaCodes() {
        #expect(OCDSExport.procurementMethod([.known(.openTender), .known(.reverseAuction)]) == "open")
        #expect(OCDSExport.procurementMethod([.known(.openTender), .known(.inquiry)]) == "selective")
        // A method written by another version is not known to be open.
        #expect(OCDSExport.procurementMethod([.known(.openTender), Coded(code: "dynamic-purchasing")]) == "selective")
        #expect(OCDSExport.awardCriteria(.known(.lowestPrice)) == "priceOnly")
        #expect(OCDSExport.awardCriteria(.known(.comprehensive)) == "ratedCriteria")
    }
}
