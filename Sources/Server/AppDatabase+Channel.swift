import Store

extension AppDatabase {
    /// The channel `id`; `notFound` (404) when there is none.
    func existingChannel(_ id: String) throws(StoreError) -> Channel {
        guard let channel = try channel(id: id) else { throw .notFound(.channel(id)) }
        return channel
    }
}
