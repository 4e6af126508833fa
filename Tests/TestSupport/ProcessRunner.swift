import Foundation

/// The outcome of running a program to completion.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs real programs (ffprobe, ffmpeg, the built `sretv`) for tests.
public enum ProcessRunner {
    /// Runs `executable` (a path, or a name looked up on PATH) with `arguments` and waits for it,
    /// at most `timeout` seconds: a program still running then is killed and the call throws.
    /// Output goes through files, so a chatty program can never fill a pipe and stall.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, timeout: TimeInterval = 300
    ) throws -> ProcessResult {
        let folder = try TemporaryDirectory("sretv-run")
        let stdoutURL = folder.url.appendingPathComponent("out")
        let stderrURL = folder.url.appendingPathComponent("err")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable.contains("/") ? executable : "/usr/bin/env")
        process.arguments = executable.contains("/") ? arguments : [executable] + arguments
        if let environment { process.environment = environment }
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.start()
        guard process.waitUntilExit(timeout: timeout) else {
            let printed = String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self)
            throw ServerProcessError("\(executable) \(arguments.joined(separator: " ")) did not end within \(Int(timeout)) s and was killed; it printed: \(printed.suffix(2000))")
        }
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self)
        )
    }
}
