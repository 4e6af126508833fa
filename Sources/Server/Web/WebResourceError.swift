/// A template, static file or string table of the web pages that could not be read or is wrong.
/// They ship with the binary (`SREtv_Server.resources` beside it), so this means a broken build
/// or a binary copied without its resources.
public struct WebResourceError: Error, Sendable, CustomStringConvertible {
    /// The resource, relative to `Web/Resources`.
    public var file: String
    public var reason: String

    public var description: String { "web page resource \(file): \(reason)" }
}
