import Crypto
import Foundation
import Hummingbird
import Mustache

/// The templates, static files and string tables the web pages are made of, read once when the
/// server starts from the Server module's bundle (`Web/Resources`, which SwiftPM copies beside
/// `sretv` and the test binaries).
struct WebResources: Sendable {
    /// A file served under `/static/`, kept in memory.
    struct StaticFile: Sendable {
        var bytes: ByteBuffer
        var contentType: String
        /// A strong validator: the first 16 hex digits of the content's SHA-256, quoted.
        var etag: String
    }

    /// Every `Templates/NAME.mustache`, registered as `NAME` (so `{{<layout}}` names the layout).
    let templates: MustacheLibrary
    /// Each language's strings by key; every table has the same keys.
    let strings: [Language: [String: String]]
    /// `Static/NAME` by `NAME`.
    let staticFiles: [String: StaticFile]

    static let contentTypes = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml", "png": "image/png"]

    /// Reads everything under `folder` (default: the bundled `Web/Resources`).
    init(folder: URL? = nil) throws(WebResourceError) {
        guard let folder = folder ?? Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw WebResourceError(file: ".", reason: "is not in the Server bundle; keep SREtv_Server.resources beside the sretv binary")
        }
        var library = MustacheLibrary()
        for (name, data) in try Self.files(in: folder, "Templates") where name.hasSuffix(".mustache") {
            do {
                try library.register(String(decoding: data, as: UTF8.self), named: String(name.dropLast(".mustache".count)))
            } catch {
                throw WebResourceError(file: "Templates/\(name)", reason: "is not a valid Mustache template: \(error)")
            }
        }
        templates = library
        var files: [String: StaticFile] = [:]
        for (name, data) in try Self.files(in: folder, "Static") {
            guard let type = Self.contentTypes[String(name.split(separator: ".").last ?? "")] else {
                throw WebResourceError(file: "Static/\(name)", reason: "has no known content type; expected one of .\(Self.contentTypes.keys.sorted().joined(separator: ", ."))")
            }
            files[name] = StaticFile(bytes: ByteBuffer(data: data), contentType: type, etag: "\"\(SHA256.hash(data: data).hexDigits.prefix(16))\"")
        }
        staticFiles = files
        strings = try Self.stringTables(in: folder)
    }

    /// The string tables, refused unless each language has every key another one has.
    private static func stringTables(in folder: URL) throws(WebResourceError) -> [Language: [String: String]] {
        var tables: [Language: [String: String]] = [:]
        let files = try Self.files(in: folder, "Strings")
        for language in Language.allCases {
            let file = "\(language.rawValue).json"
            guard let data = files[file], let table = try? JSONDecoder().decode([String: String].self, from: data) else {
                throw WebResourceError(file: "Strings/\(file)", reason: "is missing or not a JSON object of strings")
            }
            tables[language] = table
        }
        let keys = Set(tables.values.flatMap(\.keys))
        for (language, table) in tables where Set(table.keys) != keys {
            throw WebResourceError(file: "Strings/\(language.rawValue).json", reason: "lacks \(keys.subtracting(table.keys).sorted().joined(separator: ", "))")
        }
        return tables
    }

    /// The files directly in `folder/sub`, by name.
    private static func files(in folder: URL, _ sub: String) throws(WebResourceError) -> [String: Data] {
        let directory = folder.appendingPathComponent(sub)
        do {
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where !name.hasPrefix(".") {
                files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
            }
            return files
        } catch {
            throw WebResourceError(file: sub, reason: "cannot be read: \(error)")
        }
    }
}
