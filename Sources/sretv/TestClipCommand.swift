import ArgumentParser
import Media

/// `sretv test-clip FILE`.
struct TestClipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-clip",
        abstract: "Generate one test clip (moving pattern, frame counter, tone) encoded with H.264 and AAC.",
        discussion: "The container follows the file's extension: .mp4, .ts or .mkv."
    )

    @Argument(help: "The file to write.")
    var file: String

    @Option(help: "Picture format, WIDTHxHEIGHT@FPS.")
    var format: String = "1280x720@25"

    @Option(help: "Length in seconds.")
    var seconds: Double = 60

    @Option(help: "Frames between keyframes (default: two seconds).")
    var gop: Int?

    @Option(help: "B-frames between reference frames.")
    var bFrames: Int = 0

    @Option(help: "Video bit rate in bits per second.")
    var videoBitrate: Int = 3_000_000

    @Option(help: "Audio sample rate in Hz.")
    var sampleRate: Int = 48_000

    @Option(help: "Tone frequency in Hz.")
    var tone: Double = 1_000

    @Option(help: "Text burned into the picture.")
    var label: String = "SREtv TEST"

    @Flag(help: "Draw moving film grain so the encoder really spends the bit rate (benchmark material).")
    var grain = false

    func run() throws {
        do {
            let spec = ClipSpec(
                video: try VideoFormat(parsing: format), duration: .seconds(seconds), gopLength: gop, bFrames: bFrames,
                videoBitRate: videoBitrate, audio: AudioFormat(sampleRate: sampleRate, channels: 2), toneFrequency: tone, label: label, grain: grain
            )
            try ClipGenerator.write(spec, to: file)
            print("wrote \(file) (\(spec.video), \(spec.frameCount) frames)")
        } catch {
            throw CLIError("cannot generate \(file): \(error)")
        }
    }
}
