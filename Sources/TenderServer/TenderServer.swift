import Foundation
import Hummingbird
import JSONOutput
import ScenarioFormat
import TenderEngine
import TenderModel
import TenderReports
import TenderSimulation

/// `tender serve`: the routes of the web application (Docs/serve.md). Each request works on its own values
/// (the scenario text it loads, the rows it was sent); the only shared state is the simulations' registry, an
/// actor. Files are reached only through the ``ServedFolder``.
package struct TenderServer: Sendable {
    package let folder: any ServedFolder
    package let simulations = SimulationJobs()

    package init(folder: any ServedFolder) { self.folder = folder }

    /// A refusal shown to the user as a page (never a 500): the status and the message.
    struct Refusal: Error {
        let status: HTTPResponse.Status
        let message: String
    }

    // MARK: Responses

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .contentSecurityPolicy:
                "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; "
                + "img-src 'self' data:; form-action 'self'; frame-src 'self'; frame-ancestors 'self'",
        ]
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func bytes(_ bytes: [UInt8], type: String, filename: String?) -> Response {
        var headers: HTTPFields = [.contentType: type]
        headers[.xContentTypeOptions] = "nosniff"
        if let filename { headers[.contentDisposition] = "attachment; filename=\"\(filename)\"" }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func json(_ value: JSONValue) -> Response {
        bytes(Array(value.rendered().utf8), type: "application/json; charset=utf-8", filename: nil)
    }

    /// Runs `handler`, turning a refusal or any other error into a page with its message.
    static func guarded(_ handler: () async throws -> Response) async -> Response {
        do {
            return try await handler()
        } catch let refusal as Refusal {
            return html(Pages.error(Int(refusal.status.code), refusal.message), status: refusal.status)
        } catch let error as ServedPathError {
            return html(Pages.error(400, error.description), status: .badRequest)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            let message = "the request is larger than \(ServeLimits.maximumBody / 1024) KiB"
            return html(Pages.error(413, message), status: .contentTooLarge)
        } catch {
            return html(Pages.error(400, "\(error)"), status: .badRequest)
        }
    }

    static func body(_ request: Request) async throws -> Form {
        let buffer: ByteBuffer
        var request = request
        do {
            buffer = try await request.collectBody(upTo: ServeLimits.maximumBody)
        } catch {
            throw Refusal(
                status: .contentTooLarge,
                message: "the request is larger than \(ServeLimits.maximumBody / 1024) KiB"
            )
        }
        return Form(String(buffer: buffer))
    }

    static func query(_ request: Request) -> Form { Form(request.uri.query ?? "") }

    // MARK: Loading

    /// The checked relative path of the `file` field.
    func file(_ form: Form) throws -> String {
        try ServedPath.check(form["file"] ?? "")
    }

    func text(of file: String) throws -> String {
        do {
            return String(decoding: try folder.read(file), as: UTF8.self)
        } catch let error as ServedPathError {
            throw error
        } catch {
            throw Refusal(status: .notFound, message: "cannot read '\(file)': \(error.localizedDescription)")
        }
    }

    /// Loads a served file as `tender run` would.
    func load(_ file: String, variant: String? = nil) throws -> (LoadedText, String) {
        let text = try text(of: file)
        return (LoadedText(text, as: file, variant: variant, folder: folder), text)
    }

    func loaded(_ file: String, variant: String? = nil) throws -> (Scenario, LoadedText) {
        let (loaded, _) = try load(file, variant: variant)
        guard let scenario = loaded.result.scenario else {
            let first = loaded.result.errors.first.map { loaded.shown($0, folder: folder).description } ?? ""
            throw Refusal(status: .unprocessableContent, message: "\(file) is not a valid scenario: \(first)")
        }
        return (scenario, loaded)
    }

    // MARK: The router

    package func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.get("/") { _, _ in await Self.guarded { try self.index() } }
        router.get("/app.js") { _, _ in
            Self.bytes(Array(Script.source.utf8), type: "text/javascript; charset=utf-8", filename: nil)
        }
        router.post("/validate") { request, _ in
            await Self.guarded { try self.validate(try await Self.body(request)) }
        }
        router.get("/scenario") { request, _ in await Self.guarded { try self.scenarioPage(Self.query(request)) } }
        router.get("/report") { request, _ in
            await Self.guarded {
                let (scenario, loaded) = try self.loaded(try self.file(Self.query(request)))
                let evaluation = Evaluation(scenario, digest: loaded.digest)
                return try self.report(evaluation, lot: Self.query(request)["lot"])
            }
        }
        router.get("/download") { request, _ in
            await Self.guarded {
                let form = Self.query(request)
                let file = try self.file(form)
                let (scenario, loaded) = try self.loaded(file)
                return try self.download(Evaluation(scenario, digest: loaded.digest), form: form, name: file)
            }
        }
        router.get("/rehearse") { request, _ in await Self.guarded { try self.rehearsePage(Self.query(request)) } }
        router.post("/rehearse/evaluate") { request, _ in
            await Self.guarded { try self.rehearseEvaluate(try await Self.body(request)) }
        }
        router.post("/rehearse/save") { request, _ in
            await Self.guarded { try self.rehearseSave(try await Self.body(request)) }
        }
        router.post("/rehearse/report") { request, _ in
            await Self.guarded {
                let form = try await Self.body(request)
                let evaluation = try self.rehearsalEvaluation(form)
                return try self.report(evaluation, lot: Self.query(request)["lot"])
            }
        }
        router.post("/rehearse/download") { request, _ in
            await Self.guarded {
                let form = try await Self.body(request)
                let evaluation = try self.rehearsalEvaluation(form)
                let name = (form["name"] ?? "").isEmpty ? "rehearsal.yaml" : form["name"]!
                return try self.download(evaluation, form: Self.query(request), name: name)
            }
        }
        router.get("/simulate") { request, _ in await Self.guarded { try self.simulatePage(Self.query(request)) } }
        router.post("/simulate") { request, _ in
            await Self.guarded { try await self.simulateStart(try await Self.body(request)) }
        }
        router.get("/simulation") { request, _ in
            await Self.guarded {
                let job = try await self.job(Self.query(request))
                let status = job.status
                return Self.html(Pages.simulationProgress(id: job.id, done: status.done, total: status.total))
            }
        }
        router.get("/simulation/status") { request, _ in
            await Self.guarded {
                let status = try await self.job(Self.query(request)).status
                return Self.json(
                    .object([
                        ("done", .number(String(status.done))), ("total", .number(String(status.total))),
                        ("finished", .bool(status.finished)), ("error", status.error.map { .string($0) } ?? .null),
                    ])
                )
            }
        }
        router.get("/simulation/report") { request, _ in
            await Self.guarded {
                let job = try await self.job(Self.query(request))
                guard let html = job.report else {
                    throw Refusal(status: .notFound, message: "simulation \(job.id) has no report (yet)")
                }
                return Self.html(html)
            }
        }
        return router
    }

    /// The application on `host:port`.
    package func application(host: String, port: Int) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "tender")
        )
    }

    // MARK: Pages

    func index() throws -> Response {
        let files: [String]
        do {
            files = try folder.scenarioFiles()
        } catch {
            throw Refusal(
                status: .internalServerError,
                message: "cannot list the served folder: \(error.localizedDescription)"
            )
        }
        // A scenario has a top-level `meta`; a file without one can only be included (catalogue, projects,
        // suppliers) and is listed apart, without links to pages that would only say it is not a scenario.
        let scenarios = files.filter { Self.isScenario((try? folder.read($0)) ?? []) }
        let included = files.filter { !scenarios.contains($0) }
        return Self.html(Pages.index(files: scenarios, included: included, maximumUpload: ServeLimits.maximumBody))
    }

    /// Whether a file's text has a top-level `meta:` key (a line that starts with it: YAML indents everything
    /// below the top level, block scalars included).
    static func isScenario(_ bytes: [UInt8]) -> Bool {
        String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).contains {
            $0.hasPrefix("meta:")
        }
    }

    func validate(_ form: Form) throws -> Response {
        let text = form["text"] ?? ""
        let name = "uploaded.yaml"
        let loaded = LoadedText(text, as: name, folder: folder)
        let diagnostics = loaded.result.diagnostics.map { loaded.shown($0, folder: folder) }
        let status: HTTPResponse.Status = loaded.result.scenario == nil ? .unprocessableContent : .ok
        return Self.html(
            Pages.validation(text: text, diagnostics: diagnostics, file: name, scenario: loaded.result.scenario),
            status: status
        )
    }

    func scenarioPage(_ form: Form) throws -> Response {
        let file = try file(form)
        let (loaded, text) = try load(file)
        let diagnostics = loaded.result.diagnostics.map { loaded.shown($0, folder: folder) }
        guard let scenario = loaded.result.scenario else {
            return Self.html(
                Pages.validation(text: text, diagnostics: diagnostics, file: file, scenario: nil),
                status: .unprocessableContent
            )
        }
        let plan = EvaluationContext(scenario, equilibria: nil).plan
        return Self.html(Pages.scenario(file: file, scenario: scenario, plan: plan, warnings: diagnostics))
    }

    func report(_ evaluation: Evaluation, lot: String?) throws -> Response {
        if let lot, !lot.isEmpty {
            guard let html = evaluation.lotReport(lot) else {
                throw Refusal(status: .notFound, message: "the plan has no lot '\(lot)'")
            }
            return Self.html(html)
        }
        return Self.html(evaluation.batchReport)
    }

    func download(_ evaluation: Evaluation, form: Form, name: String) throws -> Response {
        guard let format = DownloadFormat(rawValue: form["format"] ?? "") else {
            throw Refusal(status: .badRequest, message: "format must be one of: json, csv, xlsx, ocds")
        }
        let stem = String((name as NSString).lastPathComponent.split(separator: ".").first ?? "run")
            .filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        switch format {
        case .json:
            return Self.bytes(
                Array(try evaluation.json().utf8),
                type: "application/json; charset=utf-8",
                filename: "\(stem).json"
            )
        case .csv:
            // The run's tables in one file, each after a line naming it (the CLI writes one file per table).
            var text = ""
            for (table, csv) in ResultDocument.run(evaluation.view).csvTables() {
                text += "# \(table)\r\n" + csv.text(byteOrderMark: false) + "\r\n"
            }
            return Self.bytes(Array(text.utf8), type: "text/csv; charset=utf-8", filename: "\(stem).csv")
        case .xlsx:
            let workbook = ResultDocument.run(evaluation.view).workbook()
            let bytes = try folder.bytesOfTemporaryFile { try workbook.write(toFile: $0) }
            return Self.bytes(
                bytes,
                type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                filename: "\(stem).xlsx"
            )
        case .ocds:
            let package = try OCDSExport.releasePackage(evaluation.view)
            return Self.bytes(
                Array(package.rendered().utf8),
                type: "application/json; charset=utf-8",
                filename: "\(stem)-ocds.json"
            )
        }
    }

    // MARK: Rehearsal

    func rehearsePage(_ form: Form) throws -> Response {
        let file = try file(form)
        let text = try text(of: file)
        let reopened = Rehearsal.reopen(text)
        let variant = reopened?.variant
        let (scenario, loaded) = try loaded(file, variant: variant)
        let rows = reopened?.rows ?? []
        let plan = EvaluationContext(baseScenario(scenario), equilibria: nil).plan
        let name = reopened != nil ? (file as NSString).lastPathComponent : Self.defaultName(file)
        let outcome =
            rows.isEmpty ? nil : try evaluate(Rehearsal(base: file, rows: rows, variant: variant), name: name).outcome
        return Self.html(
            Pages.rehearsal(
                file: file,
                name: name,
                variants: loaded.result.variants.map(\.name),
                variant: variant,
                scenario: scenario,
                plan: plan,
                rows: rows,
                outcome: outcome
            )
        )
    }

    /// The scenario without its bids: the plan does not depend on them.
    func baseScenario(_ scenario: Scenario) -> Scenario {
        var copy = scenario
        copy.bids = []
        return copy
    }

    static func defaultName(_ file: String) -> String {
        let last = (file as NSString).lastPathComponent
        let stem = last.hasSuffix(".yaml") ? String(last.dropLast(5)) : String(last.dropLast(4))
        return stem + "-rehearsal.yaml"
    }

    /// The path a rehearsal is evaluated and saved under: `name` in the base's folder (so that the base's
    /// includes resolve the same).
    func rehearsalPath(base: String, name: String) throws -> String {
        let name = name.isEmpty ? Self.defaultName(base) : name
        if name.contains("/") {
            throw Refusal(
                status: .badRequest,
                message: "Save as: a file name without '/' (the rehearsal is saved beside its scenario)"
            )
        }
        let named = name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? name : name + ".yaml"
        let directory = (base as NSString).deletingLastPathComponent
        return try ServedPath.check(directory.isEmpty ? named : directory + "/" + named)
    }

    struct Evaluated {
        var outcome: RehearsalOutcome
        var evaluation: Evaluation?
        var text: String
    }

    /// Evaluates a rehearsal: its text through the loader (each diagnostic of a row becomes its field's
    /// message) and, when it loads, the run.
    func evaluate(_ rehearsal: Rehearsal, name: String) throws -> Evaluated {
        // A name Save would refuse does not stop the evaluation (it reads the same under any name).
        let path =
            try (try? rehearsalPath(base: rehearsal.base, name: name)) ?? rehearsalPath(base: rehearsal.base, name: "")
        let baseText = try text(of: rehearsal.base)
        let (text, lines, problems) = rehearsal.text(baseText: baseText)
        var outcome = RehearsalOutcome()
        for problem in problems { outcome.fields["r\(problem.row).\(problem.field)"] = problem.message }
        let loaded = LoadedText(text, as: path, variant: rehearsal.variant, folder: folder)
        for diagnostic in loaded.result.diagnostics {
            let shown = loaded.shown(diagnostic, folder: folder)
            if let (row, field) = Self.field(of: diagnostic, lines: lines, file: folder.absolutePath(path)) {
                let key = "r\(row).\(field)"
                let message = "\(diagnostic.severity.rawValue): \(diagnostic.path): \(diagnostic.message)"
                outcome.fields[key] = outcome.fields[key].map { $0 + "; " + message } ?? message
            } else {
                outcome.general.append(shown.description)
            }
        }
        guard problems.isEmpty, let scenario = loaded.result.scenario else {
            return Evaluated(outcome: outcome, evaluation: nil, text: text)
        }
        let evaluation = Evaluation(scenario, digest: loaded.digest)
        let lots = Set(rehearsal.rows.filter { !$0.isBlank }.map(\.lot))
        for outcomeOfLot in evaluation.result.outcomes where lots.contains(outcomeOfLot.lot.id) {
            if let html = evaluation.lotReport(outcomeOfLot.lot.id) {
                outcome.reports.append((outcomeOfLot.lot.id, html))
            }
        }
        return Evaluated(outcome: outcome, evaluation: evaluation, text: text)
    }

    /// The row and field a diagnostic is about: by its path (`bids[3].price`; the index counts entered rows)
    /// or, for a YAML syntax error, by the line of the entry.
    static func field(of diagnostic: Diagnostic, lines: [Int], file: String) -> (Int, String)? {
        guard diagnostic.location.file == file else { return nil }
        let entered = lines.enumerated().filter { $0.element > 0 }.map(\.offset)
        let path = diagnostic.path
        if path.hasPrefix("bids["), let close = path.firstIndex(of: "]"),
            let index = Int(path[path.index(path.startIndex, offsetBy: 5)..<close]), index < entered.count
        {
            let rest = path[path.index(after: close)...]
            let key = rest.hasPrefix(".") ? String(rest.dropFirst().prefix { $0 != "." && $0 != "[" }) : ""
            let field: String
            switch key {
            case "bidder", "price", "unit-prices", "declaration": field = key
            case "lot": field = "bidder"
            case "": field = "more"
            default: field = "more"
            }
            return (entered[index], field)
        }
        if let row = lines.firstIndex(of: diagnostic.location.line), diagnostic.location.line > 0 {
            return (row, "more")
        }
        return nil
    }

    func rehearsal(_ form: Form) throws -> (Rehearsal, String) {
        let base = try file(form)
        let rows = form.rows(limit: ServeLimits.maximumRows)
        let variant = (form["variant"] ?? "").isEmpty ? nil : form["variant"]
        return (Rehearsal(base: base, rows: rows, variant: variant), form["name"] ?? "")
    }

    func rehearsalEvaluation(_ form: Form) throws -> Evaluation {
        let (rehearsal, name) = try rehearsal(form)
        let evaluated = try evaluate(rehearsal, name: name)
        guard let evaluation = evaluated.evaluation else {
            let messages = evaluated.outcome.fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            throw Refusal(
                status: .unprocessableContent,
                message: "the rehearsal does not load: "
                    + (evaluated.outcome.general + messages).joined(separator: " · ")
            )
        }
        return evaluation
    }

    func rehearseEvaluate(_ form: Form) throws -> Response {
        let (rehearsal, name) = try rehearsal(form)
        let evaluated = try evaluate(rehearsal, name: name)
        if form["fragment"] == "1" {
            return Self.json(
                .object([
                    (
                        "fields",
                        .object(
                            evaluated.outcome.fields.sorted { $0.key < $1.key }.map {
                                ($0.key, JSONValue.string($0.value))
                            }
                        )
                    ),
                    ("results", .string(Pages.results(evaluated.outcome))),
                ])
            )
        }
        return try rehearsalPage(rehearsal, name: name, outcome: evaluated.outcome)
    }

    func rehearsalPage(_ rehearsal: Rehearsal, name: String, outcome: RehearsalOutcome, message: String = "") throws
        -> Response
    {
        let (scenario, loaded) = try loaded(rehearsal.base, variant: rehearsal.variant)
        let plan = EvaluationContext(baseScenario(scenario), equilibria: nil).plan
        var page = Pages.rehearsal(
            file: rehearsal.base,
            name: name,
            variants: loaded.result.variants.map(\.name),
            variant: rehearsal.variant,
            scenario: scenario,
            plan: plan,
            rows: rehearsal.rows,
            outcome: outcome,
            message: message
        )
        // The fields' messages, in place (the page script does the same after a fetch).
        for (key, text) in outcome.fields {
            let parts = key.dropFirst().split(separator: ".", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let id = "id=\"m\(parts[0])-\(parts[1])\">"
            page = page.replacingOccurrences(of: id + "</span>", with: id + HTML.escape(text) + "</span>")
        }
        return Self.html(page, status: outcome.fields.isEmpty && outcome.general.isEmpty ? .ok : .unprocessableContent)
    }

    func rehearseSave(_ form: Form) throws -> Response {
        let (rehearsal, name) = try rehearsal(form)
        let path = try rehearsalPath(base: rehearsal.base, name: name)
        let evaluated = try evaluate(rehearsal, name: name)
        guard evaluated.evaluation != nil else {
            return try rehearsalPage(
                rehearsal,
                name: name,
                outcome: evaluated.outcome,
                message: "Not saved: the rehearsal has errors."
            )
        }
        // Never over a scenario that is not a rehearsal saved here.
        if let existing = try? folder.read(path), Rehearsal.reopen(String(decoding: existing, as: UTF8.self)) == nil {
            throw Refusal(
                status: .conflict,
                message: "'\(path)' exists and is not a rehearsal saved by tender serve; choose another name"
            )
        }
        do {
            try folder.write(evaluated.text, to: path)
        } catch {
            throw Refusal(status: .internalServerError, message: "cannot save '\(path)': \(error.localizedDescription)")
        }
        return try rehearsalPage(
            rehearsal,
            name: (path as NSString).lastPathComponent,
            outcome: evaluated.outcome,
            message: "Saved as \(path): tender run \(path)\(rehearsal.variant.map { " --variant \($0)" } ?? "") "
                + "gives this evaluation."
        )
    }

    // MARK: Simulation

    func simulatePage(_ form: Form) throws -> Response {
        let file = try file(form)
        let (scenario, _) = try loaded(file)
        return Self.html(Pages.simulateForm(file: file, scenario: scenario, maximum: ServeLimits.maximumReplications))
    }

    func simulateStart(_ form: Form) async throws -> Response {
        let file = try file(form)
        let (scenario, loaded) = try loaded(file)
        func refuse(_ message: String) -> Response {
            Self.html(
                Pages.simulateForm(
                    file: file,
                    scenario: scenario,
                    maximum: ServeLimits.maximumReplications,
                    message: message
                ),
                status: .unprocessableContent
            )
        }
        guard let replications = Int((form["replications"] ?? "").trimmingCharacters(in: .whitespaces)),
            (1...ServeLimits.maximumReplications).contains(replications)
        else {
            return refuse(
                "replications: expected a whole number from 1 to \(ServeLimits.maximumReplications) (tender simulate runs more), "
                    + "found '\(form["replications"] ?? "")'"
            )
        }
        guard let seed = UInt64((form["seed"] ?? "").trimmingCharacters(in: .whitespaces)) else {
            return refuse("seed: expected a whole number from 0 to 2^64−1, found '\(form["seed"] ?? "")'")
        }
        if !scenario.bids.isEmpty {
            return refuse(
                "the scenario has explicit bids (a rehearsal): every replication would be the same; "
                    + "simulate a scenario without bids"
            )
        }
        guard let digest = loaded.digest else { return refuse("cannot read the scenario files for the digest") }
        var seeded = scenario
        seeded.meta.seed = seed
        let identity = SimulationIdentity(
            file: file,
            scenario: scenario.meta.name,
            variant: nil,
            digest: digest,
            seed: seed,
            replications: replications,
            parameters: []
        )
        let text = try text(of: file)
        let absolute = folder.absolutePath(file)
        let folder = self.folder
        let source = ScenarioSource(
            loading: absolute,
            includes: .confined,
            read: { path in path == absolute ? Array(text.utf8) : try folder.readAbsolute(path) }
        )
        let id: Int
        do {
            id = try await simulations.start(
                seeded,
                identity: identity,
                replicate: source.replicate(seed: seed, fallback: seeded)
            )
        } catch {
            return refuse("\(error)")
        }
        var headers: HTTPFields = [:]
        headers[.location] = "/simulation?id=\(id)"
        return Response(status: .seeOther, headers: headers)
    }

    func job(_ form: Form) async throws -> SimulationJobs.Job {
        guard let id = Int(form["id"] ?? ""), let job = await simulations.job(id) else {
            throw Refusal(status: .notFound, message: "no such simulation")
        }
        return job
    }
}
