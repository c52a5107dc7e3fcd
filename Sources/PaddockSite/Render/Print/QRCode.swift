/// A QR code (ISO/IEC 18004) of some bytes, in byte mode at error correction level M (15% of the
/// symbol may be damaged), in the smallest version (1–40) that holds them, with the mask of the
/// lowest penalty. No QR library is among Paddock's dependencies; this is the standard algorithm
/// (the structure follows Project Nayuki's public-domain description), checked against reference
/// symbols made by `segno` (QRCodeTests).
package struct QRCode: Sendable, Equatable {
    /// Modules per side: 21 for version 1, 4 more per version.
    package let size: Int
    package let version: Int
    package let mask: Int
    /// Dark modules, row by row.
    private(set) var modules: [Bool]

    /// Whether the module in column `x`, row `y` is dark.
    package subscript(x x: Int, y y: Int) -> Bool { modules[y * size + x] }

    package enum EncodeError: Error, Equatable { case tooLong(bytes: Int) }

    /// Encodes `bytes`.
    /// - Parameter mask: 0–7 forces a mask (for tests); `nil` chooses by penalty.
    /// - Throws: ``EncodeError/tooLong(bytes:)`` past version 40's 2,331 bytes.
    package static func encode(_ bytes: [UInt8], mask forced: Int? = nil) throws -> QRCode {
        guard let version = (1...40).first(where: { bytes.count <= capacity(version: $0) }) else {
            throw EncodeError.tooLong(bytes: bytes.count)
        }
        let codewords = interleaved(data: dataCodewords(bytes, version: version), version: version)
        var symbol = QRSymbol(version: version)
        symbol.drawFunctionPatterns()
        symbol.drawCodewords(codewords)
        var best = forced ?? 0
        if forced == nil {
            var lowest = Int.max
            for mask in 0..<8 {
                var trial = symbol
                trial.applyMask(mask)
                trial.drawFormatBits(mask: mask)
                let penalty = trial.penalty()
                if penalty < lowest { lowest = penalty; best = mask }
            }
        }
        symbol.applyMask(best)
        symbol.drawFormatBits(mask: best)
        return QRCode(size: symbol.size, version: version, mask: best, modules: symbol.modules)
    }

    package static func encode(_ text: String, mask: Int? = nil) throws -> QRCode { try encode(Array(text.utf8), mask: mask) }

    /// The standard's penalty of a finished symbol (what the mask choice minimises).
    static func penalty(of code: QRCode) -> Int {
        var symbol = QRSymbol(version: code.version)
        symbol.modules = code.modules
        return symbol.penalty()
    }

    // MARK: Capacity and codewords (level M)

    /// Error correction codewords per block, by version (level M).
    static let eccPerBlock = [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28,
                              28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28]
    /// Error correction blocks, by version (level M).
    static let blocks = [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25,
                         26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49]

    /// Modules left for data and error correction once the function patterns are drawn.
    static func rawDataModules(version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    static func dataCodewordCount(version: Int) -> Int {
        rawDataModules(version: version) / 8 - eccPerBlock[version] * blocks[version]
    }

    /// Bytes a version holds in byte mode: 4 mode bits, 8 or 16 count bits, 8 bits a byte.
    static func capacity(version: Int) -> Int {
        (dataCodewordCount(version: version) * 8 - 4 - countBits(version: version)) / 8
    }

    static func countBits(version: Int) -> Int { version <= 9 ? 8 : 16 }

    /// Mode, count, bytes, terminator and padding, as codewords.
    static func dataCodewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: countBits(version: version))
        for byte in bytes { bits.append(Int(byte), count: 8) }
        let capacity = dataCodewordCount(version: version) * 8
        bits.append(0, count: min(4, capacity - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var pad = 0xEC
        while bits.count < capacity {
            bits.append(pad, count: 8)
            pad ^= 0xEC ^ 0x11
        }
        return bits.bytes
    }

    /// The data split into blocks, each followed by its Reed–Solomon codewords, interleaved.
    static func interleaved(data: [UInt8], version: Int) -> [UInt8] {
        let count = blocks[version], eccLength = eccPerBlock[version]
        let raw = rawDataModules(version: version) / 8
        let shortBlocks = count - raw % count
        let shortLength = raw / count
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var split: [[UInt8]] = []
        var offset = 0
        for index in 0..<count {
            let length = shortLength - eccLength + (index < shortBlocks ? 0 : 1)
            var block = Array(data[offset..<offset + length])
            offset += length
            let ecc = ReedSolomon.remainder(block, divisor: divisor)
            if index < shortBlocks { block.append(0) }
            split.append(block + ecc)
        }
        var result: [UInt8] = []
        result.reserveCapacity(raw)
        for i in 0..<split[0].count {
            for (j, block) in split.enumerated() where i != shortLength - eccLength || j >= shortBlocks {
                result.append(block[i])
            }
        }
        return result
    }
}

/// Bits appended most significant first.
struct BitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    var bytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (index, bit) in bits.enumerated() where bit { out[index >> 3] |= 0x80 >> UInt8(index & 7) }
        return out
    }
}

/// Reed–Solomon error correction over GF(2⁸) with the QR polynomial 0x11D.
enum ReedSolomon {
    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in 0..<result.count { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }

    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= Int((y >> UInt8(i)) & 1) * Int(x)
        }
        return UInt8(z & 0xFF)
    }
}
