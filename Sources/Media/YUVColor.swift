/// A colour as 8-bit limited-range BT.601 luma and chroma, the values written into yuv420p planes.
struct YUVColor: Sendable, Hashable {
    var y: UInt8
    var u: UInt8
    var v: UInt8

    static let white = YUVColor(y: 235, u: 128, v: 128)
    static let black = YUVColor(y: 16, u: 128, v: 128)
    static let grey = YUVColor(y: 126, u: 128, v: 128)

    /// The seven 75 % SMPTE colour bars, left to right: white, yellow, cyan, green, magenta, red, blue.
    static let colourBars: [YUVColor] = [
        YUVColor(y: 180, u: 128, v: 128),
        YUVColor(y: 162, u: 44, v: 142),
        YUVColor(y: 131, u: 156, v: 44),
        YUVColor(y: 112, u: 72, v: 58),
        YUVColor(y: 84, u: 184, v: 198),
        YUVColor(y: 65, u: 100, v: 212),
        YUVColor(y: 35, u: 212, v: 114),
    ]
}
