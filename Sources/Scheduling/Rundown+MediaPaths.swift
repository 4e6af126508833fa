extension Rundown {
    /// The media files the rundown names (file items and the filler), relative to the media root.
    public var mediaPaths: [String] { mediaReferences.map(\.uri) }

    /// Each media file the rundown names with the JSON path that names it: `items[3].source.uri`
    /// for file items, `filler` for the filler; items first, in order.
    public var mediaReferences: [(path: String, uri: String)] {
        let items = items.enumerated().filter { $0.element.source.isFile }.map { ("items[\($0.offset)].source.uri", $0.element.source.uri) }
        return items + (filler.map { [("filler", $0)] } ?? [])
    }
}
