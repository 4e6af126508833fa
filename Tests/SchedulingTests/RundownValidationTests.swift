import Foundation
import Testing
@testable import Scheduling

@Suite struct RundownValidationTests {
    typealias F = RundownFixtures

    @Test func aHardStartOutsideTheDayIsRejectedWithWhatIsExpected() {
        let issues = F.issues(F.document(items: [F.item("a"), F.item("b"), F.item("c"), F.item("d", ["start": "25:00:00"])]))
        #expect(issues == [ValidationIssue(path: "items[3].start", message: "\"25:00:00\" is not a time of day; expected HH:MM:SS (00:00:00–23:59:59)")])
        #expect(issues.first?.description == "items[3].start: \"25:00:00\" is not a time of day; expected HH:MM:SS (00:00:00–23:59:59)")
    }

    @Test(arguments: ["6:00:00", "06:00", "06:00:60", "06:60:00", "aa:bb:cc", "06:00:00Z", "+6:00:00"])
    func malformedTimesAreRejected(_ time: String) {
        #expect(F.paths(F.document(items: [F.item("a", ["start": time])])) == ["items[0].start"])
    }

    @Test func aDuplicateIDNamesWhereItWasFirstUsed() {
        let items = ["a", "b", "news-1", "c", "d", "news-1"].map { F.item($0) }
        #expect(F.issues(F.document(items: items)) == [ValidationIssue(path: "items[5].id", message: "duplicate id \"news-1\", first used at items[2].id")])
    }

    @Test func anUnknownSourceKindListsTheKnownOnes() {
        let issues = F.issues(F.document(items: [F.item("a", ["source": ["kind": "satellite", "uri": "x.mp4"]])]))
        #expect(issues == [ValidationIssue(path: "items[0].source.kind", message: "found \"satellite\"; expected one of production, public, live")])
    }

    @Test func aMissingSourceIsRequired() {
        var item = F.item("a")
        item["source"] = nil
        #expect(F.issues(F.document(items: [item])) == [ValidationIssue(path: "items[0].source", message: "missing; this field is required")])
    }

    @Test(arguments: [(10.0, 10.0), (30.0, 5.0)])
    func anOutPointNotAfterTheInPointIsRejected(inPoint: Double, outPoint: Double) {
        let issues = F.issues(F.document(items: [F.item("a", ["in": inPoint, "out": outPoint])]))
        #expect(issues.map(\.path) == ["items[0].out"])
        #expect(issues.first?.message.contains("expected out > in") == true)
    }

    @Test func outAndDurationTogetherAreRejected() {
        #expect(F.paths(F.document(items: [F.item("a", ["out": 10, "duration": 10])])) == ["items[0].duration"])
    }

    @Test func negativeAndZeroLengthsAreRejected() {
        #expect(F.paths(F.document(items: [F.item("a", ["in": -1, "duration": 0])])) == ["items[0].in", "items[0].duration"])
    }

    @Test func absurdlyLongTimesAreRejectedBeforeTheyCanOverflowTicks() {
        let issues = F.issues(F.document(items: [F.item("a", ["duration": 1e300])]))
        #expect(issues == [ValidationIssue(path: "items[0].duration", message: "1e+300 is out of range; expected seconds > 0 and ≤ 604800 (a week)")])
    }

    @Test func anUnknownTimeZoneIsRejected() {
        let issues = F.issues(F.document(["timezone": "Mars/Olympus_Mons"]))
        #expect(issues == [ValidationIssue(path: "timezone", message: "\"Mars/Olympus_Mons\" is not a known time zone; expected an IANA name such as \"America/Mexico_City\"")])
    }

    @Test func textThatIsNotJSONIsOneIssueAtTheRootWithItsLine() {
        let issues = F.issues(Data("{\n  \"channel\": \"x\",\n  \"date\": tomorrow\n}".utf8))
        #expect(issues.count == 1)
        #expect(issues.first?.path == "$")
        #expect(issues.first?.message.hasPrefix("not valid JSON") == true)
        #expect(issues.first?.message.contains("line 3") == true)
    }

