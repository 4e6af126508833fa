import Foundation
import Playout

/// How `sretv serve` runs the HTTP server.
public struct ServerSettings: Sendable {
    /// The address to listen on, such as `127.0.0.1` or `0.0.0.0`.
    public var host: String
    public var port: Int
    /// The folder rundown media paths are relative to (probed for the timeline and guide).
    public var mediaRoot: URL
    /// Where viewers reach the server, without a trailing `/`: the start of every link it hands out
    /// (signed playlist URLs, the M3U channel list).
    public var publicBaseURL: String
    /// How long a signed player URL stays valid.
    public var signedURLLifetime: TimeInterval
    /// The largest file `POST /api/media` accepts, in bytes; a larger upload is refused with 413.
    public var maxUploadBytes: Int64
    /// What the media library judges assets against: the channels' segment duration and picture
    /// format, EBU R128 loudness (-23 LUFS, -1 dBTP).
    public var channelProfile: ChannelProfile

    /// The default upload limit: 4 GiB.
    public static let defaultMaxUploadBytes: Int64 = 4 << 30

    /// How long one `GET …/events` stream lasts before the server ends it (browsers' `EventSource`
    /// reconnects by itself and gets the whole state again); keeps connections from living forever.
    public var eventStreamLifetime: TimeInterval

    /// `publicBaseURL` defaults to `http://host:port`; signed URLs live 12 hours, uploads may be up
    /// to 4 GiB, media is judged against 1280x720@25 with 2 s segments and event streams last
    /// 10 minutes unless told otherwise.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, mediaRoot: URL, publicBaseURL: String? = nil,
        signedURLLifetime: TimeInterval = 12 * 3600, maxUploadBytes: Int64 = defaultMaxUploadBytes,
        channelProfile: ChannelProfile = ChannelProfile(), eventStreamLifetime: TimeInterval = 600
    ) {
        self.host = host
        self.port = port
        self.mediaRoot = mediaRoot
        let base = publicBaseURL ?? "http://\(host):\(port)"
        self.publicBaseURL = base.hasSuffix("/") ? String(base.dropLast()) : base
        self.signedURLLifetime = signedURLLifetime
        self.maxUploadBytes = maxUploadBytes
        self.channelProfile = channelProfile
        self.eventStreamLifetime = eventStreamLifetime
    }
}
