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
        let jpeg = try encode(try keyframe(of: stream, in: input, path: path), width: width, subject: jpegPath)
        do {
            try jpeg.write(to: URL(fileURLWithPath: jpegPath), options: .atomic)
        } catch {
            throw MediaError(.write, "writing", subject: jpegPath, reason: error.localizedDescription)
        }
    }

    /// A JPEG, `width` pixels wide, of the picture that keyframe `packet` of `stream` holds (a live
    /// feed's still frame).
    public static func jpeg(keyframe packet: Packet, of stream: StreamInfo, width: Int) throws(MediaError) -> Data {
        let subject = "stream \(stream.index) keyframe"
        let decoder = try Decoder(stream: stream, subject: subject)
        guard let picture = try (decoder.decode(packet) + decoder.decode(nil)).first else {
            throw MediaError(.codec, "decoding", subject: subject, reason: "the keyframe gave no picture")
        }
        return try encode(picture, width: width, subject: subject)
    }

    /// `picture` scaled to `width` and encoded as JPEG.
    private static func encode(_ picture: Frame, width: Int, subject: String) throws(MediaError) -> Data {
        let still = try picture.thumbnail(width: width)
        still.pointer.pointee.quality = Encoder.jpegFrameQuality
        let encoder = try Encoder(jpegWidth: width, height: Int(still.pointer.pointee.height), subject: subject)
        guard let jpeg = try (encoder.encode(still) + encoder.encode(nil)).first else {
            throw MediaError(.codec, "encoding", subject: subject, reason: "the MJPEG encoder returned no picture")
        }
        return Data(bytes: jpeg.pointer.pointee.data, count: jpeg.size)
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
