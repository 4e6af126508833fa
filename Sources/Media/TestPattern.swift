/// The moving picture of generated clips: colour bars and the label (drawn once), then per frame
/// a box sweeping across and a frame counter with timecode.
struct TestPattern {
    private let background: Frame
    private let format: VideoFormat
    /// Font pixel size: about 1/60 of the picture height, at least 1.
    private let scale: Int
    /// Random luma drawn as a moving band, or nil for a clean pattern.
    private let grain: [UInt8]?
    private var grainRows: Range<Int> { format.height * 5 / 24 ..< format.height * 7 / 12 }

    init(format: VideoFormat, label: String, grain: Bool = false) throws(MediaError) {
        self.format = format
        var state: UInt32 = 2_463_534_242
        self.grain = grain ? (0..<(format.width * format.height / 2 + 1 << 16)).map { _ in
            state ^= state << 13
            state ^= state >> 17
            state ^= state << 5
            return UInt8(truncatingIfNeeded: state)
        } : nil
        scale = max(1, format.height / 60)
        background = try Frame(picture: format)
        background.fill(x: 0, y: 0, width: format.width, height: format.height, color: .grey)
        background.drawColourBars(height: format.height * 2 / 3)
        background.drawCaption(label, y: format.height / 12, maximumScale: scale)
    }

    /// Draws frame `index` into `frame` (which must be writable and of the same format).
    func render(frame index: Int, into frame: Frame) throws(MediaError) {
        try frame.copyContent(of: background)
        let box = format.height / 6
        let travel = max(1, format.width - box)
        let sweep = index * 8 % (2 * travel)
        let x = sweep < travel ? sweep : 2 * travel - sweep
        frame.fill(x: x, y: format.height * 2 / 3 - box / 2, width: box, height: box, color: .white)
        if let grain {
            // Each frame reads the noise from another far-off place, so motion search finds nothing to reuse.
            frame.copyLuma(rows: grainRows, from: grain, offset: index &* 40_503 % (1 << 16))
        }
        frame.drawCaption("FRAME \(index)  \(timecode(frame: index))", y: format.height * 5 / 6, maximumScale: scale)
    }

    /// `HH:MM:SS:FF` of frame `index` from the start of the clip.
    private func timecode(frame index: Int) -> String {
        let seconds = index / format.frameRate
        let fields = [seconds / 3600, seconds / 60 % 60, seconds % 60, index % format.frameRate]
        return fields.map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
    }
}
