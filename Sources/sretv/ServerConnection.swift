import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// How a command reaches a running `sretv serve`: its URL and an API token.
struct ServerConnection: ParsableArguments {
    @Option(help: "Base URL of the running server.")
    var server = "http://127.0.0.1:8080"

    @Option(help: "API token (default: the SRETV_TOKEN environment variable).")
    var token: String?

    /// Sends `method` to `path` with `body` (JSON) and returns the answer's JSON body; an answer
    /// other than 2xx becomes a `CLIError` with the server's message.
    func send(_ method: String, _ path: String, body: [String: Any]? = nil) async throws -> Any? {
        guard let token = token ?? ProcessInfo.processInfo.environment["SRETV_TOKEN"] else {
            throw CLIError("no API token: pass --token or set SRETV_TOKEN (make one with `sretv user add`)")
        }
        guard let url = URL(string: server + path) else { throw CLIError("--server \(server) is not a URL") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
        }
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw CLIError("cannot reach \(server): \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let json = data.isEmpty ? nil : try? JSONSerialization.jsonObject(with: data)
        guard (200..<300).contains(status) else {
            let message = (json as? [String: Any])?["error"] as? String ?? String(decoding: data, as: UTF8.self)
            throw CLIError("\(method) \(path): \(status) \(message)")
        }
        return json
    }
}
