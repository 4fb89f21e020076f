import ExactNumbers
import JSONOutput
import TenderModel

/// A run as an OCDS 1.1 release package: one release, tagged planning, tender, award and contract, with the
/// bids, lots and partyDetails scale extensions. Docs/reports-and-exports.md maps every field.
///
/// Output is deterministic: identifiers derive from the scenario, dates from its bid date, and members are
/// written in a fixed order, so the same run gives the same bytes.
package enum OCDSExport {
    /// The placeholder ocid prefix. A publisher replaces it with the prefix registered with the Open
    /// Contracting Partnership (`ocds-` + 6 characters).
    package static let ocidPrefix = "ocds-tender-"

    /// The extensions the package uses, by their canonical URLs.
    package static let extensions = [
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/master/extension.json",
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/master/extension.json",
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_partyDetails_scale_extension/master/extension.json",
    ]

    /// China Standard Time: every date is the scenario's bid date (or the bid's own submission time) here.
    static let timeZone = "+08:00"

    package enum Failure: Error, CustomStringConvertible, Equatable {
        /// The run document has no `context` (written by an older `tender`): names, dates and budgets are missing.
        case noContext

        package var description: String {
            switch self {
            case .noContext:
                return "the run document has no 'context' (names, bid date, budgets); "
                    + "run the scenario again with this version of tender, or pass the scenario file"
            }
        }
    }

    /// The release package of the run.
    package static func releasePackage(_ view: RunView) throws(Failure) -> JSONValue {
        guard let context = view.context else { throw .noContext }
        let mapping = Mapping(view: view, context: context)
        return .object([
            ("uri", .string("https://tender.invalid/ocds/\(mapping.ocid).json")),
            ("version", .string("1.1")),
            ("extensions", .array(extensions.map(JSONValue.string))),
            ("publishedDate", .string(mapping.date)),
            ("publisher", .object([("name", .string("tender — 模拟数据 simulated data"))])),
            ("releases", .array([mapping.release()])),
        ])
    }

    /// `ocds-tender-<fiscal year>-<16 hex digits>`: FNV-1a of the scenario name, variant, seed and replication.
    package static func ocid(_ document: RunDocument, fiscalYear: Int) -> String {
        let key = [document.scenario, document.variant ?? "", document.seed, String(document.replication)]
            .joined(separator: "\u{1F}")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\(ocidPrefix)\(fiscalYear)-\(String(repeating: "0", count: 16 - hex.count))\(hex)"
    }

    /// `open` when every lot is bought by an open method (open tender, reverse auction), else `selective`.
    static func procurementMethod(_ methods: [Coded<ProcurementMethod>]) -> String {
        methods.allSatisfy(isOpen) ? "open" : "selective"
    }

    /// Whether any supplier may take part: an open tender or an e-mall reverse auction.
    static func isOpen(_ method: Coded<ProcurementMethod>) -> Bool {
        switch method.known {
        case .openTender?, .reverseAuction?: return true
        case .competitiveConsultation?, .competitiveNegotiation?, .inquiry?, .singleSource?, .frameworkAgreement?, nil:
            return false
        }
    }

    /// `priceOnly` for lowest-price and average-bid award, `ratedCriteria` for scoring.
    static func awardCriteria(_ evaluationMethod: Coded<EvaluationMethod>) -> String {
        switch evaluationMethod.known {
        case .lowestPrice?, .averageBid?: return "priceOnly"
        case .comprehensive?, .prozorro?, nil: return "ratedCriteria"
        }
    }

    /// `2023-06-30T08:12:00` (or without seconds) → `2023-06-30T08:12:00+08:00`; nil for anything else.
    static func dateTime(_ submittedAt: String?) -> String? {
        guard let text = submittedAt else { return nil }
        let pattern = Array("dddd-dd-ddTdd:dd:dd")
        let characters = Array(text)
        guard characters.count == 16 || characters.count == 19 else { return nil }
        for (c, p) in zip(characters, pattern) {
            guard p == "d" ? (c.isASCII && c.isNumber) : c == p else { return nil }
        }
        return (characters.count == 16 ? text + ":00" : text) + timeZone
    }
}

