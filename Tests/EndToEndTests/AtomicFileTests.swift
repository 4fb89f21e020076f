import Foundation
import Testing

@testable import tender

/// Atomic writes never write through a file planted under the temporary file's name.
@Suite struct AtomicFileTests {
    @Test func plantedSymlinkAtTheTemporaryNameIsNotFollowed() throws {
        let directory = try ExportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let victim = directory.appendingPathComponent("victim.txt").path
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        let target = directory.appendingPathComponent("report.html").path
        let planted = directory.appendingPathComponent(".report.html.\(getpid()).tmp").path
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: victim)
        try AtomicFile.write("<!DOCTYPE html>", to: target)
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "<!DOCTYPE html>")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: planted) == victim)
        let attributes = try FileManager.default.attributesOfItem(atPath: target)
        #expect(attributes[.type] as? FileAttributeType == .typeRegular)
        #expect((attributes[.posixPermissions] as? Int ?? 0) & 0o133 == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(left == [".report.html.\(getpid()).tmp", "report.html", "victim.txt"])
    }
}
