import Foundation
import Scheduling
@testable import Store
import TestSupport
import Testing

/// A real database file in a fresh temporary folder, with the channel `news` (Mexico City) in it.
struct StoreFixture {
    static let channel = "news"
    static let day = BroadcastDate("2026-03-02")!

    let folder: TemporaryDirectory
    let path: String
    let database: AppDatabase

    init() throws {
        folder = try TemporaryDirectory("sretv-store")
        path = folder.path("data/sretv.sqlite")
        database = try AppDatabase.open(at: path)
        try database.createChannel(id: Self.channel, name: "Noticias", timeZone: "America/Mexico_City", actor: "admin")
    }

    /// A valid one-item rundown of `news` for `date`; `title` tells versions apart.
    static func rundown(_ title: String, channel: String = channel, date: BroadcastDate = day, timeZone: TimeZone = Rundown.defaultTimeZone) -> Rundown {
        let item = RundownItem(id: "opening", title: title, source: RundownSource(kind: .production, uri: "news/opening.mp4"), duration: 60)
        return Rundown(channel: channel, date: date, timeZone: timeZone, items: [item])
    }
}

/// The `StoreError` `body` throws, or nil when it returns (any other error fails the test).
func storeError<T>(_ body: () throws -> T) -> StoreError? {
    do {
        _ = try body()
        return nil
    } catch let error as StoreError {
        return error
    } catch {
        Issue.record("expected a StoreError, got \(error)")
        return nil
    }
}
