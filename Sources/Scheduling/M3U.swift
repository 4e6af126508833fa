/// Channel lists in the extended M3U format IPTV players read.
public enum M3U {
    /// `#EXTM3U`, then for each channel an `#EXTINF:-1 tvg-id="…" tvg-name="…" group-title="…",Name` line and its
    /// stream URL line. M3U has no escaping: double quotes in attribute values become single quotes, and line
    /// breaks anywhere become spaces, so one channel always stays two lines.
    public static func channelList(_ channels: [ChannelListing]) -> String {
        var list = "#EXTM3U\n"
        for channel in channels {
            let attributes = [("tvg-id", channel.id), ("tvg-name", channel.name), ("group-title", channel.group)]
                .map { name, value in "\(name)=\"\(oneLine(value).replacingOccurrences(of: "\"", with: "'"))\"" }
            list += "#EXTINF:-1 \(attributes.joined(separator: " ")),\(oneLine(channel.name))\n\(oneLine(channel.streamURL))\n"
        }
        return list
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
