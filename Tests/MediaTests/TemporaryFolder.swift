import Foundation

/// A fresh folder under the system temporary directory, removed with everything in it on deinit.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sretv-media-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Path of `name` inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
