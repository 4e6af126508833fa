/// Sample rate and channel count of an audio stream SREtv encodes.
public struct AudioFormat: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Samples per second per channel, e.g. 48000.
    public var sampleRate: Int
    /// Channel count (1 mono, 2 stereo, up to 8).
    public var channels: Int

    public init(sampleRate: Int, channels: Int) {
        self.sampleRate = sampleRate
        self.channels = channels
    }

    /// Stereo at 48 kHz, the broadcast default.
    public static let stereo48k = AudioFormat(sampleRate: 48_000, channels: 2)

    public var description: String { "\(sampleRate) Hz, \(channels) ch" }

    /// One sample's duration as a time base (1/sampleRate): audio encoders count in samples.
    public var sampleTimeBase: Rational { Rational(1, Int32(sampleRate)) }

    /// Throws `.invalidArgument` unless the rate is 8000...96000 Hz and there are 1...8 channels.
    func validate() throws(MediaError) {
        guard (8_000...96_000).contains(sampleRate), (1...8).contains(channels) else {
            throw MediaError(.invalidArgument, "checking audio format", subject: description,
                             reason: "sample rate must be 8000...96000 Hz and channels 1...8")
        }
    }
}
