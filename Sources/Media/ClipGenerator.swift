/// Encodes synthetic test clips: a moving test pattern (libx264) with a sine tone (native AAC).
public enum ClipGenerator {
    /// libx264 preset for clips: test material, so speed matters more than compression.
    static let preset = "ultrafast"

    /// Writes the clip `spec` describes to `path`; the container follows the extension
    /// (`.mp4`, `.ts`, `.mkv`). Video has exactly `spec.frameCount` frames, audio the same duration.
    /// Blocks until the file is complete; run it off Swift's cooperative pool.
    public static func write(_ spec: ClipSpec, to path: String) throws(MediaError) {
        try spec.validate()
        let muxer = try ClipMuxer(path: path)
        let video = try Encoder(h264: spec.video, settings: H264Settings(
            gopLength: spec.gopLength, bFrames: spec.bFrames, bitRate: spec.videoBitRate,
            preset: preset, globalHeader: muxer.wantsGlobalHeader), subject: path)
        let audio = try Encoder(aac: spec.audio, globalHeader: muxer.wantsGlobalHeader, subject: path)
        let videoStream = try muxer.addStream(video.parameters, timeBase: video.timeBase)
        let audioStream = try muxer.addStream(audio.parameters, timeBase: audio.timeBase)
        try muxer.writeHeader()

        let pattern = try TestPattern(format: spec.video, label: spec.label, grain: spec.grain)
        let picture = try Frame(picture: spec.video)
        var tone = ToneGenerator(frequency: spec.toneFrequency, amplitude: Float(spec.toneAmplitude), format: spec.audio)
        let samples = try Frame(samples: audio.frameSize, format: spec.audio)
        for index in 0..<spec.frameCount {
            try picture.makeWritable()
            try pattern.render(frame: index, into: picture)
            picture.pts = Int64(index)
            try muxer.write(video.encode(picture), to: videoStream)
            // Keep audio level with the video so the muxer interleaves without buffering much.
            while tone.position < spec.samples(atFrame: index + 1) {
                samples.sampleCount = Int(min(Int64(audio.frameSize), spec.sampleCount - tone.position))
                try tone.fill(samples)
                try muxer.write(audio.encode(samples), to: audioStream)
            }
        }
        try muxer.write(video.encode(nil), to: videoStream)
        try muxer.write(audio.encode(nil), to: audioStream)
        try muxer.finish()
    }
}
