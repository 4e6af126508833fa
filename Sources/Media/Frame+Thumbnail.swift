import CFFmpeg

extension Frame {
    /// Limited-range (video levels) and full-range (JPEG levels) 8-bit planar YUV formats a
    /// thumbnail can be made from.
    private static let limitedRange8Bit = [AV_PIX_FMT_YUV420P, AV_PIX_FMT_YUV422P, AV_PIX_FMT_YUV444P]
    private static let fullRange8Bit = [AV_PIX_FMT_YUVJ420P, AV_PIX_FMT_YUVJ422P, AV_PIX_FMT_YUVJ444P]

    /// This decoded 8-bit planar YUV picture (4:2:0, 4:2:2 or 4:4:4) resized to `width` pixels wide,
    /// the height following the aspect ratio (both even), in full-range yuvj420p as JPEG wants it.
    /// Each output pixel is the average of the source pixels it covers (a box filter; at the same
    /// size, a copy), and limited-range video (16...235) is stretched to full range (0...255).
    func thumbnail(width: Int) throws(MediaError) -> Frame {
        let sourceWidth = Int(pointer.pointee.width), sourceHeight = Int(pointer.pointee.height)
        let format = AVPixelFormat(rawValue: pointer.pointee.format)
        guard Self.limitedRange8Bit.contains(format) || Self.fullRange8Bit.contains(format) else {
            let name = av_get_pix_fmt_name(format).map { String(cString: $0) } ?? "unknown"
            throw MediaError(.invalidArgument, "making a thumbnail of", subject: "\(sourceWidth)x\(sourceHeight) \(name) video",
                             reason: "thumbnails are made from 8-bit YUV video only (4:2:0, 4:2:2 or 4:4:4)")
        }
        guard width >= 2, width % 2 == 0, width <= sourceWidth else {
            throw MediaError(.invalidArgument, "making a thumbnail of", subject: "\(sourceWidth)x\(sourceHeight) video",
                             reason: "width \(width) must be even and 2...\(sourceWidth)")
        }
        let height = max(2, Int((Double(sourceHeight * width) / Double(sourceWidth) / 2).rounded()) * 2)
        let output = try Frame(width: width, height: height, pixelFormat: AV_PIX_FMT_YUVJ420P)
        let fullRange = Self.fullRange8Bit.contains(format) || pointer.pointee.color_range == AVCOL_RANGE_JPEG
        var chromaShift: (width: Int32, height: Int32) = (0, 0)
        av_pix_fmt_get_chroma_sub_sample(format, &chromaShift.width, &chromaShift.height)
        for plane in 0..<3 {
            let shift = plane == 0 ? (width: 0, height: 0) : (width: Int(chromaShift.width), height: Int(chromaShift.height))
            let sourceSize = ((sourceWidth + (1 << shift.width) - 1) >> shift.width, (sourceHeight + (1 << shift.height) - 1) >> shift.height)
            let outputSize = plane == 0 ? (width, height) : (width / 2, height / 2)
            let levels = fullRange ? RangeMap.identity : plane == 0 ? RangeMap.luma : RangeMap.chroma
            boxResample(plane: plane, from: sourceSize, into: output, size: outputSize, levels: levels)
        }
        return output
    }

    /// Averages the source pixels under each output pixel of plane `plane`, mapped through `levels`.
    private func boxResample(plane: Int, from source: (width: Int, height: Int), into output: Frame,
                             size: (width: Int, height: Int), levels: [UInt8]) {
        let columns = Self.spans(source.width, into: size.width), rows = Self.spans(source.height, into: size.height)
        let input = self.plane(plane), inputStride = lineSize(plane)
        let target = output.plane(plane), targetStride = output.lineSize(plane)
        for (y, rowSpan) in rows.enumerated() {
            for (x, columnSpan) in columns.enumerated() {
                var sum = 0
                for row in rowSpan {
                    for column in columnSpan { sum += Int(input[row * inputStride + column]) }
                }
                let count = rowSpan.count * columnSpan.count
                target[y * targetStride + x] = levels[(sum + count / 2) / count]
            }
        }
    }

    /// The source positions each of `count` output positions covers (at least one each).
    private static func spans(_ length: Int, into count: Int) -> [Range<Int>] {
        (0..<count).map { index in
            let start = index * length / count
            return start..<max(start + 1, (index + 1) * length / count)
        }
    }
}

/// Lookup tables from limited-range video levels to the full range JPEG uses.
private enum RangeMap {
    static let identity = (0...255).map { UInt8($0) }
    /// Luma: 16...235 → 0...255.
    static let luma = table { ($0 - 16) * 255 / 219 }
    /// Chroma: 16...240 around 128 → 0...255 around 128.
    static let chroma = table { ($0 - 128) * 255 / 224 + 128 }

    private static func table(_ map: (Double) -> Double) -> [UInt8] {
        (0...255).map { UInt8(min(255, max(0, map(Double($0)).rounded()))) }
    }
}
