import Foundation
import Logging
import Media
import Scheduling
import Server
import Store

/// The demo of `sretv serve --demo`: on an empty data folder, generated media, a channel whose
/// rundown starts now, and an admin user.
enum DemoChannel {
    /// Sets up the demo when the database has no channel yet; returns the new admin's API token,
    /// or nil when there was data already (it is then just served).
    static func prepare(database: AppDatabase, mediaRoot: URL, format: VideoFormat, logger: Logger) throws -> String? {
        guard try database.channels().isEmpty else { return nil }
        logger.info("creating the demo channel: generating media in \(mediaRoot.path)")
        do { try DemoMedia.write(to: mediaRoot, format: format) } catch { throw CLIError("cannot generate the demo media: \(error)") }
        let zone = Rundown.defaultTimeZone
        try database.createChannel(id: DemoRundown.channel, name: "SREtv Demo", timeZone: zone.identifier, filler: DemoRundown.filler, actor: "sretv-demo")
        let rundown = DemoRundown.make(startingAt: Date().addingTimeInterval(3).rounded(), timeZone: zone)
        let version = try database.saveRundown(rundown, baseVersion: nil, actor: "sretv-demo")
        try database.publish(channel: rundown.channel, date: rundown.date, version: version, actor: "sretv-demo")
        return try database.addUser(name: "admin", role: .admin, actor: "sretv-demo")
    }
}

private extension Date {
    /// The next whole second.
    func rounded() -> Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.up)) }
}
