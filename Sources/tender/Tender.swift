import ArgumentParser
import ExactNumbers

@main
struct Tender: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tender",
        abstract: "Simulate centralized government procurement of green building materials."
    )

    func run() throws {
        print("tender")
    }
}
