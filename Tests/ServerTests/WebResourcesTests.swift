import Foundation
@testable import Server
import TestSupport
import Testing

/// The bundled templates, scripts and string tables fit together: every string a template or a
/// script asks for is in every language's table (a missing one would render as nothing).
struct WebResourcesTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/Server/Web/Resources").standardized

    @Test func everyStringTheTemplatesAndScriptsUseIsInEveryLanguage() throws {
        let resources = try WebResources()
        var used: Set<String> = []
        for sub in ["Templates", "Static"] {
            let directory = Self.folder.appendingPathComponent(sub)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                used.formUnion(text.matches(of: /\{\{[#^\/]?t\.([a-z0-9_]+)\}\}/).map { String($0.1) })
                used.formUnion(text.matches(of: /\bt\('([a-z0-9_]+)'/).map { String($0.1) })
            }
        }
        #expect(used.count > 40)
        for language in Language.allCases {
            let missing = used.subtracting(resources.strings[language, default: [:]].keys)
            #expect(missing.isEmpty, "Strings/\(language.rawValue).json lacks \(missing.sorted())")
        }
    }

    @Test func stringTablesThatDifferInTheirKeysAreRefused() throws {
        let folder = try TemporaryDirectory("sretv-web")
        try FileManager.default.copyItem(at: Self.folder, to: folder.url.appendingPathComponent("Resources"))
        let english = folder.url.appendingPathComponent("Resources/Strings/en.json")
        try #"{"login_title": "Log in"}"#.write(to: english, atomically: true, encoding: .utf8)
        #expect(throws: WebResourceError.self) { try WebResources(folder: folder.url.appendingPathComponent("Resources")) }
    }
}
