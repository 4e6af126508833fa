import Foundation
import Logging
import Media
import Scheduling
import Server
import Store

/// The demo of `sretv serve --demo`: on an empty data folder, generated media, a channel whose
/// rundown starts now, and an admin user.
enum DemoChannel {
    /// Sets up what the demo still lacks — media, channel, a published rundown for today, an
    /// admin — and returns the new admin's API token (nil when there was one already). A data
    /// folder with other channels is left alone: it is just served. Each step is skipped when
    /// done, so a setup interrupted half-way completes on the next start.
    static func prepare(database: AppDatabase, mediaRoot: URL, format: VideoFormat, logger: Logger) throws -> String? {
        let channels = try database.channels()
        guard channels.isEmpty || channels.contains(where: { $0.id == DemoRundown.channel }) else { return nil }
        do {
            let written = try DemoMedia.write(to: mediaRoot, format: format)
            if !written.isEmpty { logger.info("generated the demo media in \(mediaRoot.path)") }
        } catch {
            throw CLIError("cannot generate the demo media: \(error)")
        }
        let zone = Rundown.defaultTimeZone
        if channels.isEmpty {
            try database.createChannel(id: DemoRundown.channel, name: "SREtv Demo", timeZone: zone.identifier, filler: DemoRundown.filler, actor: "sretv-demo")
        }
        let rundown = DemoRundown.make(startingAt: Date().addingTimeInterval(3).rounded(), timeZone: zone)
        if try database.publishedRundown(channel: rundown.channel, date: rundown.date) == nil {
            let version = try database.saveRundown(rundown, baseVersion: try database.latestRundown(channel: rundown.channel, date: rundown.date)?.version, actor: "sretv-demo")
            try database.publish(channel: rundown.channel, date: rundown.date, version: version, actor: "sretv-demo")
        }
        return try database.users().isEmpty ? database.addUser(name: "admin", role: .admin, actor: "sretv-demo") : nil
    }
}

private extension Date {
    /// The next whole second.
    func rounded() -> Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.up)) }
}
