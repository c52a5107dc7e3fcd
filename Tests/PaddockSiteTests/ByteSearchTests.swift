import Testing
@testable import PaddockSite
@testable import PaddockHTML

@Suite struct ByteSearchTests {
    @Test(arguments: [
        ("data-attribution", "data-attribution", true), ("<a data-attribution=x>", "data-attribution", true),
        ("xx data-attributio", "data-attribution", false), ("data-attributio", "data-attribution", false),
        ("dddata-attribution", "data-attribution", true), ("", "a", false), ("abc", "", true), ("abc", "c", true),
        ("ab", "abc", false), ("aaab", "aab", true),
    ])
    func findsABytePatternAnywhereInTheHaystack(_ haystack: String, _ needle: String, _ found: Bool) {
        #expect(ByteSearch.contains(Array(haystack.utf8), Array(needle.utf8)) == found)
    }
}
