import Foundation
import ServiceLifecycle

/// The channels on air, as one long-running service: starts every channel's thread, and stops
/// them on graceful shutdown. The HTTP server reads them through `LiveOutput`.
public final class PlayoutService: Service, LiveOutput, LiveSwitcher, @unchecked Sendable {
    private let channels: [String: ChannelPlayout]

    public init(channels: [ChannelPlayout]) {
        self.channels = Dictionary(channels.map { ($0.channel, $0) }) { first, _ in first }
    }

    public func run() async throws {
        for channel in channels.values { try channel.start() }
        try? await gracefulShutdown()
        await withTaskGroup(of: Void.self) { group in
            for channel in channels.values {
                group.addTask { await Self.stopOffTheCooperativePool(channel) }
            }
        }
    }

    /// `stop()` waits for a thread: done on a thread of its own, never blocking Swift's pool.
    private static func stopOffTheCooperativePool(_ channel: ChannelPlayout) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread {
                channel.stop()
                continuation.resume()
            }.start()
        }
    }

    public func playlist(channel: String) -> String? { channels[channel]?.playlist }

    public func segmentDirectory(channel: String) -> URL? { channels[channel]?.settings.outputDirectory }

    public func nowPlaying(channel: String) -> NowPlaying? { channels[channel]?.nowPlaying }

    public func take(channel: String, _ take: LiveTake) -> Bool {
        guard let playout = channels[channel] else { return false }
        playout.take(take)
        return true
    }

    public func giveBack(channel: String) { channels[channel]?.giveBack() }
}
