import CFFmpeg

extension MediaSource {
    /// The demuxers a local file may be read with: containers and streams that hold their media
    /// themselves. Playlists and lists (HLS, DASH, ffconcat, …) name other files, which
    /// libavformat would open with the same `file` protocol: a local file never gets one.
    static let selfContainedFormats = ["mov", "mpegts", "matroska", "mpeg", "avi", "flv", "mp3", "aac", "wav", "flac", "ogg"]

    /// The open options that keep a local file to itself: only `selfContainedFormats`, and MP4
    /// external data references off (the one way those containers could name another file).
    public static let selfContainedOptions = ["format_whitelist": selfContainedFormats.joined(separator: ","), "enable_drefs": "0"]

    /// A file someone handed in (an upload, a watch-folder drop), read as data only: with the
    /// `file` protocol and `selfContainedOptions`, so reading it opens no file but itself. `name`
    /// is what messages call it (the name its sender knows, e.g. `upload:clip.mp4`), never the
    /// path on this machine.
    /// - Throws: `MediaError` as `checkSelfContained(_:named:)` does.
    public static func handedIn(_ path: String, named name: String) throws(MediaError) -> MediaSource {
        try checkSelfContained(path, named: name)
        return MediaSource(url: path, protocols: "file", policy: nil, host: nil, options: selfContainedOptions)
    }

    /// Refuses, with a message that says why, a local file whose container names other files:
    /// what opening it would refuse anyway (`selfContainedOptions`) but only as an invalid argument.
    /// - Throws: `MediaError` with `.refused` for such a file (an HLS playlist, an ffconcat list);
    ///   `.open` when it cannot be opened. A file whose container is not recognised passes: opening
    ///   it fails like any damaged file.
    public static func checkSelfContained(_ path: String, named name: String) throws(MediaError) {
        guard let (format, description) = try container(of: path, named: name),
              Set(format.split(separator: ",").map(String.init)).isDisjoint(with: selfContainedFormats) else { return }
        throw MediaError(.refused, "reading", subject: name, reason: """
            it is \(description) (\(format)), not a file that holds its media itself, and SREtv never opens the files a local \
            file names; it reads MP4/MOV, MPEG-TS, Matroska, MPEG-PS, AVI, FLV and audio files (to file what a playlist names, \
            ingest the playlist's URL from a provider)
            """)
    }

    /// The demuxer libavformat would pick for the file at `path`, and its description, found
    /// from the file's first bytes only (nothing it names is opened); nil when none fits.
    private static func container(of path: String, named name: String) throws(MediaError) -> (String, String)? {
        var options: OpaquePointer?
        av_dict_set(&options, "protocol_whitelist", "file", 0)
        defer { av_dict_free(&options) }
        var context: UnsafeMutablePointer<AVIOContext>?
        try avio_open2(&context, path, AVIO_FLAG_READ, nil, &options).check(.open, "opening", subject: name)
        defer { avio_closep(&context) }
        var format: UnsafePointer<AVInputFormat>?
        guard av_probe_input_buffer2(context, &format, path, nil, 0, 0) >= 0, let format else { return nil }
        let short = String(cString: format.pointee.name)
        switch short {
        case "hls": return (short, "an HLS playlist")
        case "concat": return (short, "an ffconcat list")
        default: return (short, "a \(format.pointee.long_name.map { String(cString: $0) } ?? short) file")
        }
    }
}
