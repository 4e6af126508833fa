/// Drawing into yuv420p pictures: filled rectangles, colour bars and bitmap-font text.
extension Frame {
    /// Picture width in pixels.
    var width: Int { Int(pointer.pointee.width) }
    /// Picture height in pixels.
    var height: Int { Int(pointer.pointee.height) }

    /// Fills a rectangle (clipped to the picture); chroma covers every 2×2 block the rectangle touches.
    func fill(x: Int, y: Int, width: Int, height: Int, color: YUVColor) {
        let left = max(0, x), right = min(self.width, x + width)
        let top = max(0, y), bottom = min(self.height, y + height)
        guard left < right, top < bottom else { return }
        fillPlane(0, columns: left..<right, rows: top..<bottom, value: color.y)
        let chromaColumns = left / 2 ..< (right + 1) / 2, chromaRows = top / 2 ..< (bottom + 1) / 2
        fillPlane(1, columns: chromaColumns, rows: chromaRows, value: color.u)
        fillPlane(2, columns: chromaColumns, rows: chromaRows, value: color.v)
    }

    /// Seven vertical 75 % colour bars across the full width, from the top down to `height` pixels.
    func drawColourBars(height: Int) {
        let bars = YUVColor.colourBars
        for (index, color) in bars.enumerated() {
            let left = width * index / bars.count, right = width * (index + 1) / bars.count
            fill(x: left, y: 0, width: right - left, height: height, color: color)
        }
    }

    /// Draws `text` with its top-left corner at (`x`, `y`), each font pixel a `scale`×`scale` square.
    func drawText(_ text: String, x: Int, y: Int, scale: Int, color: YUVColor) {
        for (position, character) in text.enumerated() {
            let originX = x + position * BitmapFont.advance * scale
            for (row, bits) in BitmapFont.rows(for: character).enumerated() {
                for column in 0..<BitmapFont.glyphWidth where bits & (0b10000 >> column) != 0 {
                    fill(x: originX + column * scale, y: y + row * scale, width: scale, height: scale, color: color)
                }
            }
        }
    }

    /// Draws `text` horizontally centred with its top at `y`, on a black box with a margin of one font pixel;
    /// the font pixel is `maximumScale` picture pixels, or smaller so the box fits the picture's width.
    func drawCaption(_ text: String, y: Int, maximumScale: Int) {
        let scale = max(1, min(maximumScale, width / (BitmapFont.width(of: text) + 2)))
        let textWidth = BitmapFont.width(of: text) * scale
        let x = (width - textWidth) / 2
        fill(x: x - scale, y: y - scale, width: textWidth + 2 * scale,
             height: (BitmapFont.glyphHeight + 2) * scale, color: .black)
        drawText(text, x: x, y: y, scale: scale, color: .white)
    }

    private func fillPlane(_ index: Int, columns: Range<Int>, rows: Range<Int>, value: UInt8) {
        let start = plane(index), stride = lineSize(index)
        for row in rows {
            (start + row * stride + columns.lowerBound).update(repeating: value, count: columns.count)
        }
    }

    /// Copies luma values for whole `rows` from `source`, starting at `offset` (a grain or noise band).
    func copyLuma(rows: Range<Int>, from source: [UInt8], offset: Int) {
        let start = plane(0), stride = lineSize(0)
        source.withUnsafeBufferPointer { buffer in
            for (line, row) in rows.enumerated() {
                (start + row * stride).update(from: buffer.baseAddress! + offset + line * width, count: width)
            }
        }
    }
}