/// The field-by-field mapping of one run.
private struct Mapping {
    let view: RunView
    let context: ContextDocument
    let ocid: String
    /// The bid date at midnight, China Standard Time.
    let date: String
    let centreID: String
    /// Bid detail ids by lot and index in the lot's bids.
    let bidIDs: [String: [String]]

    init(view: RunView, context: ContextDocument) {
        self.view = view
        self.context = context
        ocid = OCDSExport.ocid(view.document, fiscalYear: context.fiscalYear)
        date = "\(context.bidDate)T00:00:00\(OCDSExport.timeZone)"
        let bidders = Set(view.bidders)
        var centre = "procurement-centre"
        while bidders.contains(centre) { centre += "-0" }
        centreID = centre
        var ids: [String: [String]] = [:]
        var used: Set<String> = []
        for lot in view.document.lots {
            ids[lot.id] = lot.bids.map { bid in
                var id = "\(lot.id)/\(bid.bidder)"
                var n = 2
                while used.contains(id) {
                    id = "\(lot.id)/\(bid.bidder)/\(n)"
                    n += 1
                }
                used.insert(id)
                return id
            }
        }
        bidIDs = ids
    }

    var currency: String { context.currency }

    /// The array, or nil when it is empty (an empty array is an `empty_field` note to OCDS checkers).
    func nonEmpty(_ elements: [JSONValue]) -> JSONValue? { elements.isEmpty ? nil : .array(elements) }

    func value(_ amount: Exact) -> JSONValue {
        .object([("amount", .number(amount)), ("currency", .string(currency))])
    }

    func reference(_ supplier: String) -> JSONValue {
        let name = view.supplierName(supplier)
        return .object([("id", .string(supplier)), ("name", .string(name.isEmpty ? supplier : name))])
    }

    /// `政府集中采购机构（大庆市）procurement centre`: the scenario names no centre, so its region stands in.
    var centreName: String {
        "政府集中采购机构" + (context.region.isEmpty ? "" : "（\(context.region)）") + " procurement centre"
    }

    var centreReference: JSONValue { .object([("id", .string(centreID)), ("name", .string(centreName))]) }

    func release() -> JSONValue {
        .object(
            compacting: [
                "ocid": .string(ocid),
                "id": .string("\(ocid)-\(context.bidDate)"),
                "date": .string(date),
                "tag": .array(["planning", "tender", "award", "contract"].map(JSONValue.string)),
                "initiationType": .string("tender"),
                "language": .string("zh"),
                "parties": .array(parties()),
                "buyer": centreReference,
                "planning": planning(),
                "tender": tender(),
                "bids": bids(),
                "awards": nonEmpty(view.document.lots.map(award)),
                "contracts": nonEmpty(view.document.lots.compactMap(contract)),
            ]
        )
    }

    // MARK: Parties

    func parties() -> [JSONValue] {
        let bidders = view.bidders
        let winners = Set(view.document.lots.compactMap(\.winner))
        // Suppliers in the scenario's order, then bidders the context does not list, in order of appearance.
        let known = context.suppliers.map(\.id).filter(bidders.contains)
        let ordered = known + bidders.filter { !known.contains($0) }
        var parties: [JSONValue] = [
            .object(
                compacting: [
                    "id": .string(centreID),
                    "name": .string(centreName),
                    "address": context.region.isEmpty ? nil : .object([("region", .string(context.region))]),
                    "roles": .array([.string("buyer"), .string("procuringEntity")]),
                ]
            )
        ]
        for id in ordered {
            let supplier = view.supplier(id)
            let roles = winners.contains(id) ? ["tenderer", "supplier"] : ["tenderer"]
            parties.append(
                .object(
                    compacting: [
                        "id": .string(id),
                        "name": .string(supplier.map(\.name) ?? id),
                        "address": (supplier?.region).flatMap { $0.isEmpty ? nil : .object([("region", .string($0))]) },
                        "roles": .array(roles.map(JSONValue.string)),
                        "details": supplier.flatMap { scale($0.size) }.map { .object([("scale", .string($0))]) },
                    ]
                )
            )
        }
        return parties
    }

