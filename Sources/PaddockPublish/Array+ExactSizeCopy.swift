extension Array where Element == UInt8 {
    /// A copy in a buffer of its own, exactly as large as the bytes: for keeping bytes that sit in
    /// a reused buffer sized for the largest page so far.
    package func exactSizeCopy() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = withUnsafeBufferPointer { buffer.initialize(from: $0).1 }
        }
    }
}
