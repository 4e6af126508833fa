import ArgumentParser
import Foundation
import Media
import Playout

/// `sretv media verdict FILE`: whether a file can air on a channel, and what would make it air badly.
struct MediaVerdictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verdict",
        abstract: "Say whether a media file can air on a channel: codecs, GOP length, picture format, loudness.",
        discussion: """
            Probes the file, measures its EBU R128 loudness (integrated, true peak, range) and judges it \
            against the channel: codecs HLS cannot carry without re-encoding are problems; GOPs longer than \
            the segments, another picture format, loudness off target and true peaks over -1 dBTP are warnings.
            Exit 0 when the file can air (warnings allowed), 1 when it cannot or cannot be read.
            """
    )

    @Argument(help: "The media file to judge.")
    var file: String

    @Option(help: "The channel's HLS segment length in seconds.")
    var segmentDuration: Int = 2

    @Option(help: "The channel's picture format, WIDTHxHEIGHT@FPS.")
    var format: String = "1280x720@25"

    @Option(parsing: .unconditional, help: "The channel's integrated loudness target in LUFS.")
    var loudnessTarget: Double = ChannelProfile().loudnessTarget

    @Flag(help: "Print the verdict as JSON.")
    var json = false

    @Option(help: "Also write a JPEG thumbnail here, from the keyframe at or before a tenth of the file (after the verdict; failing to write it is exit 1).")
    var thumbnail: String?

    @Option(help: "Thumbnail width in pixels (even, at most the video's width).")
    var thumbnailWidth: Int = 320

    func validate() throws {
        guard segmentDuration >= 1 else { throw ValidationError("--segment-duration must be at least 1 second") }
    }

    func run() throws {
        let verdict: MediaVerdict, duration: Double
        do {
            let profile = ChannelProfile(segmentDuration: segmentDuration, video: try VideoFormat(parsing: format), loudnessTarget: loudnessTarget)
            let info = try MediaProbe.probe(file)
            verdict = MediaVerdict.judge(file: file, info: info, profile: profile)
            duration = info.duration
        } catch {
            throw CLIError("cannot judge \(file): \(error). Check that it is a complete audio/video file and the options are valid.")
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(verdict), as: UTF8.self))
        } else {
            print(report(verdict))
        }
        if let thumbnail {
            do throws(MediaError) {
                try Thumbnail.write(from: file, at: duration / 10, width: thumbnailWidth, to: thumbnail)
            } catch {
                throw CLIError("cannot write the thumbnail \(thumbnail): \(error.reason). The verdict above stands.")
            }
        }
        if !verdict.airable { throw ExitCode.failure }
    }

    /// The verdict as lines for a person: the outcome, each problem and warning, then the measurements.
    private func report(_ verdict: MediaVerdict) -> String {
        var lines = ["\(file): \(verdict.airable ? "can air" : "cannot air")"]
        lines += verdict.problems.map { "problem: \($0)" } + verdict.warnings.map { "warning: \($0)" }
        if let gop = verdict.longestGOP { lines.append(String(format: "longest GOP: %.2f s", gop)) }
        if let loudness = verdict.loudness {
            lines.append(String(format: "loudness: %.1f LUFS integrated, true peak %.1f dBTP, range %.1f LU",
                                loudness.integrated, loudness.truePeak, loudness.range))
        }
        return lines.joined(separator: "\n")
    }
}
