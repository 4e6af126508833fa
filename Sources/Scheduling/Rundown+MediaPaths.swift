extension Rundown {
    /// The media files the rundown names (file items and the filler), relative to the media root.
    public var mediaPaths: [String] {
        items.map(\.source).filter(\.isFile).map(\.uri) + (filler.map { [$0] } ?? [])
    }
}
