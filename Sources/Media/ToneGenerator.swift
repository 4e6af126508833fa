import Foundation

/// A continuous sine tone, written the same into every channel of planar float audio frames.
struct ToneGenerator {
    /// Tone pitch in Hz (0 with any amplitude, or any pitch with amplitude 0, is silence).
    let frequency: Double
    /// Peak level, 0...1 of full scale.
    let amplitude: Float
    let format: AudioFormat
    /// Index of the next sample to write, which is also its pts in the 1/sampleRate time base.
    private(set) var position: Int64 = 0

    init(frequency: Double, amplitude: Float, format: AudioFormat) {
        self.frequency = frequency
        self.amplitude = amplitude
        self.format = format
    }

    /// Fills the next `frame.sampleCount` samples into `frame`, stamps its pts and advances.
    mutating func fill(_ frame: Frame) throws(MediaError) {
        try frame.makeWritable()
        let step = 2 * Double.pi * frequency / Double(format.sampleRate)
        let count = frame.sampleCount
        for channel in 0..<format.channels {
            frame.plane(channel).withMemoryRebound(to: Float.self, capacity: count) { samples in
                for index in 0..<count {
                    samples[index] = amplitude * Float(sin(step * Double(position + Int64(index))))
                }
            }
        }
        frame.pts = position
        position += Int64(count)
    }
}
