import Foundation
import Playout
@testable import Server
import Store
import Testing

@Test(arguments: [
    "segment-000000.ts", "segment-123456.ts", "segment-999999.ts", "segment-1000000.ts", "segment-12345678901.ts",
    "segment-9223372036854775807.ts",
])
func segmentNamesOfSixToNineteenDigitsAreServed(_ name: String) {
    #expect(SegmentName.isValid(name))
}

@Test(arguments: [
    "", "segment-00000.ts", "segment-0000000.ts", "segment-0999999.ts", "segment-00000a.ts", "segment-000000.tsx", "../segment-000000.ts",
    "segment-000000.ts\0", "segment-%2e%2e.ts", "segment-00\\000.ts", "Segment-000000.ts", "segment-٠٠٠٠٠٠.ts",
    "segment-+000001.ts", "segment--000001.ts", "segment-+1000000.ts", "segment-9223372036854775808.ts", "segment-99999999999999999999.ts",
    "segment-1000000.ts/../x", "segment-.ts", "segment-1000000.TS", "segment-1000000.ts.ts",
])
func anythingElseIsRefusedBeforeTheDisk(_ name: String) {
    #expect(!SegmentName.isValid(name))
}

@Test(arguments: [0, 1, 42, 999_999, 1_000_000, 1_000_001, 86_400 * 365 * 100, Int.max])
func everySequenceNumberGetsANameTheServerServesAndReadsBack(_ sequence: Int) {
    let name = SegmentName.of(sequence: sequence)
    #expect(SegmentName.isValid(name), "\(name)")
    #expect(SegmentName.sequence(of: name) == sequence)
}

@Test func namesAreZeroPaddedToSixDigitsAndGrowPastThem() {
    #expect(SegmentName.of(sequence: 7) == "segment-000007.ts")
    #expect(SegmentName.of(sequence: 999_999) == "segment-999999.ts")
    #expect(SegmentName.of(sequence: 1_000_000) == "segment-1000000.ts")
}

@Test func channelIDsAreLowercaseLettersDigitsAndDashes() {
    #expect(Channel.isValidID("sretv-1"))
    #expect(Channel.isValidID(String(repeating: "a", count: 63)))
    for bad in ["", "-sretv", "SREtv", "sre tv", "sretv_1", String(repeating: "a", count: 64), "canal-ñ", "../x"] {
        #expect(!Channel.isValidID(bad), "\(bad)")
    }
}

@Test func aCachedTokenIsReadFromTheDatabaseOnlyOnceWithinItsLifetime() throws {
    let cache = TokenCache(lifetime: 5)
    let ana = User(name: "ana", role: .producer, createdAt: Date(timeIntervalSince1970: 0))
    let start = Date(timeIntervalSince1970: 1_796_126_400)
    var reads = 0
    let lookup = { (token: Substring) throws(StoreError) -> User? in
        reads += 1
        return token == "good" ? ana : nil
    }
    #expect(try cache.user(forToken: "good", now: start, lookup: lookup) == ana)
    #expect(try cache.user(forToken: "good", now: start.addingTimeInterval(4), lookup: lookup) == ana)
    #expect(reads == 1)
    #expect(try cache.user(forToken: "good", now: start.addingTimeInterval(6), lookup: lookup) == ana)
    #expect(reads == 2)
    #expect(try cache.user(forToken: "bad", now: start, lookup: lookup) == nil)
    #expect(try cache.user(forToken: "bad", now: start, lookup: lookup) == nil)
    #expect(reads == 4)
}

@Test func aSignedPlaylistCarriesTheQueryOnEveryURIAndNothingElseChanges() {
    let query = SignedQuery(user: "ana maría", expires: 1_796_126_400, signature: "ab12")
    let playlist = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.000000,Apertura\nsegment-000001.ts\n#EXTINF:2.000000,\n segment-000002.ts?x=1 \n"
    #expect(SignedPlaylist.rewrite(playlist, query: query) == """
        #EXTM3U
        #EXT-X-TARGETDURATION:2
        #EXTINF:2.000000,Apertura
        segment-000001.ts?user=ana%20mar%C3%ADa&expires=1796126400&sig=ab12
        #EXTINF:2.000000,
        segment-000002.ts?x=1&user=ana%20mar%C3%ADa&expires=1796126400&sig=ab12

        """)
}
