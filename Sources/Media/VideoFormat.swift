/// Picture size and frame rate of a video stream SREtv encodes, e.g. `1280x720@25`.
public struct VideoFormat: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Picture width in pixels (even, for 4:2:0 chroma).
    public var width: Int
    /// Picture height in pixels (even, for 4:2:0 chroma).
    public var height: Int
    /// Whole frames per second.
    public var frameRate: Int

    public init(width: Int, height: Int, frameRate: Int) {
        self.width = width
        self.height = height
        self.frameRate = frameRate
    }

    /// Parses `WIDTHxHEIGHT@FPS`, e.g. `1280x720@25`; throws `.invalidArgument` naming the bad text.
    public init(parsing text: String) throws(MediaError) {
        let size = text.split(separator: "@", omittingEmptySubsequences: false)
        let sides = size.first?.split(separator: "x", omittingEmptySubsequences: false) ?? []
        guard size.count == 2, sides.count == 2,
              let width = Int(sides[0]), let height = Int(sides[1]), let frameRate = Int(size[1])
        else {
            throw MediaError(.invalidArgument, "parsing video format", subject: "\"\(text)\"",
                             reason: "expected WIDTHxHEIGHT@FPS with whole numbers, e.g. 1280x720@25")
        }
        self.init(width: width, height: height, frameRate: frameRate)
        try validate()
    }

    /// `WIDTHxHEIGHT@FPS`, the form `init(parsing:)` reads.
    public var description: String { "\(width)x\(height)@\(frameRate)" }

    /// One frame's duration as a time base (1/frameRate): video encoders count in frames.
    public var frameTimeBase: Rational { Rational(1, Int32(frameRate)) }

    /// Throws `.invalidArgument` unless the size is positive and even and the rate is 1...240 fps.
    func validate() throws(MediaError) {
        let reason: String? =
            if width <= 0 || height <= 0 || width > 8192 || height > 8192 { "width and height must be 1...8192 pixels" }
            else if width % 2 != 0 || height % 2 != 0 { "width and height must be even (4:2:0 chroma)" }
            else if !(1...240).contains(frameRate) { "frame rate must be 1...240 fps" }
            else { nil }
        if let reason {
            throw MediaError(.invalidArgument, "checking video format", subject: description, reason: reason)
        }
    }
}
