import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Server
import Testing

/// Issue 13: `next` after a login leads only to a path on this server, read as a browser reads it
/// (tabs and line breaks dropped, `\` as `/`, spaces and controls around it trimmed).
struct LoginRedirectTests {
    @Test(arguments: [
        ("/\t/evil.com", "/"),
        ("/\n/evil.com", "/"),
        ("/\r\n/evil.com", "/"),
        ("\\\\evil.com", "/"),
        ("/\\evil.com", "/"),
        ("//evil.com", "/"),
        ("\u{0}//evil.com", "/"),
        ("https://evil.com", "/"),
        ("http:evil.com", "/"),
        ("javascript:alert(1)", "/"),
        ("evil.com", "/"),
        ("/%09/evil.com", "/%09/evil.com"),
        (" /x", "/x"),
        ("/watch?c=1", "/watch?c=1"),
        ("/st\tudio", "/studio"),
    ])
    func nextLeadsOnlyToAPathOnThisServer(next: String, location: String) async throws {
        let fixture = try ServerFixture()
        try await fixture.withClient { client in
            let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
            let form = "name=viewer-user&token=\(encode(fixture.tokens[.viewer]!))&next=\(encode(next))"
            let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: form))
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == location)
        }
    }
}
