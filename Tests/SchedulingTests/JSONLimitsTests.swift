import Foundation
@testable import Scheduling
import Testing

/// Issue 13: a small, deeply nested body cost time growing with the cube of its depth. Documents
/// are now checked against `JSONLimits` in one pass before parsing, and parsed in linear time.
struct JSONLimitsTests {
    typealias F = RundownFixtures

    /// `depth` arrays inside each other: 2 × `depth` bytes.
    static func nestedArrays(_ depth: Int) -> Data {
        Data((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
    }

    @Test(arguments: [500, 100_000])
    func aDeeplyNestedRundownIsRefusedNamingWhereItNestsTooDeep(depth: Int) throws {
        let items = "[" + String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth) + "]"
        let document = Data(#"{"channel": "sretv-demo", "date": "2026-12-01", "items": \#(items)}"#.utf8)
        let issues = F.issues(document)
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.path == "items[0]" + String(repeating: ".a", count: 62))
        #expect(issue.message.contains("deeper than 64 levels"), "\(issue.message)")
    }

    @Test func aHostileBodyOfNestedArraysIsRefusedAtTheRoot() throws {
        let issue = try #require(F.issues(Self.nestedArrays(500)).first)
        #expect(issue.path == "$" + String(repeating: "[0]", count: 64))
        #expect(issue.message.contains("deeper than 64 levels"))
    }

    @Test func theLimitsCountBracketsAndSeparatorsOutsideStringsOnly() throws {
        let limits = JSONLimits(maxDepth: 3, maxElements: 10)
        try limits.check(Data(#"{"a": "[[[[{{{{,,,,,,,,,,,,", "b\"[{": [1, {"c": 2}]}"#.utf8))
        #expect(throws: JSONLimitError.tooDeep(path: "items[1].source", maxDepth: 3)) {
            try limits.check(Data(#"{"items": [{}, {"id": "x", "source": {"kind": {"deep": 1}}}]}"#.utf8))
        }
        #expect(throws: JSONLimitError.tooManyElements(maxElements: 10)) {
            try limits.check(Data("[1,2,3,4,5,6,7,8,9,10,11]".utf8))
        }
        try limits.check(Data("[1,2,3,4,5,6,7,8,9]".utf8))
    }

    @Test func aDocumentWithTooManyValuesIsRefused() throws {
        let values = "[" + Array(repeating: "0", count: JSONLimits.standard.maxElements).joined(separator: ",") + "]"
        let issue = try #require(F.issues(Data(values.utf8)).first)
        #expect(issue.path == "$" && issue.message.contains("more than 250000 values"))
    }

    @Test func parsingKeepsEveryKindOfValue() throws {
        let text = #"[true, false, 1, 0, 1.5, -2e3, null, "x", {"k": [{}]}, 12345678901234567890]"#
        #expect(try JSONValue.parse(Data(text.utf8)) == .array([
            .bool(true), .bool(false), .number(1), .number(0), .number(1.5), .number(-2000), .null, .string("x"),
            .object(["k": .array([.object([:])])]), .number(Double("12345678901234567890")!),
        ]))
    }

    @Test func wideDocumentsNestedUpToTheLimitStillParse() throws {
        let subtree = String(data: Self.nestedArrays(63), encoding: .utf8)!
        let value = try JSONValue.parse(Data(("[" + Array(repeating: subtree, count: 200).joined(separator: ",") + "]").utf8))
        #expect(value.arrayValue?.count == 200)
    }
}
