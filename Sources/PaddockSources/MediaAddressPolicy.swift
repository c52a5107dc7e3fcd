/// Which addresses a picture may be fetched from, decided over the addresses a host name resolved
/// to (a pure function: tested without a connection).
///
/// A picture URL that named a public host must not lead, through a redirect or a name that
/// resolves so, to this machine or its network: loopback, private, link-local, unique-local,
/// unspecified or cloud-metadata addresses (`169.254.0.0/16`, `fd00:ec2::254`). Metadata
/// addresses are refused whatever the origin. A URL whose own host is not public (a stable's
/// NAS, the sandbox on loopback) may stay within the non-public addresses it started from.
package enum MediaAddressPolicy {
    package enum Kind: String, Sendable, Hashable {
        case `public`, loopback, `private`, linkLocal, metadata, unspecified, multicast
    }

    /// The kind of an IPv4 (4 bytes) or IPv6 (16 bytes) address; IPv4-mapped IPv6 as its IPv4.
    package static func kind(of address: [UInt8]) -> Kind {
        if address.count == 16 {
            if address[0..<10].allSatisfy({ $0 == 0 }) && address[10] == 0xFF && address[11] == 0xFF {
                return kind(of: Array(address[12..<16]))
            }
            if address == [0xFD, 0x00, 0x0E, 0xC2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54] { return .metadata }
            if address.allSatisfy({ $0 == 0 }) { return .unspecified }
            if address[0..<15].allSatisfy({ $0 == 0 }) && address[15] == 1 { return .loopback }
            if address[0] == 0xFE && address[1] & 0xC0 == 0x80 { return .linkLocal }
            if address[0] & 0xFE == 0xFC { return .private }            // fc00::/7 unique local
            if address[0] == 0xFF { return .multicast }
            if address[0] == 0x20 && address[1] == 0x01 && address[2] == 0x0D && address[3] == 0xB8 { return .private }  // documentation
            return .public
        }
        guard address.count == 4 else { return .unspecified }
        let (a, b) = (address[0], address[1])
        switch a {
        case 0: return .unspecified
        case 10: return .private
        case 127: return .loopback
        case 169 where b == 254: return .metadata                       // link-local, where clouds answer
        case 172 where b & 0xF0 == 16: return .private
        case 192 where b == 168: return .private
        case 100 where b & 0xC0 == 64: return .private                  // carrier-grade NAT
        case 224...239: return .multicast
        case 240...255: return .unspecified
        default: return .public
        }
    }

    /// Why the addresses of a hop may not be contacted, or `nil` when they may.
    /// - Parameters:
    ///   - addresses: what the hop's host resolved to (every one must pass).
    ///   - originIsPublic: the picture's own URL resolved to public addresses only.
    package static func refusal(for addresses: [[UInt8]], originIsPublic: Bool) -> String? {
        guard !addresses.isEmpty else { return "its host has no address" }
        for address in addresses {
            switch kind(of: address) {
            case .public: continue
            case .metadata: return "it leads to a cloud metadata or link-local address (\(text(address)))"
            case .unspecified, .multicast: return "it leads to an address that is not a host (\(text(address)))"
            case .loopback, .private, .linkLocal:
                if originIsPublic { return "a public address redirects to a \(kind(of: address).rawValue) address (\(text(address)))" }
            }
        }
        return nil
    }

    /// Every address is public.
    package static func allPublic(_ addresses: [[UInt8]]) -> Bool {
        !addresses.isEmpty && addresses.allSatisfy { kind(of: $0) == .public }
    }

    static func text(_ address: [UInt8]) -> String {
        if address.count == 4 { return address.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: address.count, by: 2).map { String(Int(address[$0]) << 8 | Int(address[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }
}
