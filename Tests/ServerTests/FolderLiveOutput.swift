import Foundation
import Playout

/// A `LiveOutput` over real files: each channel's folder under `root` holds its `index.m3u8` and
/// segment files, as the playout leaves them; `onAir` is what `nowPlaying` reports.
struct FolderLiveOutput: LiveOutput {
    let root: URL
    let onAir: [String: NowPlaying]

    func playlist(channel: String) -> String? {
        try? String(contentsOf: root.appendingPathComponent("\(channel)/index.m3u8"), encoding: .utf8)
    }

    func segmentDirectory(channel: String) -> URL? {
        let folder = root.appendingPathComponent(channel)
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }

    func nowPlaying(channel: String) -> NowPlaying? { onAir[channel] }
}
