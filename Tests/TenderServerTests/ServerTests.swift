import Foundation
import Hummingbird
import HummingbirdTesting
import ScenarioFormat
import TenderServer
import Testing

/// An in-memory served folder: the bundled worked-examples scenario and what the tests add.
final class MemoryFolder: ServedFolder, @unchecked Sendable {
    let root = "/served/"
    private let lock = NSLock()
    private var files: [String: [UInt8]]

    init(_ files: [String: String]) { self.files = files.mapValues { Array($0.utf8) } }

    func scenarioFiles() throws -> [String] { lock.withLock { files.keys.sorted() } }
    func read(_ relativePath: String) throws -> [UInt8] { try readAbsolute(root + ServedPath.check(relativePath)) }
    func readAbsolute(_ absolutePath: String) throws -> [UInt8] {
        guard absolutePath.hasPrefix(root) else { throw ServedPathError.outside }
        let relative = String(absolutePath.dropFirst(root.count))
        guard let bytes = lock.withLock({ files[relative] }) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "no such file"])
        }
        return bytes
    }
    func write(_ text: String, to relativePath: String) throws {
        let path = try ServedPath.check(relativePath)
        lock.withLock { files[path] = Array(text.utf8) }
    }
    func absolutePath(_ relativePath: String) -> String { root + relativePath }
    func bytesOfTemporaryFile(_ write: (String) throws -> Void) throws -> [UInt8] {
        let path = NSTemporaryDirectory() + "/tender-server-test-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try write(path)
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
    func text(_ path: String) -> String? { lock.withLock { files[path].map { String(decoding: $0, as: UTF8.self) } } }
}

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let workedExamples =
    (try? String(
        contentsOf: repository.appendingPathComponent("Scenarios/rehearsal-worked-examples.yaml"),
        encoding: .utf8
    ))
    ?? ""

/// The sealed-bid rehearsal of Docs/scenario-format.md, with a supplier whose name is markup.
let small = """
    meta:
      name: 开标演练
      fiscal-year: 2023
      bid-date: 2023-07-25
    catalogue:
      - id: concrete
        name: 预拌混凝土
        unit: m3
        clauses:
          - {id: concrete-cert, text: 认证, certificate: {min-star: 1}}
    projects:
      - id: P01
        name: 医院
        type: hospital
        budget: 174000000
        demands:
          - {id: D1, category: concrete, quantity: 3000, unit: m3,
             delivery: {from: 2023-08-15, to: 2023-10-20}, ceiling-unit-price: 515}
    suppliers:
      - {id: S01, name: "<script>alert(1)</script>", size: large,
         offers: {concrete: {brand: A, certificate: {star: 2, valid-until: 2027-06-30}}}}
      - {id: S02, name: 西区, size: medium, offers: {concrete: {brand: B, certificate: {star: 1, valid-until: 2027-06-30}}}}
      - {id: S03, name: 东区, size: small, offers: {concrete: {brand: C}}}
    policy:
      evaluation: {method: lowest-price}

    """

func server() -> (TenderServer, MemoryFolder) {
    let folder = MemoryFolder(["rehearsal-worked-examples.yaml": workedExamples, "small.yaml": small])
    return (TenderServer(folder: folder), folder)
}