    /// Enterprise size (工信部联企业〔2011〕300号) → the partyScale codelist.
    /// The OCDS scale of a supplier: the engine's sizes are OCDS's codes; an unknown size has none.
    func scale(_ size: Coded<EnterpriseSize>) -> String? { size.known?.rawValue }

    // MARK: Planning

    func planning() -> JSONValue {
        let projects = context.projects.map { p in
            "\(p.id) \(p.name)（\(p.type.label.text)，\(p.district)，"
                + "预算 budget \(TextLayout.amount(p.budget)) \(currency)）"
        }
        return .object([
            (
                "rationale",
                .string(
                    "试点项目的绿色建材需求按品类汇总，分包集中带量采购。"
                        + "The green building material demands of the pilot projects are pooled by category and "
                        + "bought in lots (batch centralized procurement)."
                )
            ),
            (
                "budget",
                .object([
                    ("id", .string("\(ocid)-budget")),
                    (
                        "description",
                        .string(
                            "各包最高限价之和 Sum of the lots' ceiling prices. 试点项目 Pilot projects: "
                                + projects.joined(separator: "; ")
                        )
                    ),
                    ("amount", value(view.document.lots.map(\.ceiling).reduce(.zero, +))),
                    ("project", .string(context.name)),
                    ("projectID", .string(ocid)),
                ])
            ),
        ])
    }

    // MARK: Tender

    func tender() -> JSONValue {
        let document = view.document
        let policy = context.policy
        let allFailed = !document.lots.isEmpty && document.lots.allSatisfy { $0.winner == nil }
        let bidders = view.bidders
        let methods = document.lots.map { lot in
            "\(lot.id): \(lot.method.label.text)"
        }
        let description =
            "模拟数据，非真实采购 Simulated data, not a real procurement. 绿色建材批量集中采购 "
            + "Batch centralized procurement of green building materials, \(context.region), "
            + "fiscal year \(context.fiscalYear)."
        return .object(
            compacting: [
                "id": .string("\(ocid)-tender"),
                "title": .string(context.name),
                "description": .string(description),
                "status": .string(allFailed ? "unsuccessful" : "complete"),
                "procuringEntity": centreReference,
                "items": nonEmpty(items()),
                "value": value(document.lots.map(\.ceiling).reduce(.zero, +)),
                "procurementMethod": .string(OCDSExport.procurementMethod(document.lots.map(\.method))),
                "procurementMethodDetails": methods.isEmpty ? nil : .string(methods.joined(separator: "; ")),
                "mainProcurementCategory": .string("goods"),
                "awardCriteria": .string(OCDSExport.awardCriteria(policy.evaluationMethod)),
                "awardCriteriaDetails": .string(awardCriteriaDetails(policy)),
                "tenderPeriod": .object([("endDate", .string(date))]),
                "numberOfTenderers": .number(bidders.count),
                "tenderers": nonEmpty(bidders.map(reference)),
                "lots": nonEmpty(document.lots.map(lot)),
            ]
        )
    }

    func awardCriteriaDetails(_ policy: ContextDocument.PolicyEntry) -> String {
        var parts = [policy.evaluationMethod.label.text]
        if policy.evaluationMethod == .known(.comprehensive) {
            let formula: String
            switch policy.priceFormula.known {
            case .lowPriceFirst?: formula = "低价优先法 low-price-first: base / evaluated price × points"
            case .deviationFromAverage?, nil: formula = "偏离平均价法 deviation from the mean of valid bids"
            }
            parts.append("价格分 price \(policy.pricePoints) points (\(formula))")
            for c in policy.criteria { parts.append("\(c.name) (\(c.id)) \(c.points) points") }
        }
        parts.append(
            "小微企业价格扣除 small/micro price deduction \(Labels.percent(policy.smeDeduction)), "
                + "联合体 consortium \(Labels.percent(policy.consortiumDeduction))"
        )
        parts.append(
            "得分保留 rounding \(policy.roundingMode) to \(policy.roundingPlaces) places at \(policy.roundingStage)"
        )
        parts.append("有效投标不少于 at least \(policy.minimumValidBids) valid bids; \(policy.candidates) candidates")
        return parts.joined(separator: "; ")
    }

