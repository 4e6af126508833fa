import Foundation

/// The real `ffprobe` and `ffmpeg` programs, an independent reader of what SREtv writes.
public enum FFprobe {
    /// What `ffprobe -of json` prints, reduced to the fields the tests check.
    public struct Output: Decodable, Sendable {
        public var streams: [Stream]?
        public var frames: [Frame]?
        public var packets: [Packet]?
        public var format: Format?
    }

    public struct Stream: Decodable, Sendable {
        public var codec_type: String
        public var codec_name: String
        public var width: Int?
        public var height: Int?
        public var r_frame_rate: String?
        public var sample_rate: String?
        public var channels: Int?
        public var duration: String?
        public var nb_read_frames: String?
    }

    public struct Frame: Decodable, Sendable {
        public var media_type: String
        public var key_frame: Int
        public var pict_type: String?
    }

    public struct Packet: Decodable, Sendable {
        public var pts_time: String?
        public var dts_time: String?
        public var flags: String
        public var pts: Double? { pts_time.flatMap(Double.init) }
        public var dts: Double? { dts_time.flatMap(Double.init) }
        public var isKeyframe: Bool { flags.hasPrefix("K") }
    }

    public struct Format: Decodable, Sendable {
        public var format_name: String?
        public var duration: String?
        public var start_time: String?
        public var durationSeconds: Double? { duration.flatMap(Double.init) }
        public var startSeconds: Double? { start_time.flatMap(Double.init) }
    }

    /// Streams (with decoded frame counts) and format of `path`.
    public static func streams(of path: String) throws -> Output {
        try probe(["-count_frames", "-show_streams", "-show_format", path])
    }

    /// Every decoded video frame of `path`, in presentation order.
    public static func videoFrames(of path: String) throws -> [Frame] {
        try probe(["-select_streams", "v:0", "-show_entries", "frame=media_type,key_frame,pict_type", path]).frames ?? []
    }

    /// The packets of one stream (`v:0`, `a:0`) in file order.
    public static func packets(of path: String, stream: String = "v:0") throws -> [Packet] {
        try probe(["-select_streams", stream, "-show_entries", "packet=pts_time,dts_time,flags", path]).packets ?? []
    }

    /// The container's start time and duration.
    public static func format(of path: String) throws -> Format {
        try probe(["-show_entries", "format=format_name,duration,start_time", path]).format
            ?? Format(format_name: nil, duration: nil, start_time: nil)
    }

    /// What `ffmpeg -v error` prints while decoding all of `input` (empty when it is clean).
    /// Frames pass through with their own timestamps (`-fps_mode passthrough`, on the demuxer's clock), so a source that
    /// changes frame rate is judged on its decoding, not on ffmpeg's constant-rate conversion.
    public static func decodeErrors(_ input: String, extra: [String] = []) throws -> String {
        let result = try ProcessRunner.run(
            "ffmpeg", ["-nostdin", "-v", "error"] + extra + ["-i", input, "-fps_mode", "passthrough", "-enc_time_base", "-1", "-f", "null", "-"]
        )
        return result.status == 0 ? result.stderr : "exit status \(result.status): \(result.stderr)"
    }

    /// A tool that exited with a failure status or complained.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs ffprobe with `arguments`; fails unless it exits cleanly and prints no warning or error.
    private static func probe(_ arguments: [String]) throws -> Output {
        let result = try ProcessRunner.run("ffprobe", ["-v", "error", "-of", "json"] + arguments)
        guard result.status == 0, result.stderr.isEmpty else {
            throw Failure(description: "ffprobe \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        return try JSONDecoder().decode(Output.self, from: Data(result.stdout.utf8))
    }
}