func form(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let text = fields.map {
        "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
    }.joined(separator: "&")
    return ByteBuffer(string: text)
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

/// Worked example A of Docs/rules.md §10 as rows of lot example-a (60 technical points each).
let exampleA: [(String, String)] = [
    ("file", "rehearsal-worked-examples.yaml"), ("name", "example-a.yaml"),
    ("r0.lot", "example-a"), ("r0.bidder", "A"), ("r0.price", "100.00"),
    ("r0.more", "marks: {technical: [60, 60, 60]}"),
    ("r1.lot", "example-a"), ("r1.bidder", "D"), ("r1.price", "112.50"),
    ("r1.more", "marks: {technical: [60, 60, 60]}"),
    ("r2.lot", "example-a"), ("r2.bidder", "F"), ("r2.price", "96.00"), ("r2.more", "marks: {technical: [60, 60, 60]}"),
    ("r3.lot", "example-a"), ("r3.bidder", "E"), ("r3.price", "90.00"), ("r3.more", "marks: {technical: [60, 60, 60]}"),
]

@Suite struct ServerRoutingTests {
    @Test func indexListsTheFolder() async throws {
        let app = Application(router: server().0.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("href=\"/scenario?file=rehearsal-worked-examples.yaml\""))
                #expect(body.contains("href=\"/rehearse?file=small.yaml\""))
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            }
        }
    }

    /// A file without `meta` (a catalogue that scenarios include) is listed apart, without links.
    @Test func includedFilesAreListedApartWithoutLinks() async throws {
        let folder = MemoryFolder([
            "small.yaml": small,
            "shared/catalogue.yaml": "catalogue:\n  - id: concrete\n    name: 预拌混凝土\n    unit: m3\n",
        ])
        let app = Application(router: TenderServer(folder: folder).router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(body.contains("href=\"/scenario?file=small.yaml\""))
                #expect(!body.contains("file=shared/catalogue.yaml"))
                #expect(body.contains("not scenarios on their own): <code>shared/catalogue.yaml</code>"))
            }
        }
    }

    @Test func scenarioPageListsLotsWithCeilings() async throws {
        let app = Application(router: server().0.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/scenario?file=small.yaml", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("Lot concrete"))
                // 3000 m3 × 515 = 1,545,000.00
                #expect(body.contains("1,545,000.00"))
            }
        }
    }

    @Test func markupInTheScenarioIsShownNotRun() async throws {
        let app = Application(router: server().0.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/rehearse?file=small.yaml", method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(
                uri: "/rehearse/report",
                method: .post,
                headers: formHeaders,
                body: form([
                    ("file", "small.yaml"), ("r0.lot", "concrete"), ("r0.bidder", "S01"), ("r0.price", "1500000"),
                ])
            ) { response in
                let body = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(!body.contains("<script>alert"))
            }
        }
    }

    @Test(arguments: [
        ("../etc/passwd.yaml", "&#39;..&#39; is not served"),
        ("/etc/passwd.yaml", "an absolute path is not served"),
        (".git/config.yaml", "hidden files and folders are not served"),
        ("small.txt", "only scenario files (.yaml, .yml) are served"),
        ("a//b.yaml", "an absolute path is not served"),
    ])
    func pathsOutsideTheFolderAreRefused(path: String, message: String) async throws {
        let app = Application(router: server().0.router())
        try await app.test(.router) { client in
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await client.execute(uri: "/scenario?file=\(encoded)", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains(message))
            }
        }
    }

    @Test func anIncludeOutOfTheFolderIsRefusedAtTheInclude() async throws {
        let app = Application(router: server().0.router())
        try await app.test(.router) { client in
            let text = "includes:\n  - ../secret.yaml\n" + small
            try await client.execute(
                uri: "/validate",
                method: .post,
                headers: formHeaders,
                body: form([("text", text)])
            ) {
                response in
                #expect(response.status == .unprocessableContent)
                let body = String(buffer: response.body)
                #expect(
                    body.contains(
                        "uploaded.yaml:2:5: error: includes[0]: include &#39;../secret.yaml&#39; leads out of the "
                            + "directory of the scenario"
                    )
                )
            }
        }
    }

    @Test func aBrokenUploadShowsThePositionedErrorUnderItsLine() async throws {
        let app = Application(router: server().0.router())
        try await app.test(.router) { client in
            let text = small.replacingOccurrences(of: "fiscal-year: 2023", with: "fiscal-year: twenty")
            try await client.execute(
                uri: "/validate",
                method: .post,
                headers: formHeaders,
                body: form([("text", text)])
            ) {
                response in
                #expect(response.status == .unprocessableContent)
                let body = String(buffer: response.body)
                #expect(body.contains("<span class=\"bad\" id=\"L3\">"))
                #expect(body.contains("uploaded.yaml:3:16: error: meta.fiscal-year:"))
            }
        }
    }

    @Test func aRequestAboveTheLimitIs413() async throws {
        let app = Application(router: server().0.router())
        try await app.test(.router) { client in
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: ServeLimits.maximumBody + 1)
            try await client.execute(uri: "/validate", method: .post, headers: formHeaders, body: big) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test func aSimulationBeyondTheBoundIsRefused() async throws {
        let app = Application(router: server().0.router())
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/simulate",
                method: .post,
                headers: formHeaders,
                body: form([("file", "small.yaml"), ("replications", "10001"), ("seed", "1")])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("replications: expected a whole number from 1 to 10000"))
            }
        }
    }
}

