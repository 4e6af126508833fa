import Testing
@testable import Scheduling

/// Link-local hosts are refused however the address is spelled: the C resolver reads hex,
/// octal and short IPv4 forms and IPv4-mapped IPv6 as the same address.
@Suite struct LinkLocalSpellingTests {
    @Test(arguments: [
        "http://0xa9fea9fe/", "http://0XA9FEA9FE/latest", "http://0251.0376.0251.0376/", "http://0xa9.0xfe.0xa9.0xfe/",
        "http://169.254.43518/", "http://169.16689662/", "http://2852039166/", "http://0251.254.169.254/",
        "http://169.254.169.254./", "http://[::ffff:169.254.169.254]/", "http://[::ffff:a9fe:a9fe]/",
        "http://[0:0:0:0:0:ffff:169.254.169.254]/", "http://[FE80::1%25eth0]:80/", "http://[fe9f::1]/", "https://user@[febf::]:443/x",
    ])
    func everySpellingOfALinkLocalAddressIsRefused(uri: String) {
        #expect(SourceURI.problem(with: uri, kind: .public)?.contains("link-local") == true, "\(uri)")
    }

    @Test(arguments: [
        "http://169.253.255.255/", "http://0xa9fda9fe/", "http://[::ffff:8.8.8.8]/", "http://[fec0::1]/",
        "http://169.254.example.org/", "http://0x1g/", "http://cdn.example/", "http://[2001:db8::1]/",
    ])
    func addressesOutsideTheLinkLocalRangesAreAccepted(uri: String) {
        #expect(SourceURI.problem(with: uri, kind: .public) == nil, "\(uri)")
    }

    @Test func ipv4PartsAreReadAsInetAtonReadsThem() {
        #expect(SourceURI.ipv4("127.1") == 0x7f00_0001)
        #expect(SourceURI.ipv4("0x7f.1") == 0x7f00_0001)
        #expect(SourceURI.ipv4("017700000001") == 0x7f00_0001)
        #expect(SourceURI.ipv4("1.2.3.4") == 0x0102_0304)
        #expect(SourceURI.ipv4("256.1.1.1") == nil)
        #expect(SourceURI.ipv4("1.2.65536") == nil)
        #expect(SourceURI.ipv4("1.2.3.4.5") == nil)
        #expect(SourceURI.ipv4("08") == nil)
        #expect(SourceURI.ipv4("+1") == nil)
    }
}
