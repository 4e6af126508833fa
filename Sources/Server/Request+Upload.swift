import Foundation
import Hummingbird

extension Request {
    /// Streams the body into a new file at `file`, chunk by chunk (the whole body never sits in
    /// memory). Refused with 413 as soon as it is known to pass `limit` bytes (a larger
    /// `Content-Length`, or the bytes received so far); a refused or broken upload leaves no file.
    func writeBody(to file: URL, limit: Int64) async throws {
        if let declared = headers[.contentLength].flatMap({ Int64($0) }), declared > limit { throw Self.tooLarge(limit) }
        guard FileManager.default.createFile(atPath: file.path, contents: nil), let handle = FileHandle(forWritingAtPath: file.path) else {
            throw APIError(.internalServerError, "the upload could not be stored in the media root's library/ folder; check that the server may write there")
        }
        do {
            defer { try? handle.close() }
            var received: Int64 = 0
            for try await chunk in body {
                received += Int64(chunk.readableBytes)
                guard received <= limit else { throw Self.tooLarge(limit) }
                try handle.write(contentsOf: chunk.readableBytesView)
            }
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
    }

    private static func tooLarge(_ limit: Int64) -> APIError {
        APIError(.contentTooLarge, "the upload is larger than the \(limit)-byte limit (maxUploadBytes)", code: "too-large")
    }
}
