import Foundation

/// What a channel must remember across a restart or a crash (rule P5): its live window with the
/// media and discontinuity sequences, and the retained segment files. Saved atomically (written
/// under a temporary name, then renamed) after every published segment.
struct PlayoutState: Codable, Sendable {
    var window: LiveWindow

    static func url(in directory: URL) -> URL { directory.appendingPathComponent("state.json") }

    /// The saved state in `directory`, or nil when there is none (a new channel) or it is unreadable.
    static func load(from directory: URL) -> PlayoutState? {
        guard let data = try? Data(contentsOf: url(in: directory)) else { return nil }
        return try? JSONDecoder().decode(PlayoutState.self, from: data)
    }

    func save(to directory: URL) throws {
        try JSONEncoder().encode(self).write(to: Self.url(in: directory), options: .atomic)
    }
}
