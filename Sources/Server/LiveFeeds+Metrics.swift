import Playout

extension LiveFeeds {
    /// The watched sources in Prometheus' text format: how many feeds are open (defined sources and
    /// feeds taken by URL), each open feed (a URL without its secrets), and for each defined
    /// source whether it is up, its bit rate, and how long since its last packet.
    func prometheusText() -> String {
        let open = openFeeds()
        var text = "# HELP sretv_live_feeds_open Live feeds the server holds open, by kind (source: defined on a channel; url: taken by URL).\n"
        text += "# TYPE sretv_live_feeds_open gauge\n"
        for kind in ["source", "url"] {
            text += "sretv_live_feeds_open{kind=\"\(kind)\"} \(open.filter { $0.kind == kind }.count)\n"
        }
        text += "# HELP sretv_live_feed_open A live feed the server holds open (1), by channel and source name, or by URL without its secrets.\n"
        text += "# TYPE sretv_live_feed_open gauge\n"
        for feed in open.map(\.redacted) {
            text += "sretv_live_feed_open{kind=\"\(feed.kind)\",channel=\"\(ServerMetrics.escaped(feed.channel ?? ""))\",source=\"\(ServerMetrics.escaped(feed.status.name))\"} 1\n"
        }
        return text + sourceSeries()
    }

    /// Each defined source's state series.
    private func sourceSeries() -> String {
        let sources = statusesByChannel().flatMap { channel, statuses in statuses.map { (channel, $0) } }
        guard !sources.isEmpty else { return "" }
        let series: [(name: String, help: String, value: (LiveFeedStatus) -> Double?)] = [
            ("sretv_live_source_up", "Whether a live source delivers packets (1) or not (0).", { $0.state == .up ? 1 : 0 }),
            ("sretv_live_source_bit_rate", "Bits per second a live source delivered over the last second.", { $0.bitRate.map(Double.init) }),
            ("sretv_live_source_seconds_since_packet", "Seconds since a live source's last packet.", \.secondsSinceLastPacket),
        ]
        var text = ""
        for (name, help, value) in series {
            text += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for (channel, status) in sources {
                guard let value = value(status) else { continue }
                text += "\(name){channel=\"\(ServerMetrics.escaped(channel))\",source=\"\(ServerMetrics.escaped(status.name))\"} \(value)\n"
            }
        }
        return text
    }
}