    func items() -> [JSONValue] {
        view.document.plan.lots.flatMap { lot in
            lot.lines.map { line in
                let project = view.projectID(of: line)
                let projectName = view.project(project)?.name ?? project
                let category = view.categoryName(line.category)
                return JSONValue.object([
                    ("id", .string(line.reference)),
                    ("description", .string("\(projectName)：\(category) \(line.spec)")),
                    (
                        "classification",
                        .object([
                            ("scheme", .string("x_tender_category")),
                            ("id", .string(line.category)),
                            ("description", .string(category)),
                        ])
                    ),
                    ("quantity", .number(line.quantity, places: 6)),
                    ("unit", .object([("name", .string(line.unit)), ("value", value(line.ceilingUnitPrice))])),
                    ("relatedLot", .string(lot.id)),
                ])
            }
        }
    }

    func lot(_ lot: LotDocument) -> JSONValue {
        let plan = view.planEntry(lot.id)
        var description = "\(lot.method.label.text); 最高限价 ceiling \(TextLayout.amount(lot.ceiling))"
        if plan?.reservedForSME == true { description += "; 预留中小企业 reserved for SMEs" }
        if let failure = lot.failure { description += "; 废标 failed: \(failure)" }
        return .object(
            compacting: [
                "id": .string(lot.id),
                "title": .string("\(lot.id)：\(view.materials(of: lot.id))"),
                "description": .string(description),
                "status": .string(lot.winner == nil ? "unsuccessful" : "complete"),
                "value": value(lot.ceiling),
                "contractPeriod": deliveryPeriod(lot.id),
            ]
        )
    }

    /// From the earliest delivery start to the latest delivery end of the lot's lines.
    func deliveryPeriod(_ lot: String) -> JSONValue? {
        let lines = view.planEntry(lot)?.lines ?? []
        let from = lines.compactMap(\.deliveryFrom).min()
        let to = lines.compactMap(\.deliveryTo).max()
        guard from != nil || to != nil else { return nil }
        return .object(
            compacting: [
                "startDate": from.map { .string("\($0)T00:00:00\(OCDSExport.timeZone)") },
                "endDate": to.map { .string("\($0)T23:59:59\(OCDSExport.timeZone)") },
            ]
        )
    }

    // MARK: Bids

    /// Statistics and details of the bids, nil when there are none.
    func bids() -> JSONValue? {
        var statistics: [JSONValue] = []
        var details: [JSONValue] = []
        for lot in view.document.lots {
            statistics += self.statistics(lot)
            for (index, bid) in lot.bids.enumerated() {
                details.append(self.bid(bid, id: bidIDs[lot.id]![index], lot: lot))
            }
        }
        guard !statistics.isEmpty || !details.isEmpty else { return nil }
        return .object(compacting: ["statistics": nonEmpty(statistics), "details": nonEmpty(details)])
    }