    @Test func aDocumentThatIsNotAnObjectIsRejectedAtTheRoot() {
        #expect(F.issues(Data("[1, 2]".utf8)) == [ValidationIssue(path: "$", message: "found an array; expected an object")])
    }

    @Test func unknownFieldsAreRejectedAsTypos() {
        let data = F.document(["chanel": "x"], items: [F.item("a", ["duraton": 30, "source": ["kind": "production", "uri": "a.mp4", "provder": "X"]])])
        #expect(F.paths(data) == ["chanel", "items[0].duraton", "items[0].source.provder"])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let data = F.document(
            ["channel": "SREtv Demo", "date": "2026-02-30", "timezone": "Nowhere/City", "filler": "/etc/passwd"],
            items: [
                F.item("ok"),
                F.item("bad id!", ["title": "", "start": "7am"]),
                F.item("ok", ["source": ["kind": "public", "uri": "public/x.mp4"]]),
                F.item("live", ["source": ["kind": "live", "uri": "srt://studio.example:9000"]]),
            ]
        )
        #expect(F.paths(data) == [
            "channel", "date", "timezone", "filler",
            "items[1].id", "items[1].title", "items[1].start",
            "items[2].source.provider",
            "items[2].id", "items[3].duration",
        ])
    }

    @Test func aNonexistentDateIsRejected() {
        #expect(F.issues(F.document(["date": "2026-02-29"])) == [ValidationIssue(path: "date", message: "\"2026-02-29\" is not a date; expected a real date as YYYY-MM-DD")])
        #expect(F.issues(F.document(["date": "2028-02-29"])).isEmpty)
    }

    @Test func requiredTopLevelFieldsAndAtLeastOneItem() {
        #expect(F.paths(F.json(["items": [] as [Any]])) == ["channel", "date", "items"])
    }

    @Test func wrongTypesSayWhatWasFound() {
        let issues = F.issues(F.document(items: [F.item("a", ["duration": "30", "tags": ["x", 1]])]))
        #expect(issues == [
            ValidationIssue(path: "items[0].duration", message: "found \"30\"; expected a number of seconds"),
            ValidationIssue(path: "items[0].tags", message: "found an array; expected an array of strings"),
        ])
    }

    @Test func aLiveItemNeedsADurationUnlessTheNextItemHasAHardStart() {
        let live = F.item("studio", ["source": ["kind": "live", "uri": "srt://studio.example:9000"]])
        #expect(F.paths(F.document(items: [live, F.item("next")])) == ["items[0].duration"])
        #expect(F.paths(F.document(items: [live, F.item("next", ["start": "01:00:00"])])).isEmpty)
    }

    @Test func liveSourcesHaveNoInOrOutPoints() {
        let live = F.item("studio", ["source": ["kind": "live", "uri": "srt://studio.example:9000"], "in": 5, "duration": 60])
        #expect(F.paths(F.document(items: [live])) == ["items[0].in"])
    }

    @Test func aHardStartSkippedBySpringForwardIsRejected() {
        let data = F.document(["date": "2026-03-08", "timezone": "America/Tijuana"], items: [F.item("a", ["start": "02:30:00"])])
        #expect(F.issues(data) == [ValidationIssue(
            path: "items[0].start",
            message: "\"02:30:00\" does not exist on 2026-03-08 in America/Tijuana because clocks jump forward over it; expected a time outside the skipped interval"
        )])
    }

    @Test func aSkippedTimeReachedAfterMidnightIsRejectedOnTheNextDay() {
        let data = F.document(["date": "2026-03-28", "timezone": "Europe/Madrid"], items: [F.item("a", ["start": "23:00:00"]), F.item("b", ["start": "02:15:00"])])
        #expect(F.issues(data).map(\.description) == ["items[1].start: \"02:15:00\" does not exist on 2026-03-29 in Europe/Madrid because clocks jump forward over it; expected a time outside the skipped interval"])
    }

    @Test func theErrorDescriptionListsOneIssuePerLine() {
        let error = RundownValidationError(issues: [ValidationIssue(path: "a", message: "x"), ValidationIssue(path: "b", message: "y")])
        #expect(error.description == "a: x\nb: y")
    }
}
