import Foundation
import Logging
import Media
import Playout
import Scheduling

/// What one group of channels did while on air together.
struct DensityResult {
    var channels: Int
    var published: Int
    var late: Int
    var slate: Int
    var worstLateness: Double
    /// Process CPU seconds (user + system) from starting the channels to having stopped them all.
    var cpuSeconds: Double
    /// Wall seconds over the same span.
    var wallSeconds: Double

    /// CPU one channel costs, as a percentage of one core.
    var cpuPercentPerChannel: Double { cpuSeconds / wallSeconds / Double(channels) * 100 }
}

/// Puts `count` live channels on air for `seconds`, each with its own output folder under a temporary
/// folder (removed afterwards), 2 s segments and a window of 6, all looping the same demo clips.
/// With `verbose`, the channels' warnings are logged too; otherwise only their errors.
func runChannels(_ count: Int, for seconds: Double, clips: [String], catalog: MediaCatalog, format: VideoFormat,
                 verbose: Bool) throws -> DensityResult {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("sretv-density-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    var logger = Logger(label: "density")
    // Late segments are counted, not logged one by one, unless asked; errors (unplayable media) always show.
    logger.logLevel = verbose ? .warning : .error
    let tally = SegmentTally()
    // One timeline from now, shared: a channel that starts a frame or more after it joins its clip at the next keyframe.
    let timeline = Timeline.looping(clips, catalog: catalog, from: Date(), covering: seconds + 60)
    let channels = (0..<count).map { index in
        let id = String(format: "bench-%03d", index)
        return ChannelPlayout(
            channel: id,
            settings: PlayoutSettings(outputDirectory: output.appendingPathComponent(id), segmentDuration: 2, windowSegments: 6,
                                      video: format, channelTitle: id),
            logger: logger, schedule: { _ in (timeline, catalog) }, asRun: { _ in }, published: tally.record
        )
    }
    let cpuBefore = processCPUSeconds()
    let wallStart = ContinuousClock.now
    for channel in channels { try channel.start() }
    Thread.sleep(forTimeInterval: seconds)
    stopAll(channels)
    let wall = ContinuousClock.now - wallStart
    let cpu = processCPUSeconds() - cpuBefore
    let totals = tally.totals
    return DensityResult(channels: count, published: totals.published, late: totals.late, slate: totals.slate,
                         worstLateness: totals.worstLateness, cpuSeconds: cpu,
                         wallSeconds: Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18)
}

/// Stops every channel at once: `stop()` waits for the channel's thread, so one helper thread each
/// keeps the stops from queueing behind one another.
private func stopAll(_ channels: [ChannelPlayout]) {
    let group = DispatchGroup()
    for channel in channels {
        group.enter()
        Thread {
            channel.stop()
            group.leave()
        }.start()
    }
    group.wait()
}
