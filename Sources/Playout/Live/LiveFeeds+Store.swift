import Foundation
import Logging
import Scheduling
import Store

extension LiveTake {
    /// The take of a breakout the store recorded.
    public init(_ record: BreakoutRecord) {
        self.init(id: record.id, source: record.source, title: record.breakout(at: record.startedAt).programmeTitle, until: record.plannedEnd)
    }
}

extension LiveFeeds {
    /// Starts watching every live source the store defines. A source the live allow list refuses
    /// stays unwatched (its status says so) and is logged.
    public func watchStoredSources(of database: AppDatabase, logger: Logger) throws(StoreError) {
        for channel in try database.channels() {
            for source in try database.liveSources(channel: channel.id) {
                do {
                    try define(channel: channel.id, name: source.name, url: source.url)
                } catch {
                    logger.error("live source \(source.name) of \(channel.id) is not watched: \(SecretRedaction.redacted("\(error)", quoting: source.url))")
                }
            }
        }
    }
}

/// Writes what the playout did with takes into the store: the instants each went on and off air
/// (so the timeline and the guide show what really aired), and the end of one whose planned end came.
public struct BreakoutRecorder: Sendable {
    let database: AppDatabase
    let logger: Logger

    public init(database: AppDatabase, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    public func record(_ event: LiveEvent, channel: String) {
        do {
            switch event {
            case .onAir(let take, let at):
                try database.setBreakoutStart(id: take.id, at: at)
            case .offAir(let take, let at):
                if try database.openBreakout(channel: channel)?.id == take.id {
                    try database.endBreakout(channel: channel, at: at, actor: "playout")
                } else {
                    try database.setBreakoutEnd(id: take.id, at: at)
                }
            }
        } catch {
            logger.error("breakout not recorded: \(error)", metadata: ["channel": "\(channel)"])
        }
    }
}
