import Foundation
import Testing
@testable import Scheduling

/// Drafts: the items that can be resolved, and every issue `parse` would report.
@Suite struct RundownDraftTests {
    typealias F = RundownFixtures

    @Test func aValidDraftIsTheParsedRundownWithNoIssues() throws {
        let data = RundownParsingTests.full
        let draft = RundownDraft(parsing: data)
        #expect(draft.issues.isEmpty)
        #expect(draft.rundown == (try Rundown.parse(data)))
    }

    @Test func invalidItemsAndFillerAreLeftOutAndReportedAsParseWould() {
        let data = F.document(["filler": "../bars.mp4"], items: [
            F.item("a"), F.item("b", ["start": "25:00:00"]), F.item("c", ["in": 10, "out": 5]), F.item("d"),
            F.item("e", ["source": ["kind": "live", "uri": "udp://127.0.0.1:5000"]]),
        ])
        let draft = RundownDraft(parsing: data)
        #expect(draft.issues == F.issues(data))
        #expect(draft.issues.map(\.path).sorted() == ["filler", "items[1].start", "items[2].out", "items[4].duration"])
        #expect(draft.rundown?.items.map(\.id) == ["a", "d"])
        #expect(draft.rundown?.filler == nil)
    }

    @Test func anItemIssueDoesNotLeaveOutItemsWhosePathMerelyStartsTheSame() {
        let items = (0...10).map { F.item("i\($0)") } + [F.item("bad", ["tags": "not-a-list"])]
        let draft = RundownDraft(parsing: F.document(items: items))
        #expect(draft.issues.map(\.path) == ["items[11].tags"])
        #expect(draft.rundown?.items.count == 11)
    }

    @Test(arguments: [("not json", "$"), (#"{"channel": "x", "items": []}"#, "date")])
    func aDraftWithoutItsDayHasNoRundown(_ text: String, path: String) {
        let draft = RundownDraft(parsing: Data(text.utf8))
        #expect(draft.rundown == nil)
        #expect(draft.issues.map(\.path).contains(path))
    }
}