@Suite struct RehearsalTests {
    /// Worked example A (Docs/rules.md §10): base 96.00; A 96/100 × 30 = 28.80 + 60 = 88.80; D 96/112.5 × 30 =
    /// 25.60 + 60 = 85.60; F 30.00 + 60 = 90.00; E (uncertified) rejected on clause A-1.
    @Test func workedExampleAScoresToTheCent() async throws {
        let app = Application(router: server().0.router())
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/rehearse/report?lot=example-a",
                method: .post,
                headers: formHeaders,
                body: form(exampleA)
            ) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("88.80"))
                #expect(body.contains("85.60"))
                #expect(body.contains("90.00"))
                #expect(body.contains("A-1"))
            }
        }
    }

    @Test func aWrongFieldIsAnInlineMessageWithItsName() async throws {
        let app = Application(router: server().0.router())
        try await app.test(.router) { client in
            var fields = exampleA
            fields[4] = ("r0.price", "abc")
            fields.append(("fragment", "1"))
            try await client.execute(uri: "/rehearse/evaluate", method: .post, headers: formHeaders, body: form(fields))
            {
                response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("\"r0.price\": \"error: bids[0].price:"))
            }
            fields = exampleA
            fields.append(("r4.lot", "example-a"))
            fields.append(("r4.bidder", "NOBODY"))
            fields.append(("r4.price", "1"))
            fields.append(("r5.lot", "example-a"))
            fields.append(("r5.bidder", "A"))
            fields.append(("r5.unit-prices", "P01/D1"))
            fields.append(("fragment", "1"))
            try await client.execute(uri: "/rehearse/evaluate", method: .post, headers: formHeaders, body: form(fields))
            {
                response in
                let body = String(buffer: response.body)
                #expect(body.contains("\"r4.bidder\": \"error: bids[4].bidder:"))
                #expect(body.contains("\"r5.unit-prices\": \"expected DEMAND=PRICE pairs"))
            }
        }
    }

    @Test func aSavedRehearsalReopensAndRunsToThePagesJSON() async throws {
        let (tender, folder) = server()
        let app = Application(router: tender.router())
        try await app.test(.router) { client in
            let page = try await client.execute(
                uri: "/rehearse/download?format=json",
                method: .post,
                headers: formHeaders,
                body: form(exampleA)
            ) { String(buffer: $0.body) }
            try await client.execute(uri: "/rehearse/save", method: .post, headers: formHeaders, body: form(exampleA)) {
                response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Saved as example-a.yaml"))
            }
            let saved = try #require(folder.text("example-a.yaml"))
            // `tender run example-a.yaml --format json`: the same loader and engine call on the saved file.
            let loaded = LoadedText(saved, as: "example-a.yaml", folder: folder)
            let run = try Evaluation(try #require(loaded.result.scenario), digest: loaded.digest).json()
            #expect(run == page)
            let reopened = try #require(Rehearsal.reopen(saved))
            #expect(reopened.rows.count == 4)
            #expect(
                reopened.rows[1]
                    == BidRow(lot: "example-a", bidder: "D", price: "112.50", more: "marks: {technical: [60, 60, 60]}")
            )
            try await client.execute(uri: "/rehearse?file=example-a.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("value=\"112.50\""))
            }
            // A scenario that is not a saved rehearsal is never overwritten.
            var over = exampleA
            over[1] = ("name", "small.yaml")
            try await client.execute(uri: "/rehearse/save", method: .post, headers: formHeaders, body: form(over)) {
                response in
                #expect(response.status == .conflict)
            }
        }
    }

    @Test func aNameSaveRefusesDoesNotStopTheEvaluation() async throws {
        let app = Application(router: server().0.router())
        try await app.test(.router) { client in
            var fields = exampleA
            fields[1] = ("name", "../out.yaml")
            try await client.execute(uri: "/rehearse/save", method: .post, headers: formHeaders, body: form(fields)) {
                response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("Save as: a file name without &#39;/&#39;"))
            }
            fields.append(("fragment", "1"))
            try await client.execute(uri: "/rehearse/evaluate", method: .post, headers: formHeaders, body: form(fields))
            {
                response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("88.80"))
            }
        }
    }

    /// Worked example C (Docs/rules.md §10) under the variant deduction-20: base = B's 118 × 0.8 = 94.40;
    /// A 94.4 / 100 × 30 = 28.32 + 60 = 88.32; B 30.00 + 60 = 90.00; G 94.4 / 130 × 30 = 21.7846… → 21.78 + 60 =
    /// 81.78. The saved rehearsal keeps its variant.
    @Test func workedExampleCUnderItsVariant() async throws {
        let (tender, folder) = server()
        let app = Application(router: tender.router())
        let marks = "marks: {technical: [60, 60, 60]}"
        let fields: [(String, String)] = [
            ("file", "rehearsal-worked-examples.yaml"), ("name", "example-c.yaml"), ("variant", "deduction-20"),
            ("r0.lot", "example-c"), ("r0.bidder", "A"), ("r0.price", "100"), ("r0.more", marks),
            ("r1.lot", "example-c"), ("r1.bidder", "B"), ("r1.price", "118"), ("r1.declaration", "small-micro"),
            ("r1.more", marks),
            ("r2.lot", "example-c"), ("r2.bidder", "G"), ("r2.price", "130.00"), ("r2.more", marks),
        ]
        try await app.test(.router) { client in
            let page = try await client.execute(
                uri: "/rehearse/report?lot=example-c",
                method: .post,
                headers: formHeaders,
                body: form(fields)
            ) { String(buffer: $0.body) }
            for total in ["88.32", "90.00", "81.78", "94.40"] { #expect(page.contains(total), "\(total)") }
            try await client.execute(uri: "/rehearse/save", method: .post, headers: formHeaders, body: form(fields)) {
                response in
                #expect(String(buffer: response.body).contains("tender run example-c.yaml --variant deduction-20"))
            }
            let saved = try #require(folder.text("example-c.yaml"))
            #expect(Rehearsal.reopen(saved)?.variant == "deduction-20")
            try await client.execute(uri: "/rehearse?file=example-c.yaml", method: .get) { response in
                #expect(String(buffer: response.body).contains("<option value=\"deduction-20\" selected>"))
            }
        }
    }

    @Test func concurrentRehearsalsDoNotInterfere() async throws {
        let app = Application(router: server().0.router())
        try await app.test(.router) { client in
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<8 {
                    group.addTask {
                        // Each client prices D differently (110.37, 111.37, …); each must see its own price back.
                        let price = "11\(i).37"
                        var fields = exampleA
                        fields[8] = ("r1.price", price)
                        fields.append(("fragment", "1"))
                        let body = try await client.execute(
                            uri: "/rehearse/evaluate",
                            method: .post,
                            headers: formHeaders,
                            body: form(fields)
                        ) { String(buffer: $0.body) }
                        // D's quoted price appears in its own evaluation.
                        return body.contains(price)
                    }
                }
                for try await ok in group { #expect(ok) }
            }
        }
    }
}

@Suite struct ServeDocumentationTests {
    /// The rehearsal file shown in Docs/serve.md is what the server writes for worked example A's first two rows.
    @Test func theRehearsalFileOfTheDocsIsWhatTheServerWrites() throws {
        let doc = try String(contentsOf: repository.appendingPathComponent("Docs/serve.md"), encoding: .utf8)
        let block = try #require(
            doc.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first
        )
        let marks = "marks: {technical: [60, 60, 60]}"
        let rehearsal = Rehearsal(
            base: "rehearsal-worked-examples.yaml",
            rows: [
                BidRow(lot: "example-a", bidder: "A", price: "100.00", more: marks),
                BidRow(lot: "example-a", bidder: "D", price: "112.50", more: marks),
            ]
        )
        let written = rehearsal.text(baseText: "").text
        let fromMarker = { (text: String) in text.components(separatedBy: "# tender serve: rehearsal of").last ?? "" }
        #expect(fromMarker(block) == fromMarker(written))
    }
}
