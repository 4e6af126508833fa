import Foundation
import Hummingbird
import Media

extension APIError {
    /// The answer to a refused source: a host off the provider's list 403, any other bad URL 400.
    /// Other media failures do not reach requests (ingests run in the background); should one,
    /// it is a 500 that names a file on this machine by its name only, never by where it is.
    init(_ error: MediaError) {
        switch error.code {
        case .refused: self.init(.forbidden, error.description, code: "host-not-allowed")
        case .invalidArgument: self.init(.badRequest, error.description, code: "invalid-url")
        default:
            var shown = error
            if shown.subject.hasPrefix("/") { shown.subject = URL(fileURLWithPath: shown.subject).lastPathComponent }
            self.init(.internalServerError, shown.description, code: "media")
        }
    }
}
