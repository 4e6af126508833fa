import CFFmpeg

extension MediaSource {
    /// The demuxers a handed-in file may be read with: containers and streams that hold their
    /// media themselves. Playlists and lists (HLS, DASH, ffconcat, …) name other files, which
    /// libavformat would open with the same `file` protocol: a handed-in file never gets one.
    static let selfContainedFormats = ["mov", "mpegts", "matroska", "mpeg", "mp3", "aac", "wav", "flac", "ogg"]

    /// A file someone handed in (an upload, a watch-folder drop), read as data only: with the
    /// `file` protocol, one of `selfContainedFormats` and MP4 external data references off, so
    /// reading it opens no file but itself. `name` is what messages call it (the name its sender
    /// knows, e.g. `upload:clip.mp4`), never the path on this machine.
    /// - Throws: `MediaError` with `.refused` for a file whose container names other files (an
    ///   HLS playlist, an ffconcat list); `.open` when it cannot be opened. A file whose container
    ///   is not recognised is not refused here: opening it fails like any damaged file.
    public static func handedIn(_ path: String, named name: String) throws(MediaError) -> MediaSource {
        if let (format, description) = try container(of: path, named: name),
           Set(format.split(separator: ",").map(String.init)).isDisjoint(with: selfContainedFormats) {
            throw MediaError(.refused, "filing", subject: name, reason: """
                it is \(description) (\(format)); only a file that holds its media itself is filed (MP4/MOV, MPEG-TS, \
                Matroska, MPEG-PS or an audio file); to file what a playlist names, ingest the playlist's URL from a provider
                """)
        }
        return MediaSource(url: path, protocols: "file", policy: nil, host: nil,
                           options: ["format_whitelist": selfContainedFormats.joined(separator: ","), "enable_drefs": "0"])
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
        case "hls": return (short, "an HLS playlist, which names other files")
        case "concat": return (short, "an ffconcat list, which names other files")
        default: return (short, "a \(format.pointee.long_name.map { String(cString: $0) } ?? short) file")
        }
    }
}
