// Channel density benchmark: how many live channels (remuxing demo clips into HLS with 2 s segments)
// one process keeps on air without publishing a segment late, and what each costs in CPU.
// For each channel count N it runs N `ChannelPlayout`s together for the duration and prints segments
// published, late segments, process CPU time and CPU per channel as a percentage of one core.
// Usage: PlayoutBenchmark [--seconds S] [--format WxH@FPS] [--verbose] [N …]   (run it in release: Benchmarks/density.sh)
import Foundation
import Media
import Playout

let options: BenchmarkOptions
do {
    options = try BenchmarkOptions(Array(CommandLine.arguments.dropFirst()))
} catch {
    if let message = error.message { FileHandle.standardError.write(Data("PlayoutBenchmark: \(message)\n".utf8)) }
    print(BenchmarkOptions.usage)
    exit(error.message == nil ? 0 : 2)
}

/// Channels the target asks for, and the CPU share one remuxing channel may cost at most.
let targetChannels = 200
let targetPercentPerChannel = 0.5

// Encoder statistics from the demo media would bury the figures.
FFmpegLog.showErrorsOnly()
// The demo media, generated once for every run.
let media = FileManager.default.temporaryDirectory.appendingPathComponent("sretv-density-media-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: media) }
print("Generating the demo media (\(options.format)) ...")
try DemoMedia.write(to: media, format: options.format)
let clips = DemoMedia.clips(format: options.format).map(\.path)
let catalog = MediaCatalog(root: media, uris: clips)

print(String(format: "Live channels looping the demo clips, 2 s segments, window 6, %.0f s per run, %d cores", options.seconds,
             ProcessInfo.processInfo.activeProcessorCount))
print("channels  segments  expected  late  slate  worst lateness  CPU s    wall s   CPU/channel  target (0 late, < \(targetPercentPerChannel) % of a core)")
var results: [DensityResult] = []
for count in options.channelCounts {
    let result = try runChannels(count, for: options.seconds, clips: clips, catalog: catalog, format: options.format,
                                 verbose: options.verbose)
    results.append(result)
    let expected = Int(Double(count) * options.seconds / 2)
    let met = result.late == 0 && result.cpuPercentPerChannel < targetPercentPerChannel
    print(String(format: "%8d  %8d  %8d  %4d  %5d  %12.3f s  %7.2f  %7.2f  %9.3f %%  ", count, result.published, expected, result.late,
                 result.slate, result.worstLateness, result.cpuSeconds, result.wallSeconds, result.cpuPercentPerChannel) + (met ? "met" : "missed"))
}

// The verdict: some run with at least 200 channels had no late segment and stayed under the CPU share.
let qualifying = results.filter { $0.channels >= targetChannels }
if qualifying.isEmpty {
    print("target (>= \(targetChannels) channels with 0 late segments): not measured; include N >= \(targetChannels)")
} else if let best = qualifying.first(where: { $0.late == 0 && $0.cpuPercentPerChannel < targetPercentPerChannel }) {
    print(String(format: "target (>= %d channels with 0 late segments, < %.1f %% of a core each): met with %d channels, %.3f %% each",
                 targetChannels, targetPercentPerChannel, best.channels, best.cpuPercentPerChannel))
} else {
    let worst = qualifying.map { "\($0.channels) channels: \($0.late) late, \(String(format: "%.3f", $0.cpuPercentPerChannel)) % each" }
    print("target (>= \(targetChannels) channels with 0 late segments, < \(targetPercentPerChannel) % of a core each): missed (\(worst.joined(separator: "; ")))")
}
