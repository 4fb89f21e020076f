import ArgumentParser
import Foundation
import Hummingbird
import TenderServer

/// `tender serve`: the web page to rehearse a tender live (Docs/serve.md). Thin: it opens the folder and runs
/// the TenderServer application until interrupted.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a web page to rehearse a tender: enter bids, see the evaluation, print the 评标报告.",
        discussion: """
            Serves the scenarios of --scenarios DIR (default: ./Scenarios, the bundled scenarios when run from the \
            repository) on http://HOST:PORT (default 127.0.0.1:8080; only this machine can connect). Rehearsals are \
            saved into that folder, beside their scenario. Stop with Ctrl-C. See Docs/serve.md.
            """
    )

    @Option(help: "Port to listen on.")
    var port: Int = 8080

    @Option(help: "Address to bind (127.0.0.1: this machine only; 0.0.0.0 exposes the page to the network).")
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp("The folder of scenarios to serve.", valueName: "dir"))
    var scenarios: String = "Scenarios"

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() throws {
        let folder: ServedDirectory
        do {
            folder = try ServedDirectory(scenarios)
        } catch {
            StandardError.write("error: \(error); give the folder of scenarios with --scenarios DIR")
            throw ExitStatus.invalidInput
        }
        let server = TenderServer(folder: folder)
        let application = server.application(host: host, port: port)
        StandardError.write("tender serve: \(folder.root) on http://\(host):\(port)/ (Ctrl-C stops)")
        let done = DispatchSemaphore(value: 0)
        let failure = LockedError()
        Task {
            do {
                try await application.runService()
            } catch {
                failure.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = failure.get() {
            StandardError.write("error: the server stopped: \(error)")
            throw ExitStatus.cannotWrite
        }
    }
}

/// The error the server task ended with, read by the waiting command.
final class LockedError: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ error: any Error) { lock.withLock { self.error = error } }
    func get() -> (any Error)? { lock.withLock { error } }
}
