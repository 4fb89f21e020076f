/// The limits of `tender serve` (Docs/serve.md#limits).
package enum ServeLimits {
    /// The largest request body: a pasted scenario or a rehearsal form.
    package static let maximumBody = 2 * 1024 * 1024
    /// Bid rows in one rehearsal.
    package static let maximumRows = 2000
    /// Replications of one simulation started from the page.
    package static let maximumReplications = 10_000
    /// Simulations running at once; another is refused until one ends.
    package static let maximumRunningSimulations = 2
    /// Finished simulations kept for their report (the oldest is forgotten).
    package static let keptSimulations = 20
}

/// The formats a run downloads as.
package enum DownloadFormat: String, CaseIterable, Sendable {
    case json
    case csv
    case xlsx
    case ocds
}
