import Foundation
import HummingbirdTesting
@testable import Server
import Store
import TestSupport
import Testing

/// Browser logins on the real server over TCP, with curl as the browser: the session cookie, the
/// CSRF token it needs for changes, logout, expiry, and the pages' redirects and 403s.
struct SessionTests {
    /// The running server's base URL, and what a browser does there, with curl (kept off the
    /// cooperative pool, which the server's handlers need, while it blocks).
    struct Site {
        let base: String
        let fixture: ServerFixture

        /// `method path` as `HTTPClient.request` sends it.
        func request(
            _ method: String, _ path: String, token: String? = nil, json: String? = nil, form: String? = nil, headers: [String] = []
        ) async throws -> HTTPClient.Response {
            let url = base + path
            return try await OffPool.run { try HTTPClient.request(method, url, token: token, json: json, form: form, headers: headers) }
        }

        /// `GET path` with the session cookie `value`, if any.
        func get(_ path: String, session value: String? = nil) async throws -> HTTPClient.Response {
            try await request("GET", path, headers: value.map { ["Cookie: sretv_session=\($0)"] } ?? [])
        }

        /// Logs in as `role`'s user: the session cookie's value and the whole `Set-Cookie` line.
        func login(_ role: User.Role) async throws -> (value: String, setCookie: String) {
            let token = fixture.tokens[role]!.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let response = try await request("POST", "/login", form: "name=\(role.rawValue)-user&token=\(token)&next=%2Fadmin")
            #expect(response.status == 303 && response.headers["location"] == "/admin")
            let setCookie = try #require(response.headers["set-cookie"])
            let value = try #require(setCookie.wholeMatch(of: /sretv_session=([A-Za-z0-9_-]{43});.*/)?.1)
            return (String(value), setCookie)
        }

        /// The CSRF token a page rendered for the session `value`.
        func csrfToken(session value: String) async throws -> String {
            let page = try await get("/", session: value).body
            return String(try #require(page.firstMatch(of: /<meta name="csrf-token" content="([0-9a-f]{64})">/)?.1))
        }
    }

    /// Runs `test` against the real server on loopback.
    func withSite(_ test: @escaping @Sendable (Site) async throws -> Void) async throws {
        let fixture = try ServerFixture()
        try await fixture.application().test(.live) { client in
            try await test(Site(base: "http://127.0.0.1:\(try #require(client.port))", fixture: fixture))
        }
    }

    @Test func loginSetsAHardenedCookieThatPagesAndTheAPIAccept() async throws {
        try await withSite { site in
            let (value, setCookie) = try await site.login(.viewer)
            for attribute in ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"] {
                #expect(setCookie.contains(attribute), "\(setCookie)")
            }
            #expect(!setCookie.contains("Secure"), "http://tv.example is not https")
            #expect(try await site.get("/api/channels", session: value).status == 200)
            let page = try await site.get("/", session: value)
            #expect(page.status == 200 && page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.body.contains("<html lang=\"es\">") && page.body.contains("viewer-user"))
            // Only the hash is stored, and the login is audited.
            #expect(try site.fixture.database.session(idHash: AppDatabase.tokenHash(value))?.user.name == "viewer-user")
            #expect(try site.fixture.database.auditEntries(limit: 1).first?.action == .sessionStart)
        }
    }

    @Test func aWrongTokenOrAnotherUsersTokenIsRefused() async throws {
        try await withSite { site in
            for form in ["name=viewer-user&token=not-a-token", "name=viewer-user&token=\(site.fixture.tokens[.admin]!)", "name=&token="] {
                let response = try await site.request("POST", "/login", form: form)
                #expect(response.status == 401, "\(form)")
                #expect(response.headers["set-cookie"] == nil)
                #expect(response.body.contains("role=\"alert\""))
            }
        }
    }

    @Test func changesWithTheCookieNeedTheSessionsCSRFTokenButBearerTokensDoNot() async throws {
        try await withSite { site in
            let (value, _) = try await site.login(.admin)
            let body = #"{"name": "new-viewer", "role": "viewer"}"#
            let cookie = "Cookie: sretv_session=\(value)"
            let bare = try await site.request("POST", "/api/users", json: body, headers: [cookie])
            #expect(bare.status == 403 && bare.body.contains("\"code\":\"csrf\""))
            let wrong = try await site.request("POST", "/api/users", json: body, headers: [cookie, "X-SREtv-CSRF: \(String(repeating: "0", count: 64))"])
            #expect(wrong.status == 403)
            let token = try await site.csrfToken(session: value)
            #expect(token == SessionCookie.csrfToken(for: value))
            #expect(try await site.request("POST", "/api/users", json: body, headers: [cookie, "X-SREtv-CSRF: \(token)"]).status == 201)
            // Another session's token does not fit this one.
            let (other, _) = try await site.login(.admin)
            #expect(try await site.request("POST", "/api/users", json: body, headers: ["Cookie: sretv_session=\(other)", "X-SREtv-CSRF: \(token)"]).status == 403)
            #expect(try await site.request("POST", "/api/users", token: site.fixture.tokens[.admin], json: body).status == 201)
        }
    }

