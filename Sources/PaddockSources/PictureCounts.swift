/// What one fetch did with the pictures: downloaded, found unchanged (`304`), refused or failed.
package struct PictureCounts: Sendable, Hashable {
    package var downloaded: Int
    package var unchanged: Int
    package var refused: Int
    package var failed: Int

    package init(downloaded: Int = 0, unchanged: Int = 0, refused: Int = 0, failed: Int = 0) {
        self.downloaded = downloaded; self.unchanged = unchanged; self.refused = refused; self.failed = failed
    }
}
