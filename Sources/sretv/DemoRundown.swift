import Foundation
import Scheduling

/// The demo channel's rundown: the demo clips (and one missing file, which airs slate) looped
/// for about an hour from `start`, then the filler for the rest of the day.
enum DemoRundown {
    static let channel = "sretv-demo"
    static let filler = "filler/bars.mp4"

    static func make(startingAt start: Date, timeZone: TimeZone, loops: Int = 10) -> Rundown {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let time = calendar.dateComponents([.hour, .minute, .second], from: start)
        let first = LocalTime(hour: time.hour ?? 0, minute: time.minute ?? 0, second: time.second ?? 0)
        let segment: [(id: String, title: String, source: RundownSource, duration: Double?, category: String, tags: [String])] = [
            ("opening", "Apertura SREtv", RundownSource(kind: .production, uri: "productions/opening.mp4"), nil, "Institucional", ["sretv"]),
            ("interview", "Entrevista: la radio pública hoy", RundownSource(kind: .production, uri: "productions/interview.mp4"), nil,
             "Entrevista", ["radio", "medios públicos"]),
            ("notimex", "Notimex: resumen informativo", RundownSource(kind: .public, uri: "public/notimex-resumen.ts", provider: "Notimex"), nil,
             "Noticias", ["notimex", "resumen"]),
            ("archive", "Archivo (file missing: slate)", RundownSource(kind: .production, uri: "productions/archivo-perdido.mp4"), 10, "Archivo", []),
            ("cultura", "Canal Once: cápsula cultural", RundownSource(kind: .public, uri: "public/canal-once-cultura.mp4", provider: "Canal Once"), nil,
             "Cultura", ["canal once"]),
        ]
        let items = (1...loops).flatMap { loop in
            segment.enumerated().map { index, item in
                RundownItem(id: "\(item.id)-\(loop)", title: item.title, source: item.source, start: loop == 1 && index == 0 ? first : nil,
                            duration: item.duration, category: item.category, tags: item.tags)
            }
        }
        return Rundown(channel: channel, date: BroadcastDate(of: start, in: timeZone), timeZone: timeZone, filler: filler, items: items)
    }
}
