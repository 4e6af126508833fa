import Foundation

/// The real `ffprobe` and `ffmpeg` programs, an independent reader of what SREtv writes.
public enum FFprobe {
    /// `ffprobe -of json` with `arguments`, parsed.
    public static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try ProcessRunner.run("ffprobe", ["-v", "error", "-of", "json"] + arguments)
        guard result.status == 0 else { throw FFprobeError(arguments: arguments, output: result.stderr) }
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
    }

    /// The packets of the first video (or `stream`) stream: pts_time, dts_time, flags.
    public static func packets(of path: String, stream: String = "v:0") throws -> [[String: Any]] {
        let json = try json(["-select_streams", stream, "-show_entries", "packet=pts_time,dts_time,duration_time,flags", "-show_packets", path])
        return json["packets"] as? [[String: Any]] ?? []
    }

    /// The format section (duration, start_time as strings).
    public static func format(of path: String) throws -> [String: Any] {
        try json(["-show_entries", "format=duration,start_time,format_name", "-show_format", path])["format"] as? [String: Any] ?? [:]
    }

    /// Decodes `input` completely with `ffmpeg -v error` and returns whatever it complained about
    /// (empty when the media decodes cleanly).
    public static func decodeErrors(_ input: String, extra: [String] = []) throws -> String {
        let result = try ProcessRunner.run("ffmpeg", ["-nostdin", "-v", "error"] + extra + ["-i", input, "-f", "null", "-"])
        return result.status == 0 ? result.stderr : "exit \(result.status): \(result.stderr)"
    }
}

/// ffprobe refused or failed on its input.
public struct FFprobeError: Error, CustomStringConvertible {
    public var arguments: [String]
    public var output: String
    public var description: String { "ffprobe \(arguments.joined(separator: " ")) failed: \(output)" }
}

extension Dictionary where Key == String, Value == Any {
    /// A numeric field that ffprobe writes as a string.
    public func double(_ key: String) -> Double? { (self[key] as? String).flatMap(Double.init) }
}
