import Foundation
import Hummingbird
import Scheduling

extension BroadcastDate {
    /// `text` as a date; 400 naming `parameter` when it is not `YYYY-MM-DD` or no real day.
    static func parameter(_ text: some StringProtocol, name parameter: String) throws(APIError) -> BroadcastDate {
        guard let date = BroadcastDate(String(text)) else {
            throw APIError(.badRequest, "\(parameter) \(String(reflecting: String(text))) is not a date; expected YYYY-MM-DD", code: "invalid")
        }
        return date
    }

    /// The query parameter `name` of `request` as a date; nil when absent, 400 when not a date.
    static func query(_ name: String, of request: Request) throws(APIError) -> BroadcastDate? {
        guard let text = request.uri.queryParameters[Substring(name)] else { return nil }
        return try parameter(text, name: name)
    }
}
