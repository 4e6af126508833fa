import Foundation

/// The summary `ffmpeg -af ebur128=peak=true` prints: the reference SREtv's loudness meter is
/// checked against.
public struct FFmpegLoudness: Sendable {
    /// Integrated loudness in LUFS (the summary's `I:`).
    public var integrated: Double
    /// True peak in dBFS (the summary's `Peak:`, true-peak mode).
    public var truePeak: Double
    /// Loudness range in LU (the summary's `LRA:`).
    public var range: Double

    /// Runs the ffmpeg CLI's EBU R128 meter over the first audio stream of `path`.
    public static func measure(_ path: String) throws -> FFmpegLoudness {
        let result = try ProcessRunner.run(
            "ffmpeg", ["-nostdin", "-hide_banner", "-nostats", "-i", path, "-vn", "-af", "ebur128=peak=true", "-f", "null", "-"])
        let summary = result.stderr.components(separatedBy: "Summary:").last ?? ""
        func value(_ label: String) -> Double? {
            summary.split(separator: "\n").lazy
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix(label) }
                .flatMap { Double($0.dropFirst(label.count).split(separator: " ").first ?? "") }
        }
        guard result.status == 0, let integrated = value("I:"), let truePeak = value("Peak:"), let range = value("LRA:") else {
            throw FFprobe.Failure(description: "ffmpeg ebur128 on \(path) (status \(result.status)): \(result.stderr.suffix(2_000))")
        }
        return FFmpegLoudness(integrated: integrated, truePeak: truePeak, range: range)
    }
}
