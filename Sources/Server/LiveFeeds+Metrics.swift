import Playout

extension LiveFeeds {
    /// The watched sources in Prometheus' text format: whether each is up, its bit rate, and how
    /// long since its last packet.
    func prometheusText() -> String {
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