    func statistics(_ lot: LotDocument) -> [JSONValue] {
        let valid = lot.bids.filter(\.valid)
        var measures: [(String, JSONValue, Bool)] = [
            ("bids", .number(lot.bids.count), false),
            ("validBids", .number(valid.count), false),
            ("disqualifiedBids", .number(lot.bids.count - valid.count), false),
            ("bidders", .number(Set(lot.bids.map(\.bidder)).count), false),
        ]
        if let lowest = valid.map(\.price).min(), let highest = valid.map(\.price).max() {
            measures.append(("lowestValidBidValue", .number(lowest), true))
            measures.append(("highestValidBidValue", .number(highest), true))
        }
        let sizes = lot.bids.compactMap { view.supplier($0.bidder)?.size }
        if sizes.count == lot.bids.count {
            measures.append(("smeBids", .number(sizes.filter { $0 != .known(.large) }.count), false))
            measures.append(("mediumBids", .number(sizes.filter { $0 == .known(.medium) }.count), false))
            measures.append(("smallBids", .number(sizes.filter { $0 == .known(.small) }.count), false))
            measures.append(("microBids", .number(sizes.filter { $0 == .known(.micro) }.count), false))
        }
        let abnormallyLow = lot.bids.filter { $0.rejections.contains { $0.reason == .known(.abnormallyLow) } }.count
        measures.append(("tendersAbnormallyLow", .number(abnormallyLow), false))
        return measures.map { measure, number, monetary in
            .object(
                compacting: [
                    "id": .string("\(lot.id)/\(measure)"),
                    "measure": .string(measure),
                    "value": number,
                    "currency": monetary ? .string(currency) : nil,
                    "relatedLot": .string(lot.id),
                ]
            )
        }
    }

    func bid(_ bid: RunView.Bid, id: String, lot: LotDocument) -> JSONValue {
        let documents = bid.rejections.enumerated().map { n, r in
            JSONValue.object([
                ("id", .string("\(id)/rejection-\(n + 1)")),
                ("documentType", .string("evaluationReports")),
                ("title", .string("无效投标 Invalid bid: \(r.reason.label.text)")),
                ("description", .string("\(r.reason) [\(r.ground)]: \(r.detail)")),
            ])
        }
        return .object(
            compacting: [
                "id": .string(id),
                "date": .string(OCDSExport.dateTime(bid.submittedAt) ?? date),
                "status": .string(bid.valid ? "valid" : "disqualified"),
                "tenderers": .array([reference(bid.bidder)]),
                "value": value(bid.price),
                "relatedLots": .array([.string(lot.id)]),
                "hasRank": .bool(bid.rank != nil),
                "rank": bid.rank.map(JSONValue.number),
                "documents": documents.isEmpty ? nil : .array(documents),
            ]
        )
    }

    // MARK: Awards and contracts

    func award(_ lot: LotDocument) -> JSONValue {
        let title = JSONValue.string("\(lot.id)：\(view.materials(of: lot.id))")
        guard let winner = lot.winner, let price = lot.contractPrice else {
            return .object([
                ("id", .string("\(lot.id)/award")),
                ("title", title),
                ("description", .string("废标 Failed: \(lot.failure ?? "no award")")),
                ("status", .string("unsuccessful")),
                ("date", .string(date)),
                ("relatedLots", .array([.string(lot.id)])),
            ])
        }
        let bidIndex = lot.bids.firstIndex { $0.bidder == winner }
        return .object(
            compacting: [
                "id": .string("\(lot.id)/award"),
                "title": title,
                "description": .string("中标候选人 Candidates: \(lot.candidates.joined(separator: ", "))"),
                "status": .string("active"),
                "date": .string(date),
                "value": value(price),
                "suppliers": .array([reference(winner)]),
                "relatedLots": .array([.string(lot.id)]),
                "relatedBids": bidIndex.map { .array([.string(bidIDs[lot.id]![$0])]) },
            ]
        )
    }

    func contract(_ lot: LotDocument) -> JSONValue? {
        guard let winner = lot.winner, let price = lot.contractPrice else { return nil }
        let bidIndex = lot.bids.firstIndex { $0.bidder == winner }
        return .object(
            compacting: [
                "id": .string("\(lot.id)/contract"),
                "awardID": .string("\(lot.id)/award"),
                "title": .string("\(lot.id)：\(view.materials(of: lot.id)) — \(view.supplierName(winner))"),
                "status": .string("pending"),
                "value": value(price),
                "period": deliveryPeriod(lot.id),
                "relatedBids": bidIndex.map { .array([.string(bidIDs[lot.id]![$0])]) },
            ]
        )
    }
}
