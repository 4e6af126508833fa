import Foundation

/// Runs the `ffprobe` and `ffmpeg` command-line tools on files the tests wrote.
enum FFprobe {
    /// What `ffprobe -of json` prints, reduced to the fields the tests check.
    struct Output: Decodable {
        var streams: [Stream]?
        var frames: [Frame]?
        var format: Format?
    }

    struct Stream: Decodable {
        var codec_type: String
        var codec_name: String
        var width: Int?
        var height: Int?
        var r_frame_rate: String?
        var sample_rate: String?
        var channels: Int?
        var duration: String?
        var nb_read_frames: String?
    }

    struct Frame: Decodable {
        var media_type: String
        var key_frame: Int
        var pict_type: String?
    }

    struct Format: Decodable {
        var format_name: String
        var duration: String?
    }

    /// Streams (with decoded frame counts) and format of `path`.
    static func streams(of path: String) throws -> Output {
        try probe(["-count_frames", "-show_streams", "-show_format", path])
    }

    /// Every decoded video frame of `path`, in presentation order.
    static func videoFrames(of path: String) throws -> [Frame] {
        try probe(["-select_streams", "v:0", "-show_entries", "frame=media_type,key_frame,pict_type", path])
            .frames ?? []
    }

    /// What `ffmpeg -v error` prints while decoding all of `path` (empty when the file is clean).
    static func decodingErrors(of path: String) throws -> String {
        let result = try run("ffmpeg", ["-nostdin", "-v", "error", "-i", path, "-f", "null", "-"])
        return result.status == 0 ? result.stderr : "exit status \(result.status): \(result.stderr)"
    }

    /// A tool that exited with a failure status.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs ffprobe with `arguments`; fails unless it exits cleanly and prints no warning or error.
    private static func probe(_ arguments: [String]) throws -> Output {
        let result = try run("ffprobe", ["-v", "error", "-of", "json"] + arguments)
        guard result.status == 0, result.stderr.isEmpty else {
            throw Failure(description: "ffprobe \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        return try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
    }

    /// Runs `tool` from PATH and collects what it printed.
    /// Output goes through files so large outputs cannot fill a pipe and stall the tool.
    private static func run(_ tool: String, _ arguments: [String]) throws -> (stdout: String, stderr: String, status: Int32) {
        let folder = FileManager.default.temporaryDirectory
        let stdoutURL = folder.appendingPathComponent("\(UUID().uuidString).out")
        let stderrURL = folder.appendingPathComponent("\(UUID().uuidString).err")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        defer {
            try? FileManager.default.removeItem(at: stdoutURL)
            try? FileManager.default.removeItem(at: stderrURL)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        process.waitUntilExit()
        return (try String(contentsOf: stdoutURL, encoding: .utf8), try String(contentsOf: stderrURL, encoding: .utf8),
                process.terminationStatus)
    }
}
