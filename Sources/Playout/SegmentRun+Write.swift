import Media

extension SegmentRun.Piece {
    /// Writes the piece as one MPEG-TS segment at `path`, with one output stream per entry of
    /// `streams`: complete under its name, or not there at all (rule P1). The muxer gets new
    /// references to the packets, so a piece can be written again (a held live segment cut short).
    func write(to path: String, streams: [CodecParameters]) throws(MediaError) {
        let writer = try SegmentWriter(path: path, streams: streams)
        for packet in packets { try writer.write(Packet(referencing: packet.packet), stream: packet.stream) }
        try writer.finish()
    }
}
