extension Slate {
    /// Writes `seconds` of the slate to an MPEG-TS file at `path` by repeating the GOP and the silent
    /// audio frame with shifted timestamps (no encoding); a debugging aid and the proof the slate loops.
    public func writeTransportStream(seconds: Int, to path: String) throws(MediaError) {
        guard seconds >= 1 else {
            throw MediaError(.invalidArgument, "writing slate", subject: path, reason: "seconds must be at least 1, got \(seconds)")
        }
        let muxer = try ClipMuxer(path: path, formatName: "mpegts")
        let videoStream = try muxer.addStream(videoParameters, timeBase: videoTimeBase)
        let audioStream = try muxer.addStream(audioParameters, timeBase: audioTimeBase)
        try muxer.writeHeader()
        var sample: Int64 = 0
        for frame in 0..<Int64(seconds * video.frameRate) {
            try muxer.write(videoPacket(forFrame: frame), to: videoStream)
            while sample < videoTimeBase.rescale(frame + 1, to: audioTimeBase) {
                try muxer.write(audioPacket(atSample: sample), to: audioStream)
                sample += audioFrameSamples
            }
        }
        try muxer.finish()
    }
}
