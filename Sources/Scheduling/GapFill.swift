/// What airs in a gap before a hard start: the rundown's filler looped, or slate.
enum GapFill: Hashable {
    /// The filler file, played from its start and looped; `loop` is its length.
    case filler(uri: String, loop: Ticks)
    case slate

    /// The fill for a rundown's `filler`, and a warning when the filler is named but cannot play.
    static func resolve(_ filler: String?, media: (String) -> MediaAvailability?) -> (fill: GapFill, warning: String?) {
        guard let filler else { return (.slate, nil) }
        let problem: String
        switch media(filler) {
        case .available(let facts) where facts.duration > .zero: return (.filler(uri: filler, loop: facts.duration), nil)
        case .available: problem = "is empty"
        case .unavailable(let reason): problem = "is unavailable: \(reason)"
        case nil: problem = "was not found"
        }
        return (.slate, "filler \(filler) \(problem); gaps air slate")
    }
}
