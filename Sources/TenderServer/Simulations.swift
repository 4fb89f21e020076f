import Foundation
import Synchronization
import TenderModel
import TenderReports
import TenderSimulation

/// The simulations started from the page: each runs on a thread of its own; its progress is a ``Mutex``-guarded value
/// the status route reads. The registry is an actor: requests never share anything else.
package actor SimulationJobs {
    package final class Job: Sendable {
        package let id: Int
        package let scenarioName: String
        let state = Mutex<(done: Int, total: Int, html: String?, error: String?)>((0, 0, nil, nil))

        init(id: Int, scenarioName: String, total: Int) {
            self.id = id
            self.scenarioName = scenarioName
            state.withLock { $0.total = total }
        }

        package var status: (done: Int, total: Int, finished: Bool, error: String?) {
            state.withLock { ($0.done, $0.total, $0.html != nil || $0.error != nil, $0.error) }
        }

        package var report: String? { state.withLock { $0.html } }
    }

    private var jobs: [Int: Job] = [:]
    private var order: [Int] = []
    private var next = 1

    package init() {}

    package enum StartError: Error, CustomStringConvertible {
        case busy
        package var description: String {
            "\(ServeLimits.maximumRunningSimulations) simulations are running; try again when one has finished"
        }
    }

    /// Starts `identity.replications` replications of `scenario` in a task of its own.
    package func start(
        _ scenario: Scenario,
        identity: SimulationIdentity,
        replicate: @escaping @Sendable () -> Scenario
    ) throws(StartError) -> Int {
        let running = jobs.values.filter { !$0.status.finished }.count
        if running >= ServeLimits.maximumRunningSimulations { throw .busy }
        let job = Job(id: next, scenarioName: scenario.meta.name, total: identity.replications)
        next += 1
        jobs[job.id] = job
        order.append(job.id)
        while order.count > ServeLimits.keptSimulations, let oldest = order.first, jobs[oldest]?.status.finished == true
        {
            order.removeFirst()
            jobs[oldest] = nil
        }
        // A thread of its own: a simulation is minutes of computation, which must not hold one of the few
        // threads of Swift concurrency's pool that serve the requests.
        let thread = Thread {
            do {
                let summary = try Simulation.run(
                    scenario,
                    identity: identity,
                    jobs: 1,
                    replicate: replicate,
                    progress: { done, total in
                        job.state.withLock {
                            $0.done = done
                            $0.total = total
                        }
                    }
                )
                let html = SimulationReport().html(SimulationDocument(summary))
                job.state.withLock {
                    $0.html = html
                    $0.done = $0.total
                }
            } catch {
                job.state.withLock { $0.error = "the simulation failed: \(error)" }
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        return job.id
    }

    package func job(_ id: Int) -> Job? { jobs[id] }
}
