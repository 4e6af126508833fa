import Foundation
import Scheduling

/// Why a store operation was refused or failed. `code` is stable for APIs and logs;
/// `description` says what was wrong, where, and what to do.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A save named `expected` as its base (nil: a new rundown) but `current` is the latest
    /// version, saved by `savedBy` at `savedAt`. Nothing was written.
    case conflict(channel: String, date: BroadcastDate, expected: Int?, current: Int, savedBy: String, savedAt: Date)
    /// Something the operation needs does not exist.
    case notFound(Missing)
    /// A channel with this id already exists.
    case channelExists(String)
    /// Media asset `asset` (at `uri`) is named by published rundowns; nothing was changed.
    case inUse(asset: Int64, uri: String, rundowns: [MediaUsage])
    /// The thing is not in a state that allows the operation; `reason` says which state and what to do.
    case wrongState(String)
    /// An argument was refused: `field` names it, `reason` says why and what is expected.
    case invalid(field: String, reason: String)
    /// SQLite (or decoding what it holds) failed; the message is the underlying error's.
    case storage(String)

    /// What a `notFound` error was looking for.
    public enum Missing: Sendable, Hashable, CustomStringConvertible {
        case channel(String)
        /// No version at all of this rundown has been saved.
        case rundown(channel: String, date: BroadcastDate)
        case rundownVersion(channel: String, date: BroadcastDate, version: Int)
        case asset(Int64)
        case job(Int64)
        case provider(String)
        case liveSource(channel: String, name: String)
        case breakout(Int64)

        public var description: String {
            switch self {
            case .channel(let id): "channel \(String(reflecting: id))"
            case .rundown(let channel, let date): "rundown of \(channel) for \(date)"
            case .rundownVersion(let channel, let date, let version): "version \(version) of the rundown of \(channel) for \(date)"
            case .asset(let id): "media asset \(id)"
            case .job(let id): "job \(id)"
            case .provider(let name): "provider \(String(reflecting: name)) (known: \(Provider.predefined.joined(separator: ", ")) and any added)"
            case .liveSource(let channel, let name): "live source \(String(reflecting: name)) of \(channel)"
            case .breakout(let id): "breakout \(id)"
            }
        }
    }

    /// Wraps any error thrown inside a database access; a `StoreError` passes through unchanged.
    init(_ error: any Error) {
        self = error as? StoreError ?? .storage(String(describing: error))
    }

    /// A short stable name for the kind of error: `conflict`, `not-found`, `exists`, `invalid`, `storage`.
    public var code: String {
        switch self {
        case .conflict: "conflict"
        case .notFound: "not-found"
        case .channelExists: "exists"
        case .inUse: "in-use"
        case .wrongState: "wrong-state"
        case .invalid: "invalid"
        case .storage: "storage"
        }
    }

    public var description: String {
        switch self {
        case .conflict(let channel, let date, let expected, let current, let savedBy, let savedAt):
            let base = expected.map { "version \($0)" } ?? "no earlier version"
            return "the rundown of \(channel) for \(date) was saved as version \(current) by \(savedBy) at \(savedAt.ISO8601Format()) "
                + "while this edit was based on \(base); load version \(current), reapply the changes and save again"
        case .notFound(let missing):
            return "\(missing) does not exist"
        case .channelExists(let id):
            return "channel \(String(reflecting: id)) already exists; choose another id"
        case .inUse(let asset, let uri, let rundowns):
            let names = rundowns.map(\.description).joined(separator: ", ")
            return "media asset \(asset) (\(uri)) is used by published rundowns: \(names); take it out of them first"
        case .wrongState(let reason):
            return reason
        case .invalid(let field, let reason):
            return "\(field): \(reason)"
        case .storage(let message):
            return "database error: \(message)"
        }
    }
}
