import Foundation

/// Damaged media, made on purpose from a clean clip: the kinds of damage a playout server meets
/// in uploads and on shared storage (fault test 1 of shared/design/hls-rules.md).
public enum DamagedMedia {
    /// One way a file can be damaged.
    public enum Damage: Sendable, CustomStringConvertible {
        /// Only the first `keeping` fraction of the file's bytes is left (an interrupted copy).
        /// With the sample index first, the index promises samples the file no longer holds;
        /// with it last, the index is gone.
        case cut(keeping: Double)
        /// `count` bytes from `at` (a fraction of the file) on are overwritten with garbage.
        case garbage(at: Double, count: Int)
        /// The length prefix of the first NAL unit of video packet `packet` (in file order) says
        /// far more bytes than the packet holds.
        case brokenNALSize(packet: Int)

        public var description: String {
            switch self {
            case .cut(let keeping): "cut after \(Int(keeping * 100)) %"
            case .garbage(let at, let count): "\(count) garbage bytes at \(Int(at * 100)) %"
            case .brokenNALSize(let packet): "a broken NAL size in video packet \(packet)"
            }
        }
    }

    /// Writes `seconds` of test pattern with a tone to `path` as MP4: H.264 at 320x180@25 with a
    /// keyframe every second and no B-frames, AAC stereo at 48 kHz; the sample index (`moov`)
    /// before the media data when `indexFirst` (`-movflags +faststart`), else after it.
    public static func writeClip(to path: String, seconds: Int, indexFirst: Bool) throws {
        let result = try ProcessRunner.run("ffmpeg", [
            "-nostdin", "-v", "error", "-y",
            "-f", "lavfi", "-i", "testsrc=size=320x180:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-t", "\(seconds)", "-c:v", "libx264", "-g", "25", "-bf", "0", "-b:v", "200k", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-ac", "2",
        ] + (indexFirst ? ["-movflags", "+faststart"] : []) + [path])
        guard result.status == 0 else { throw FFprobe.Failure(description: "ffmpeg writing \(path): \(result.stderr)") }
    }

    /// Writes a copy of the file at `source` with `damage` to `path`.
    public static func write(_ damage: Damage, of source: String, to path: String) throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        switch damage {
        case .cut(let keeping):
            bytes = bytes.prefix(Int(Double(bytes.count) * keeping))
        case .garbage(let at, let count):
            // A fixed pseudo-random pattern: the same damage on every run.
            var state: UInt32 = 0x2545_F491
            let start = Int(Double(bytes.count) * at)
            for index in start..<min(bytes.count, start + count) {
                state ^= state << 13
                state ^= state >> 17
                state ^= state << 5
                bytes[index] = UInt8(truncatingIfNeeded: state)
            }
        case .brokenNALSize(let packet):
            let offset = try videoPacketPositions(of: source)[packet]
            bytes.replaceSubrange(offset..<(offset + 4), with: [0x00, 0xFF, 0xFF, 0xF0])
        }
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    /// The byte offset of every video packet of `path`, in file order (as ffprobe reads them).
    private static func videoPacketPositions(of path: String) throws -> [Int] {
        let result = try ProcessRunner.run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pos", "-of", "csv=p=0", path])
        guard result.status == 0 else { throw FFprobe.Failure(description: "ffprobe \(path): \(result.stderr)") }
        return result.stdout.split(whereSeparator: \.isNewline).compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}