    @Test func logoutNeedsTheFormsTokenAndEndsTheSession() async throws {
        try await withSite { site in
            let (value, _) = try await site.login(.producer)
            let cookie = "Cookie: sretv_session=\(value)"
            let forged = try await site.request("POST", "/logout", form: "csrf=forged", headers: [cookie])
            #expect(forged.status == 403 && forged.headers["content-type"] == "text/html; charset=utf-8")
            #expect(try await site.get("/api/channels", session: value).status == 200)
            let logout = try await site.request("POST", "/logout", form: "csrf=\(try await site.csrfToken(session: value))", headers: [cookie])
            #expect(logout.status == 303 && logout.headers["location"] == "/login")
            #expect(logout.headers["set-cookie"]?.hasPrefix("sretv_session=;") == true && logout.headers["set-cookie"]?.contains("Max-Age=0") == true)
            #expect(try await site.get("/api/channels", session: value).status == 401)
            let page = try await site.get("/", session: value)
            #expect(page.status == 303 && page.headers["location"] == "/login?next=/")
            #expect(try site.fixture.database.session(idHash: AppDatabase.tokenHash(value)) == nil)
        }
    }

    @Test func expiredSessionsAndReplacedTokensAreNoLogin() async throws {
        try await withSite { site in
            let database = site.fixture.database
            let session = try database.startSession(idHash: AppDatabase.tokenHash("short-lived"), user: "viewer-user", lifetime: 3)
            #expect(try await site.get("/api/channels", session: "short-lived").status == 200)
            try await Task.sleep(for: .seconds(session.expiresAt.timeIntervalSinceNow + 0.2))
            #expect(try await site.get("/api/channels", session: "short-lived").status == 401)
            let (value, _) = try await site.login(.operator)
            _ = try database.addUser(name: "operator-user", role: .operator, actor: "admin")
            #expect(try await site.get("/api/channels", session: value).status == 401)
        }
    }

    @Test func pagesSendVisitorsToTheLoginAndRefuseRolesTooSmall() async throws {
        try await withSite { site in
            let visitor = try await site.get("/admin?before=3")
            #expect(visitor.status == 303 && visitor.headers["location"] == "/login?next=/admin%3Fbefore%3D3")
            let viewer = try await site.login(.viewer).value
            for section in [WebSection.studio, .control, .admin] {
                let page = try await site.get(section.path, session: viewer)
                #expect(page.status == 403 && page.body.contains("Sin permiso"), "\(section)")
            }
            let admin = try await site.login(.admin).value
            for section in WebSection.allCases {
                #expect(try await site.get(section.path, session: admin).status == 200, "\(section)")
            }
            // A login never leads off the site.
            let away = try await site.request("POST", "/login", form: "name=viewer-user&token=\(site.fixture.tokens[.viewer]!)&next=//evil.example/")
            #expect(away.headers["location"] == "/")
        }
    }

    @Test func theLanguageIsSpanishUntilEnglishIsChosenAndThenRemembered() async throws {
        try await withSite { site in
            #expect(try await site.get("/login").body.contains("<h1>Iniciar sesión</h1>"))
            let english = try await site.get("/login?lang=en")
            #expect(english.body.contains("<html lang=\"en\">") && english.body.contains("<h1>Log in</h1>"))
            #expect(english.headers["set-cookie"]?.hasPrefix("sretv_lang=en;") == true)
            let remembered = try await site.request("GET", "/login", headers: ["Cookie: sretv_lang=en"])
            #expect(remembered.body.contains("<h1>Log in</h1>"))
        }
    }

    @Test func staticFilesAreServedWithValidators() async throws {
        try await withSite { site in
            let css = try await site.get("/static/app.css")
            #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
            let etag = try #require(css.headers["etag"])
            #expect(try await site.request("GET", "/static/app.css", headers: ["If-None-Match: \(etag)"]).status == 304)
            #expect(try await site.get("/static/app.js").headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(try await site.get("/static/missing.js").status == 404)
        }
    }
}
