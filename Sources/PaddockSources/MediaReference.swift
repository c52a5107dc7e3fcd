/// A picture a page shows, to be mirrored: its URL and what it belongs to (for messages).
package struct MediaReference: Sendable, Hashable {
    package var url: String
    /// "horse 12, picture 2", "animal A-7, photo 1".
    package var item: String

    package init(url: String, item: String) {
        self.url = url; self.item = item
    }
}

/// How pictures are mirrored during a fetch (`[media]` of paddock.toml).
package struct MediaMirrorConfiguration: Sendable, Equatable {
    /// The largest picture downloaded.
    package var maxBytes: Int
    /// The longest one picture may take, every try and redirect included.
    package var timeLimit: Duration
    /// Redirects followed per picture.
    package var maxRedirects: Int
    /// Mirrored pictures no fetch referred to for this long are deleted.
    package var keepUnreferenced: Duration

    package init(maxBytes: Int = 25 << 20, timeLimit: Duration = .seconds(60), maxRedirects: Int = 5,
                 keepUnreferenced: Duration = .seconds(30 * 86_400)) {
        self.maxBytes = maxBytes; self.timeLimit = timeLimit; self.maxRedirects = maxRedirects
        self.keepUnreferenced = keepUnreferenced
    }
}
