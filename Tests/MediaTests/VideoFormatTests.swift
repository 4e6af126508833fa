import Media
import TestSupport
import Testing

@Test func videoFormatParsesWidthHeightAndFrameRate() throws {
    let format = try VideoFormat(parsing: "1280x720@25")
    #expect(format == VideoFormat(width: 1280, height: 720, frameRate: 25))
    #expect(format.description == "1280x720@25")
}

@Test(arguments: ["1280x720", "1280x720@", "x720@25", "1280*720@25", "1280x720@25@25", "1281x720@25", "1280x720@0", "-2x720@25"])
func videoFormatRejectsMalformedText(_ text: String) throws {
    let error = try #require(throws: MediaError.self) { try VideoFormat(parsing: text) }
    #expect(error.code == .invalidArgument)
    #expect(error.description.contains(text))
}
