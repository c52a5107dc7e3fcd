import Foundation
import NIOHTTP1

/// Checks a successful answer's body before it is decoded, used or cached. A body that fails is
/// retried like a 5xx and never cached: a cut body may arrive as a complete-looking answer, with a
/// `Content-Length` that matches what was sent.
enum ResponseValidation {
    /// - Throws: ``Failure`` saying what is wrong with the body.
    static func check(_ body: Data, headers: HTTPHeaders, expecting expected: ExpectedBody) throws(Failure) {
        // A decompressed body is longer than the Content-Length of the compressed one.
        let encoding = headers.first(name: "Content-Encoding")?.lowercased() ?? "identity"
        if encoding == "identity", let text = headers.first(name: "Content-Length"), let length = Int(text), length != body.count {
            throw Failure(detail: "the body has \(body.count) bytes where Content-Length announced \(length)")
        }
        switch expected {
        case .json:
            guard (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])) != nil else {
                throw Failure(detail: "the body is not whole JSON (\(body.count) bytes; cut short?)")
            }
        case .image:
            guard let format = ImageSniffer.format(of: body) else {
                throw Failure(detail: "not a picture (\(body.count) bytes, \(headers.first(name: "Content-Type") ?? "no Content-Type"))")
            }
            _ = format
        case .pedigreeHTML:
            let content: PedigreeBody.Content
            do { content = try PedigreeBody.content(of: body) } catch { throw Failure(detail: "\(error)") }
            if case .html(let html) = content, !PedigreeAttribution.isPresent(in: html) {
                throw Failure(detail: "the pedigree HTML lacks its HorseTelex logo and link (\(body.count) bytes; cut short?)")
            }
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var detail: String
        var description: String { detail }
    }
}
