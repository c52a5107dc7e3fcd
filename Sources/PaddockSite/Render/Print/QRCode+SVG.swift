extension QRCode {
    /// The symbol as SVG with a four-module quiet zone, one path of horizontal runs, black on white.
    /// Attributes use single quotes, so the text also fits a `data:` URL in a double-quoted attribute.
    package var svg: String {
        let side = size + 8
        var path = ""
        path.reserveCapacity(size * size)
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x: x, y: y] else { x += 1; continue }
                var end = x
                while end < size && self[x: end, y: y] { end += 1 }
                path += "M\(x + 4) \(y + 4)h\(end - x)v1h-\(end - x)z"
                x = end
            }
        }
        return "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 \(side) \(side)' shape-rendering='crispEdges'>"
            + "<path fill='#fff' d='M0 0h\(side)v\(side)H0z'/><path d='\(path)'/></svg>"
    }

    /// ``svg`` as a `data:image/svg+xml` URL (percent-encoding only what a URL cannot hold).
    package var svgDataURL: String {
        var out = "data:image/svg+xml,"
        for byte in svg.utf8 {
            switch byte {
            case UInt8(ascii: "<"): out += "%3C"
            case UInt8(ascii: ">"): out += "%3E"
            case UInt8(ascii: "#"): out += "%23"
            case UInt8(ascii: "\""): out += "%22"
            case UInt8(ascii: "%"): out += "%25"
            default: out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }
}
