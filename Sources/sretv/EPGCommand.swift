import ArgumentParser
import Foundation
import Playout
import Scheduling
import Store

/// `sretv epg --from DATE [--to DATE] > guide.xml`.
struct EPGCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "epg",
        abstract: "Write the programme guide of every channel as XMLTV (or the channel list as M3U with --m3u).",
        discussion: "Programme times carry the channel's UTC offset. Redirect the output to a file: sretv epg --from 2026-12-01 > guide.xml"
    )

    @OptionGroup var range: DateRange

    @Option(help: "Base URL of the HLS streams, for the M3U list (e.g. http://tv.example:8080).")
    var baseURL: String = "http://127.0.0.1:8080"

    @Flag(help: "Print the M3U channel list instead of the XMLTV guide.")
    var m3u = false

    @OptionGroup var data: DataOptions

    func run() throws {
        let schedule = try range.schedule(data)
        let channels: [Channel]
        do { channels = try schedule.database.channels() } catch { throw CLIError("cannot list channels: \(error)") }
        let listings = channels.map { channel in
            ChannelListing(id: channel.id, name: channel.name, group: "SREtv", streamURL: "\(baseURL)/hls/\(channel.id)/index.m3u8")
        }
        if m3u {
            print(M3U.channelList(listings), terminator: "")
            return
        }
        let guides: [ChannelGuide]
        do {
            guides = try zip(channels, listings).map { channel, listing throws(StoreError) in
                ChannelGuide(channel: listing, timeline: try schedule.timeline(channel: channel.id, from: range.from, through: range.through).timeline)
            }
        } catch {
            throw CLIError("cannot read the schedules: \(error)")
        }
        print(XMLTV.document(guides), terminator: "")
    }
}
