import Foundation
import Playout

/// Counters and gauges `/metrics` shows in Prometheus' text format: HTTP requests (counted by the
/// server) and, per channel, what the playout reports. Safe to update from any thread.
public final class ServerMetrics: @unchecked Sendable {
    private struct RequestKey: Hashable, Comparable {
        var route: String
        var method: String
        var status: Int

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.route, lhs.method, lhs.status) < (rhs.route, rhs.method, rhs.status)
        }
    }

    /// A value per channel of one playout metric.
    private struct ChannelSeries {
        var name: String
        var help: String
        var type: String
        var values: [String: Double] = [:]
    }

    private let lock = NSLock()
    private var requests: [RequestKey: Int] = [:]
    private var segmentsPublished = ChannelSeries(name: "sretv_segments_published_total", help: "Segments the playout published.", type: "counter")
    private var lateSegments = ChannelSeries(name: "sretv_late_segments_total", help: "Segments published later than their playlist slot.", type: "counter")
    private var slateSeconds = ChannelSeries(name: "sretv_slate_seconds_total", help: "Seconds of slate aired in place of missing media.", type: "counter")
    private var viewers = ChannelSeries(name: "sretv_viewers", help: "Players fetching the channel's playlist now.", type: "gauge")
    private var eventStreams = ChannelSeries(name: "sretv_event_streams", help: "Clients following the channel's events stream now.", type: "gauge")

    public init() {}

    /// Counts a segment a channel published: hand this to `ChannelPlayout`'s `published:`.
    public func record(_ segment: PublishedSegment) {
        segmentPublished(channel: segment.channel)
        if segment.isLate { lateSegment(channel: segment.channel) }
        if segment.isSlate { addSlate(seconds: segment.duration, channel: segment.channel) }
    }

    /// Counts one segment `channel`'s playout published.
    public func segmentPublished(channel: String) {
        update { $0.segmentsPublished.values[channel, default: 0] += 1 }
    }

    /// Counts one segment of `channel` that was published late.
    public func lateSegment(channel: String) {
        update { $0.lateSegments.values[channel, default: 0] += 1 }
    }

    /// Adds `seconds` of slate aired on `channel`.
    public func addSlate(seconds: Double, channel: String) {
        update { $0.slateSeconds.values[channel, default: 0] += seconds }
    }

    /// Sets how many players watch `channel` now.
    public func setViewers(_ count: Int, channel: String) {
        update { $0.viewers.values[channel] = Double(count) }
    }

    /// Counts a client that started (`change` 1) or stopped (-1) following `channel`'s events.
    func addEventStreams(_ change: Int, channel: String) {
        update { $0.eventStreams.values[channel, default: 0] += Double(change) }
    }

    /// Counts one answered request of `route` (the route pattern, not the path asked for).
    func countRequest(route: String, method: String, status: Int) {
        update { $0.requests[RequestKey(route: route, method: method, status: status), default: 0] += 1 }
    }

    /// Everything in the Prometheus text exposition format (version 0.0.4).
    public func prometheusText() -> String {
        lock.withLock {
            var text = "# HELP sretv_http_requests_total HTTP requests answered, by route pattern, method and status.\n# TYPE sretv_http_requests_total counter\n"
            for (key, count) in requests.sorted(by: { $0.key < $1.key }) {
                text += "sretv_http_requests_total{route=\"\(Self.escaped(key.route))\",method=\"\(key.method)\",status=\"\(key.status)\"} \(count)\n"
            }
            for series in [segmentsPublished, lateSegments, slateSeconds, viewers, eventStreams] {
                text += "# HELP \(series.name) \(series.help)\n# TYPE \(series.name) \(series.type)\n"
                for (channel, value) in series.values.sorted(by: { $0.key < $1.key }) {
                    text += "\(series.name){channel=\"\(Self.escaped(channel))\"} \(value)\n"
                }
            }
            return text
        }
    }

    private func update(_ change: (ServerMetrics) -> Void) {
        lock.withLock { change(self) }
    }

    /// A label value with `\`, `"` and line breaks escaped as the format demands.
    static func escaped(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }
}
