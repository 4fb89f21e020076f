import Foundation
import Synchronization
import TenderEngine
import TenderModel
import Yams

/// The outcome of loading a scenario: the scenario when there is no error, and every diagnostic.
package struct LoadResult: Sendable {
    /// Nil when any diagnostic is an error.
    package let scenario: Scenario?
    /// Errors and warnings, in file order.
    package let diagnostics: [Diagnostic]
    /// The variants the scenario defines, in file order.
    package let variants: [VariantInfo]
    /// Where each path of the scenario is written.
    package let sourceMap: SourceMap
    /// The files read (the main file first, then includes).
    package let files: [String]

    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    package var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// A named set of overrides.
package struct VariantInfo: Sendable, Equatable {
    package let name: String
    package let description: String
}

/// Reads a scenario file and its includes, applies a variant, and validates everything in one pass.
package struct ScenarioLoader: Sendable {
    /// Reads a file's bytes; replaceable in tests.
    package typealias FileReader = @Sendable (String) throws -> [UInt8]

    /// Where included files may be: the trust model of Docs/security.md.
    package enum IncludeScope: Sendable {
        /// Only in the directory tree of the top scenario file, after following symbolic links: an absolute
        /// path, a `..` or a link leading out of it is an error at the include. The default.
        case confined
        /// Anywhere the process may read (`tender … --allow-includes-outside`).
        case anywhere
    }

    let readFile: FileReader
    package let includeScope: IncludeScope
    /// The files this loader has parsed: loading the scenario again (another variant, a sweep cell's
    /// overrides) starts from the parsed trees, and a variant is an overlay on a copy of them (``Node`` is a
    /// value). Each file is read and parsed once per loader.
    private let parsed = ParsedFiles()

    package init(readFile: @escaping FileReader = ScenarioLoader.readFromDisk, includes: IncludeScope = .confined) {
        self.readFile = readFile
        self.includeScope = includes
    }

    /// Reads a whole file, refusing anything that is not a regular file or is absurdly large. A symbolic link
    /// to a regular file is read (Kubernetes ConfigMap volumes present every file as one).
    package static let readFromDisk: FileReader = { path in
        let attributes = try FileManager.default.attributesOfItem(atPath: realPath(path) ?? path)
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "not a regular file"])
        }
        if let size = attributes[.size] as? Int, size > SourceText.maximumBytes {
            // Read just enough to let SourceText report the size.
            return [UInt8](repeating: 0x20, count: SourceText.maximumBytes + 1)
        }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Includes nest at most this deep (the main file's includes are depth 1); a deeper chain is refused at
    /// the include that passes the limit. Reading is depth-first, so this also bounds the loader's recursion.
    package static let maximumIncludeDepth = 32

    /// The most replications a simulation may ask for, in `meta.replications` or with `--replications`.
    package static let maximumReplications = 100_000_000

    static let mainKeys = ["meta", "includes", "catalogue", "projects", "suppliers", "bids", "policy", "variants"]
    static let includedKeys = ["includes", "catalogue", "projects", "suppliers"]

    /// Top-level keys starting with `x-` are free: a home for YAML anchors (`x-defaults: &defaults …`).
    static func allowingExtensions(_ root: Node, _ keys: [String]) -> [String] {
        guard case .mapping(let mapping) = root else { return keys }
        return keys + mapping.compactMap { $0.key.string }.filter { $0.hasPrefix("x-") }
    }

    /// Loads `path`, applying `variant` and then `overrides` (path → YAML value text, for sweeps).
    package func load(_ path: String, variant: String? = nil, overrides: [(String, String)] = []) -> LoadResult {
        let log = DiagnosticLog()
        var documents: [LoadedDocument] = []
        var files: [String] = []
        var sourceMap = SourceMap(fallback: SourceLocation(file: path, line: 1, column: 1))

        let budget = LoadBudget()
        guard let mainRoot = read(path, log: log, budget: budget)?.root else {
            return LoadResult(scenario: nil, diagnostics: log.items, variants: [], sourceMap: sourceMap, files: [path])
        }
        files.append(path)
        var stack = [canonical(path)]
        var seen = Set(stack)
        var includeFailed = false
        collectIncludes(
            of: mainRoot,
            file: path,
            root: canonical((path as NSString).deletingLastPathComponent),
            budget: budget,
            stack: &stack,
            seen: &seen,
            documents: &documents,
            files: &files,
            failed: &includeFailed,
            log: log
        )
        documents.append(LoadedDocument(file: path, root: mainRoot))

        // Variants: read them, then apply the chosen one to the documents' trees.
        let main = Cursor(node: mainRoot, path: "", file: path, log: log)
        let mainMap = main.mapping("a scenario", keys: Self.allowingExtensions(mainRoot, Self.mainKeys))
        let variantSection = mainMap?.optional("variants")
        let definitions = variantSection.map { VariantsSection.read($0) } ?? []
        var overridden: [(OverridePath, SourceLocation)] = []
        // The documents the overrides changed, with the top-level sections they changed in each.
        var changed: [Int: Set<String>] = [:]
        if let variant {
            if let definition = definitions.first(where: { $0.info.name == variant }) {
                for (overridePath, value, cursor) in definition.overrides {
                    if apply(overridePath, value, to: &documents, changed: &changed, at: cursor) {
                        overridden.append((overridePath, cursor.location))
                    }
                }
            } else {
                let names = definitions.map(\.info.name)
                let known =
                    names.isEmpty
                    ? "the scenario defines no variants" : "expected one of: " + names.joined(separator: ", ")
                // At the variants the file defines (their first name), or the top of the file when it has none.
                log.report(
                    Diagnostic(
                        .error,
                        at: variantSection?.location ?? SourceLocation(file: path, line: 1, column: 1),
                        path: "variants",
                        "unknown variant '\(variant)'\(Suggestion.hint(for: variant, in: names)) (\(known))"
                    )
                )
            }
        }
        for (text, valueText) in overrides {
            let location = SourceLocation(file: "<command line>", line: 1, column: 1)
            let cursorLog = DiagnosticLog()
            guard let overridePath = OverridePath(text) else {
                log.report(Diagnostic(.error, at: location, path: text, "expected a path such as policy.sme.deduction"))
                continue
            }
            let value = (try? Yams.compose(yaml: valueText)) ?? nil ?? Node(valueText)
            let cursor = Cursor(node: value, path: text, file: location.file, log: cursorLog)
            if apply(overridePath, value, to: &documents, changed: &changed, at: cursor, location: location, log: log) {
                overridden.append((overridePath, location))
            }
        }

        // Decode every document, main file last so its own sections follow included ones.
        var catalogue: [Category] = []
        var projects: [Project] = []
        var suppliers: [Supplier] = []
        var bidEntries: [BidEntry] = []
        var meta: Meta?
        var policy = Policy()
        for (index, loaded) in documents.enumerated() {
            let (file, root) = (loaded.file, loaded.root)
            let isMain = index == documents.count - 1
            if !isMain {
                // An included file no override changed reads the same in every load: decoded once per loader,
                // and its tree (dropped once read) is parsed again only if a position in it is asked for.
                if let parsedFile = loaded.outlineOf {
                    sourceMap.add(parsedFile)
                } else {
                    sourceMap.add(root, file: file)
                }
                let document =
                    changed[index] != nil
                    ? decode(included: root, file: file) : decoded(file) { loaded.outlineOf?.root ?? root }
                for diagnostic in document.diagnostics { log.report(diagnostic) }
                catalogue += document.catalogue
                projects += document.projects
                suppliers += document.suppliers
                continue
            }
            sourceMap.add(root, file: file)
            let cursor = Cursor(node: root, path: "", file: file, log: log)
            let map = mainMap == nil ? nil : MappingCursor(cursor: cursor, entries: mainEntries(root))
            guard let map else { continue }
            // The lists of the main file that no override changed read the same in every load: once per loader.
            let touched = changed[index] ?? []
            func untouched(_ name: String) -> Bool { !touched.contains(name) }
            catalogue +=
                section("catalogue", of: map, file: file, shared: untouched("catalogue"), log: log) {
                    .catalogue(CatalogueSection.read($0))
                }?.catalogue ?? []
            projects +=
                section("projects", of: map, file: file, shared: untouched("projects"), log: log) {
                    .projects(ProjectsSection.read($0))
                }?.projects ?? []
            suppliers +=
                section("suppliers", of: map, file: file, shared: untouched("suppliers"), log: log) {
                    .suppliers(SuppliersSection.read($0))
                }?.suppliers ?? []
            do {
                meta = map.required("meta", "the scenario's name, fiscal year and bid date").flatMap(MetaSection.read)
                if let c = map.optional("policy") { policy = PolicySection.read(c) }
                if let c = map.optional("bids") { bidEntries = BidsSection.read(c) }
            }
        }

        var model = ScenarioChecks(
            catalogue: catalogue,
            projects: projects,
            suppliers: suppliers,
            bidEntries: bidEntries,
            policy: policy,
            sourceMap: sourceMap,
            log: log
        )
        model.projectsKnownClean = parsed.cleanProjects.withLock { known in
            known.contains { $0.catalogue == catalogue && $0.projects == projects }
        }
        // An include that did not load leaves everything it defines unknown: checking references across
        // sections would report each use of them (a misspelled catalogue include gave 154 errors), so the
        // checks wait until every include loads (an unreadable include's error says so; one refused by a limit
        // or the confinement is itself the error to fix).
        let bids = includeFailed ? [] : model.run()
        if !includeFailed, !model.projectsKnownClean, !log.items.contains(where: { $0.path.hasPrefix("projects") }) {
            parsed.cleanProjects.withLock { known in
                if known.count == Self.keptDrafts { known.removeFirst() }
                known.append((catalogue, projects))
            }
        }
        if !includeFailed, !log.hasErrors, let meta {
            let planned = Scenario(
                meta: meta,
                catalogue: catalogue,
                projects: projects,
                suppliers: suppliers,
                bids: bids,
                policy: policy,
                variant: variant
            )
            let plan = LotPlanner.plan(planned, drafted: drafts(of: planned))
            if !bids.isEmpty { model.checkBidLots(bids, plan: plan.lots.map(\.id)) }
            model.checkProcedures(plan, bids: bids)
        }

        // Diagnostics caused by an override point at the override, not at the overridden file: those about
        // the overridden value or inside it, and those about a key or mapping the override created (a
        // mistyped key: 'policy.evaluation: unknown key methd'). A variant's override gives what it creates
        // its own position, right in the main file but read in the file of the section it lands in (an
        // included file's suppliers); a command-line override's creations are unmarked (line 1, column 1).
        var diagnostics = log.items
        for index in diagnostics.indices {
            let diagnostic = diagnostics[index]
            let unmarked = diagnostic.location.line == 1 && diagnostic.location.column == 1
            if let (_, location) = overridden.last(where: { override, location in
                if override.covers(diagnostic.path) || (unmarked && override.isInside(diagnostic.path)) { return true }
                return diagnostic.location.file != location.file && diagnostic.location.line == location.line
                    && diagnostic.location.column == location.column
                    && override.section.map { diagnostic.path.hasPrefix($0) } == true
            }) {
                diagnostics[index].location = location
            }
        }
        diagnostics.sort { ($0.location, $0.severity) < ($1.location, $1.severity) }
        var unique: [Diagnostic] = []
        for d in diagnostics where unique.last != d { unique.append(d) }

        let hasErrors = unique.contains { $0.severity == .error }
        let scenario =
            hasErrors || meta == nil
            ? nil
            : Scenario(
                meta: meta!,
                catalogue: catalogue,
                projects: projects,
                suppliers: suppliers,
                bids: bids,
                policy: policy,
                variant: variant
            )
        return LoadResult(
            scenario: scenario,
            diagnostics: unique,
            variants: definitions.map(\.info),
            sourceMap: sourceMap,
            files: files
        )
    }

    /// A list section of the main file read with `read`, its diagnostics reported to `log`; when `shared` (no
    /// override of this load changed the section), read once per loader and its diagnostics replayed.
    private func section(
        _ name: String,
        of map: MappingCursor,
        file: String,
        shared: Bool,
        log: DiagnosticLog,
        read: (Cursor) -> DecodedSection.Value
    ) -> DecodedSection.Value? {
        let key = file + "\u{0}" + name
        if shared, let known = parsed.sections.withLock({ $0[key] }) {
            for diagnostic in known.diagnostics { log.report(diagnostic) }
            return known.value
        }
        let sectionLog = DiagnosticLog()
        let own = MappingCursor(cursor: map.cursor.logging(to: sectionLog), entries: map.entries)
        let value = own.optional(name).map(read)
        for diagnostic in sectionLog.items { log.report(diagnostic) }
        if shared { parsed.sections.withLock { $0[key] = DecodedSection(value: value, diagnostics: sectionLog.items) } }
        return value
    }

    /// The lots of `scenario` as drafted by the plan's first steps: drafted once per loader for the loads that
    /// share what they read (a variant changing methods, the reserve or the evaluation plans from the base's).
    private func drafts(of scenario: Scenario) -> LotDrafts {
        let known = parsed.drafts.withLock { $0 }
        if let fitting = known.first(where: { $0.fits(scenario) }) { return fitting }
        let drafts = LotPlanner.draft(scenario, reusing: known)
        parsed.drafts.withLock { known in
            // A few are enough for a scenario's variants; a sweep over lotting keeps only the latest.
            if known.count == Self.keptDrafts { known.removeFirst() }
            known.append(drafts)
        }
        return drafts
    }

    /// How many drafted plans (and clean catalogues and projects) a loader keeps.
    static let keptDrafts = 4

    /// An included document read on its own: its sections and the diagnostics reading them gave.
    private func decode(included root: Node, file: String) -> DecodedDocument {
        let log = DiagnosticLog()
        let cursor = Cursor(node: root, path: "", file: file, log: log)
        var catalogue: [Category] = []
        var projects: [Project] = []
        var suppliers: [Supplier] = []
        if let map = cursor.mapping(
            "an included file (catalogue, projects, suppliers, includes)",
            keys: Self.includedKeys
        ) {
            if let c = map.optional("catalogue") { catalogue = CatalogueSection.read(c) }
            if let c = map.optional("projects") { projects = ProjectsSection.read(c) }
            if let c = map.optional("suppliers") { suppliers = SuppliersSection.read(c) }
        }
        return DecodedDocument(
            catalogue: catalogue,
            projects: projects,
            suppliers: suppliers,
            diagnostics: log.items
        )
    }

    /// ``decode(included:file:)`` of a file as parsed (`root`, asked for only if the file was not decoded
    /// yet), once per loader.
    private func decoded(_ file: String, root: () -> Node) -> DecodedDocument {
        if let known = parsed.decoded.withLock({ $0[file] }) { return known }
        let document = decode(included: root(), file: file)
        parsed.decoded.withLock { $0[file] = document }
        return document
    }

    private func mainEntries(_ root: Node) -> [(key: String, value: Node)] {
        guard case .mapping(let mapping) = root else { return [] }
        return mapping.compactMap { key, value in
            guard let name = key.string, Self.mainKeys.contains(name) else { return nil }
            return (name, value)
        }
    }

    /// The file at `path` as parsed (once per loader), or nil after reporting why it cannot be read. An included
    /// file (`cursor` is its include) is decoded as soon as it is parsed and its tree dropped: a load keeps
    /// only its outline, and parses it again when asked for the tree.
    private func read(
        _ path: String,
        log: DiagnosticLog,
        budget: LoadBudget,
        from cursor: Cursor? = nil
    ) -> ParsedFile? {
        if let file = parsed.files.withLock({ $0[path] }) {
            budget.bytes += file.size
            if let cursor, budget.bytes > SourceText.maximumTotalBytes {
                cursor.error(Self.totalTooLarge)
                return nil
            }
            return file
        }
        let bytes: [UInt8]
        do {
            bytes = try readFile(path)
        } catch {
            let reason = Self.readFailure(error)
            if let cursor {
                cursor.error("cannot read included file '\(path)': \(reason)" + Self.checksSkipped)
            } else {
                log.report(
                    Diagnostic(
                        .error,
                        at: SourceLocation(file: path, line: 1, column: 1),
                        path: "",
                        "cannot read the file: \(reason)"
                    )
                )
            }
            return nil
        }
        budget.bytes += bytes.count
        if let cursor, budget.bytes > SourceText.maximumTotalBytes {
            cursor.error(Self.totalTooLarge)
            return nil
        }
        // Only a file that parsed is kept: one that did not is read again, and reports its errors again.
        guard let root = SourceText.compose(bytes, file: path, log: log) else { return nil }
        if cursor != nil, parsed.decoded.withLock({ $0[path] }) == nil {
            let document = decode(included: root, file: path)
            parsed.decoded.withLock { $0[path] = document }
        }
        let file = ParsedFile(file: path, bytes: bytes, root: root, keepingTree: cursor == nil)
        parsed.files.withLock { $0[path] = file }
        return file
    }

    static let totalTooLarge =
        "the scenario and its includes come to more than \(SourceText.maximumTotalBytes / 1_048_576) MB "
        + "with this file; expected less in all"

    /// A short reason a file cannot be read: "no such file", "permission denied", "is a directory".
    static func readFailure(_ error: any Error) -> String {
        let nsError = error as NSError
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code))).lowercased()
        }
        switch CocoaError.Code(rawValue: nsError.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file"
        case .fileReadNoPermission: return "permission denied"
        default: return nsError.localizedDescription
        }
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved (`realpath(3)`); for a path that does
    /// not exist (or files that are not on disk, in tests), the absolute path with `.` and `..` resolved.
    private func canonical(_ path: String) -> String {
        let directory = FileManager.default.currentDirectoryPath
        let absolute = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
        return Self.realPath(absolute) ?? URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The note on an include that did not load: what it defines is unknown, so the references to it are not
    /// checked (each would be an error of its own).
    static let checksSkipped =
        " (references across sections — categories, projects, suppliers — are not checked until every include loads)"

    /// Whether `path` (canonical) is `root` (canonical) or inside its tree.
    static func isInside(_ path: String, _ root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// Depth-first: an included file's own includes come before it.
    private func collectIncludes(
        of root: Node,
        file: String,
        root scope: String,
        budget: LoadBudget,
        stack: inout [String],
        seen: inout Set<String>,
        documents: inout [LoadedDocument],
        files: inout [String],
        failed: inout Bool,
        log: DiagnosticLog
    ) {
        guard case .mapping(let mapping) = root, let includes = mapping["includes"] else { return }
        let cursor = Cursor(node: includes, path: "includes", file: file, log: log)
        guard let items = cursor.items(of: "relative paths of files to include") else { return }
        // Keep paths as the user wrote them (relative stays relative), so diagnostics read alike.
        let directory = (file as NSString).deletingLastPathComponent
        for item in items {
            guard let relative = item.string() else { continue }
            let target =
                relative.hasPrefix("/") || directory.isEmpty
                ? relative : (directory as NSString).appendingPathComponent(relative)
            let key = canonical(target)
            if includeScope == .confined && !Self.isInside(key, scope) {
                let how = relative.hasPrefix("/") ? "an absolute path" : relative.contains("..") ? "'..'" : "a link"
                item.error(
                    "include \(Diagnostic.token(relative)) leads out of the directory of the scenario (through "
                        + "\(how)); expected a file in that directory tree (--allow-includes-outside allows any)"
                )
                failed = true
                continue
            }
            if let start = stack.firstIndex(of: key) {
                let cycle = (stack[start...] + [key]).map { URL(fileURLWithPath: $0).lastPathComponent }
                item.error("include cycle: \(cycle.joined(separator: " → "))")
                continue
            }
            if seen.contains(key) { continue }
            if stack.count > Self.maximumIncludeDepth {
                item.error(
                    "includes nested more than \(Self.maximumIncludeDepth) files deep; "
                        + "expected a shallower chain of includes"
                )
                failed = true
                return
            }
            seen.insert(key)
            guard let parsedFile = read(target, log: log, budget: budget, from: item) else {
                failed = true
                continue
            }
            let root = parsedFile.keepsTree ? parsedFile.root : parsedFile.outline
            files.append(target)
            stack.append(key)
            collectIncludes(
                of: root,
                file: target,
                root: scope,
                budget: budget,
                stack: &stack,
                seen: &seen,
                documents: &documents,
                files: &files,
                failed: &failed,
                log: log
            )
            stack.removeLast()
            documents.append(
                LoadedDocument(file: target, root: root, outlineOf: parsedFile.keepsTree ? nil : parsedFile)
            )
        }
    }

    /// Applies one override to whichever document holds its target; reports where it cannot.
    private func apply(
        _ path: OverridePath,
        _ value: Node,
        to documents: inout [LoadedDocument],
        changed: inout [Int: Set<String>],
        at cursor: Cursor,
        location: SourceLocation? = nil,
        log: DiagnosticLog? = nil
    ) -> Bool {
        guard case .key(let section) = path.segments.first else { return false }
        let mainOnly = ["meta", "policy"].contains(section)
        var failures: [String] = []
        for index in documents.indices.reversed() {
            let isMain = index == documents.count - 1
            if mainOnly && !isMain { continue }
            if !mainOnly && documents[index].root.mapping?[section] == nil && !isMain { continue }
            // An outline becomes the whole tree it outlines before it changes.
            if let parsedFile = documents[index].outlineOf {
                documents[index].root = parsedFile.root
                documents[index].outlineOf = nil
            }
            // A variant's override lends its position to what it creates; a command-line one has none.
            switch path.applying(value, to: documents[index].root, mark: location == nil ? cursor.node.mark : nil) {
            case .success(let root):
                documents[index].root = root
                changed[index, default: []].insert(section)
                return true
            case .failure(let failure):
                failures.append(failure.description)
            }
        }
        let message = "cannot override '\(path)': " + (failures.first ?? "no such section")
        if let log, let location {
            log.report(Diagnostic(.error, at: location, path: path.description, message))
        } else {
            cursor.error(message)
        }
        return false
    }
}

/// The parsed files of one loader, by path as given.
private final class ParsedFiles: Sendable {
    let files = Mutex<[String: ParsedFile]>([:])
    /// Included files as read when no override changes them.
    let decoded = Mutex<[String: DecodedDocument]>([:])
    /// The list sections of main files as read when no override changes them, by file and section name.
    let sections = Mutex<[String: DecodedSection]>([:])
    /// The lots of the latest plans as drafted (``LotPlanner/draft(_:reusing:)``), oldest first.
    let drafts = Mutex<[LotDrafts]>([])
    /// The latest catalogues and projects the projects' own checks found nothing in (with nothing else
    /// reported under `projects` in that load), oldest first.
    let cleanProjects = Mutex<[(catalogue: [Category], projects: [Project])]>([])
}

/// A list section of a main file as read (nil when the file has no such section) and the diagnostics reading
/// it gave.
private struct DecodedSection: Sendable {
    enum Value: Sendable {
        case catalogue([Category])
        case projects([Project])
        case suppliers([Supplier])

        var catalogue: [Category]? { if case .catalogue(let c) = self { c } else { nil } }
        var projects: [Project]? { if case .projects(let p) = self { p } else { nil } }
        var suppliers: [Supplier]? { if case .suppliers(let s) = self { s } else { nil } }
    }

    let value: Value?
    let diagnostics: [Diagnostic]
}

/// An included file's sections as read and the diagnostics reading them gave.
private struct DecodedDocument: Sendable {
    let catalogue: [Category]
    let projects: [Project]
    let suppliers: [Supplier]
    let diagnostics: [Diagnostic]
}

/// One document of a load: the file's tree (as parsed, or as the load's overrides changed it), or the outline
/// of an included file whose tree was dropped once read.
private struct LoadedDocument {
    let file: String
    var root: Node
    /// The parsed file `root` is the outline of; nil when `root` is a whole tree.
    var outlineOf: ParsedFile?
}

/// One parsed file: its bytes (the size counts toward the total-size limit), its outline and its node tree.
/// A main file keeps its tree; an included file's tree is dropped once its sections are read (the trees of a
/// large scenario are most of a load's memory) and parsed again from the bytes when asked for (a position in
/// it, an override of it), then kept.
final class ParsedFile: Sendable {
    let file: String
    let size: Int
    /// Whether the tree is kept from the start (a main file).
    let keepsTree: Bool
    private let bytes: [UInt8]
    /// The root mapping's keys, with the value of `includes` and an empty text for every other value: enough
    /// to follow the includes and to see which sections the file has.
    private let outlineNode: SendableNode
    private let tree: Mutex<SendableNode?>

    init(file: String, bytes: [UInt8], root: Node, keepingTree: Bool) {
        self.file = file
        self.size = bytes.count
        self.keepsTree = keepingTree
        self.bytes = bytes
        self.outlineNode = SendableNode(node: Self.outline(of: root))
        self.tree = Mutex(keepingTree ? SendableNode(node: root) : nil)
    }

    var outline: Node { outlineNode.node }

    /// The whole tree, parsed again from the bytes if it was dropped (the same bytes parse to the same tree, so
    /// without diagnostics).
    var root: Node {
        tree.withLock { tree in
            if let tree { return tree.node }
            let root = SourceText.compose(bytes, file: file, log: DiagnosticLog()) ?? outlineNode.node
            tree = SendableNode(node: root)
            return root
        }
    }

    /// The tag of the outline's empty texts: implicit under the basic resolver, as every scalar of a parsed tree
    /// (``SourceText``). `.implicit` alone names Yams's default resolver, whose first use compiles its seven
    /// regular expressions (with ICU): 1.5–1.8 MB of a simulation's peak memory, for texts nothing resolves.
    private static var placeholderTag: Tag { Tag(.implicit, .basic) }

    private static func outline(of root: Node) -> Node {
        guard case .mapping(let mapping) = root else {
            return .scalar(Node.Scalar("", placeholderTag, .any, root.mark))
        }
        let pairs = mapping.map { key, value in
            (key, key.string == "includes" ? value : .scalar(Node.Scalar("", placeholderTag, .any, value.mark)))
        }
        return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    }
}

/// `@unchecked Sendable`: a ``Node`` is a value that nothing changes once parsed (an override changes a copy),
/// but Yams does not declare it `Sendable`.
struct SendableNode: @unchecked Sendable {
    let node: Node
}
