import Foundation
import TestSupport
import Testing

/// The programs tests start (feeds, web servers, `sretv serve`) must obey `terminate()` and never
/// hold the test runner's output: one that outlives its test keeps `swift test` from ending.
@Test func aStartedChildHasNoSignalBlockedAndEndsOnSIGTERM() throws {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/bin/sleep")
    child.arguments = ["60"]
    try child.start()
    let status = try String(contentsOfFile: "/proc/\(child.processIdentifier)/status", encoding: .utf8)
    let blocked = status.split(separator: "\n").first { $0.hasPrefix("SigBlk:") }
    #expect(blocked == "SigBlk:\t0000000000000000")
    child.terminate()
    #expect(child.waitUntilExit(timeout: 10))
    #expect(child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGTERM)
}

@Test func aChildStillRunningAtItsDeadlineIsKilled() throws {
    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/bin/sleep")
    child.arguments = ["60"]
    try child.start()
    #expect(!child.waitUntilExit(timeout: 0.5))
    #expect(!child.isRunning)
    #expect(child.terminationStatus == SIGKILL)
}
