import Scheduling
import Foundation
import Hummingbird

extension Request {
    /// The whole body, refused with 413 past the context's upload limit.
    func data(context: AppRequestContext) async throws -> Data {
        Data(try await body.collect(upTo: context.maxUploadSize).readableBytesView)
    }

    /// The body decoded from JSON as `T`; 400 saying what did not fit.
    func decodeJSON<T: Decodable>(_ type: T.Type, context: AppRequestContext) async throws -> T {
        try JSONBody.decode(type, from: try await data(context: context))
    }
}

/// Request bodies in JSON.
enum JSONBody {
    /// `data` decoded as `T`; 400 saying what did not fit and where.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(APIError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, problem) {
            throw invalid(problem.codingPath + [key], "is missing")
        } catch let DecodingError.typeMismatch(_, problem), let DecodingError.valueNotFound(_, problem), let DecodingError.dataCorrupted(problem) {
            throw invalid(problem.codingPath, problem.debugDescription)
        } catch {
            throw invalid([], "\(error)")
        }
    }

    private static func invalid(_ path: [any CodingKey], _ message: String) -> APIError {
        let path = path.map(\.stringValue).joined(separator: ".")
        return .invalid("the JSON body is not valid", issues: [.init(path: path.isEmpty ? "$" : path, message: message)])
    }
}
