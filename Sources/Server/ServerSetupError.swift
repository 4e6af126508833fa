import Store

/// Why the HTTP server could not be built.
public enum ServerSetupError: Error, Sendable, CustomStringConvertible {
    /// The database could not give the signing key or the ingest jobs.
    case store(StoreError)
    /// A template, static file or string table of the web pages is missing or wrong.
    case webResources(WebResourceError)

    public var description: String {
        switch self {
        case .store(let error): "cannot start the server: \(error)"
        case .webResources(let error): "cannot start the server: \(error)"
        }
    }
}
