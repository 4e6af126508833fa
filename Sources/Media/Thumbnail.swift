import CFFmpeg
import Foundation

/// Still pictures of a video file for the media library.
public enum Thumbnail {
    /// Writes a JPEG of the first video stream of `path`, `width` pixels wide (even; the height keeps
    /// the aspect ratio), to `jpegPath`. The picture is the keyframe at or before `seconds` from the
    /// stream's start: no decoding from an earlier point, so it is fast anywhere in a long file.
    /// The file appears complete or not at all (written under a temporary name, then renamed).
    public static func write(from path: String, at seconds: Double, width: Int, to jpegPath: String) throws(MediaError) {
        let input = try InputFile(url: path)
        guard let stream = input.firstStream(.video) else {
            throw MediaError(.invalidArgument, "making a thumbnail of", subject: path, reason: "the file has no video stream")
        }
        input.discardAll(except: stream)
        let target = Rational(1, 1_000_000).rescale(Int64(max(0, seconds) * 1_000_000), to: stream.timeBase)
        try input.seek(stream: stream, toKeyframeAtOrBefore: (stream.startTime ?? 0) + target)
        let still = try keyframe(of: stream, in: input, path: path).thumbnail(width: width)
        still.pointer.pointee.quality = Encoder.jpegFrameQuality
        let encoder = try Encoder(jpegWidth: width, height: Int(still.pointer.pointee.height), subject: jpegPath)
        guard let jpeg = try (encoder.encode(still) + encoder.encode(nil)).first else {
            throw MediaError(.codec, "encoding", subject: jpegPath, reason: "the MJPEG encoder returned no picture")
        }
        do {
            try Data(bytes: jpeg.pointer.pointee.data, count: jpeg.size).write(to: URL(fileURLWithPath: jpegPath), options: .atomic)
        } catch {
            throw MediaError(.write, "writing", subject: jpegPath, reason: error.localizedDescription)
        }
    }

    /// Decodes the first picture from the next keyframe on (packets before it, which a seek into
    /// MPEG-TS may land on, cannot be decoded cleanly and are skipped).
    private static func keyframe(of stream: StreamInfo, in input: InputFile, path: String) throws(MediaError) -> Frame {
        let decoder = try Decoder(stream: stream, subject: path)
        let packet = Packet()
        var started = false
        while try input.read(into: packet) {
            guard packet.streamIndex == stream.index, started || packet.isKeyframe else { continue }
            started = true
            if let picture = try decoder.decode(packet).first { return picture }
        }
        guard let picture = try decoder.decode(nil).first else {
            throw MediaError(.read, "making a thumbnail of", subject: path, reason: "no video frame decodes from the seek point on")
        }
        return picture
    }
}
