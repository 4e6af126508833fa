import CFFmpeg
import Foundation

/// The sample peak of a live audio stream, as an operator's level meter shows it: packets are
/// decoded as they arrive and the loudest sample of the last second is kept, in dBFS.
public final class AudioLevelMeter {
    private let decoder: Decoder
    private let sampleRate: Int
    /// Peaks of the blocks decoded in the last second, newest last, with their sample counts.
    private var recent: [(peak: Float, samples: Int)] = []

    /// A meter for `stream` (audio); throws when its codec cannot be decoded here.
    public init(stream: StreamInfo) throws(MediaError) {
        decoder = try Decoder(stream: stream, subject: "audio level of stream \(stream.index)")
        sampleRate = max(1, stream.parameters.sampleRate)
    }

    /// Decodes `packet` (of the meter's stream) and takes its samples into the level.
    public func add(_ packet: Packet) throws(MediaError) {
        for frame in try decoder.decode(packet) {
            recent.append((Self.peak(of: frame), frame.sampleCount))
        }
        var kept = 0
        let index = recent.lastIndex { entry in
            kept += entry.samples
            return kept >= sampleRate
        } ?? 0
        recent.removeFirst(index)
    }

    /// The loudest sample of the last second in dBFS (0 is full scale; silence is -inf), or nil
    /// before anything was decoded.
    public var peakDBFS: Double? {
        guard let peak = recent.map(\.peak).max() else { return nil }
        return 20 * log10(Double(peak))
    }

    /// The largest absolute sample value of `frame`, scaled to 0...1; 0 for formats it does not read.
    private static func peak(of frame: Frame) -> Float {
        let format = AVSampleFormat(frame.pointer.pointee.format)
        let channels = Int(frame.pointer.pointee.ch_layout.nb_channels)
        let planar = av_sample_fmt_is_planar(format) != 0
        let planes = planar ? channels : 1
        let count = frame.sampleCount * (planar ? 1 : channels)
        var peak: Float = 0
        for plane in 0..<planes {
            let data = UnsafeRawPointer(frame.plane(plane))
            switch av_get_packed_sample_fmt(format) {
            case AV_SAMPLE_FMT_FLT:
                let samples = data.assumingMemoryBound(to: Float.self)
                for index in 0..<count { peak = max(peak, abs(samples[index])) }
            case AV_SAMPLE_FMT_S16:
                let samples = data.assumingMemoryBound(to: Int16.self)
                for index in 0..<count { peak = max(peak, Float(abs(Int32(samples[index]))) / 32768) }
            case AV_SAMPLE_FMT_S32:
                let samples = data.assumingMemoryBound(to: Int32.self)
                for index in 0..<count { peak = max(peak, Float(abs(Int64(samples[index]))) / 2_147_483_648) }
            default:
                return 0
            }
        }
        return peak
    }
}
