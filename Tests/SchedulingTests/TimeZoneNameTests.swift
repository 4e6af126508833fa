import Foundation
import Scheduling
import Testing

/// Issue 13: Foundation's `TimeZone(identifier:)` accepts `"UTC\0junk"`; a time zone must be a
/// name made of the characters time zone names use, and one Foundation knows.
struct TimeZoneNameTests {
    @Test(arguments: ["UTC\u{0}junk", "GMT\u{0}x", "America/Mexico_City\u{0}junk", " UTC", "UTC\n", "../etc/passwd", "Mars/Olympus", "", String(repeating: "A", count: 65)])
    func aNameWithOtherCharactersOrUnknownIsRefused(name: String) {
        #expect(TimeZone(checkedName: name) == nil)
    }

    @Test(arguments: ["America/Mexico_City", "UTC", "Europe/Zurich", "America/Port-au-Prince", "Etc/GMT+5", "America/Argentina/Buenos_Aires"])
    func aKnownNameIsAccepted(name: String) throws {
        let zone = try #require(TimeZone(checkedName: name))
        #expect(zone == TimeZone(identifier: name))
    }

    @Test func aRundownWhoseTimeZoneHasANULIsRefused() {
        let issues = RundownFixtures.issues(RundownFixtures.document(["timezone": "UTC\u{0}junk"]))
        #expect(issues.map(\.path) == ["timezone"])
        #expect(issues.first?.message.contains("not a known time zone") == true)
    }
}
