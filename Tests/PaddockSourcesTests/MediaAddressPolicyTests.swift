import Testing
@testable import PaddockSources

/// The address policy over resolved addresses, as a pure function: no test connects anywhere.
@Suite struct MediaAddressPolicyTests {
    static func v6(_ groups: [UInt16]) -> [UInt8] { groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }

    @Test(arguments: [
        ([UInt8]([93, 184, 216, 34]), MediaAddressPolicy.Kind.public),
        ([127, 0, 0, 1], .loopback), ([127, 8, 9, 10], .loopback),
        ([10, 1, 2, 3], .private), ([172, 16, 0, 1], .private), ([172, 31, 255, 255], .private), ([192, 168, 1, 20], .private),
        ([172, 32, 0, 1], .public), ([100, 64, 0, 1], .private),
        ([169, 254, 169, 254], .metadata), ([169, 254, 0, 1], .metadata),
        ([0, 0, 0, 0], .unspecified), ([224, 0, 0, 1], .multicast), ([255, 255, 255, 255], .unspecified),
    ])
    func classifiesIPv4(_ address: [UInt8], _ kind: MediaAddressPolicy.Kind) {
        #expect(MediaAddressPolicy.kind(of: address) == kind)
    }

    @Test(arguments: [
        (MediaAddressPolicyTests.v6([0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254]), MediaAddressPolicy.Kind.metadata),
        (MediaAddressPolicyTests.v6([0, 0, 0, 0, 0, 0, 0, 1]), .loopback),
        (MediaAddressPolicyTests.v6([0, 0, 0, 0, 0, 0, 0, 0]), .unspecified),
        (MediaAddressPolicyTests.v6([0xfe80, 0, 0, 0, 1, 2, 3, 4]), .linkLocal),
        (MediaAddressPolicyTests.v6([0xfd12, 0x3456, 0, 0, 0, 0, 0, 1]), .private),
        (MediaAddressPolicyTests.v6([0xfc00, 0, 0, 0, 0, 0, 0, 1]), .private),
        (MediaAddressPolicyTests.v6([0x2a00, 0x1450, 0x4001, 0x80b, 0, 0, 0, 0x200e]), .public),
        // IPv4-mapped: judged as the IPv4 address.
        (MediaAddressPolicyTests.v6([0, 0, 0, 0, 0, 0xffff, 0x7f00, 0x0001]), .loopback),
        (MediaAddressPolicyTests.v6([0, 0, 0, 0, 0, 0xffff, 0xa9fe, 0xa9fe]), .metadata),
    ])
    func classifiesIPv6(_ address: [UInt8], _ kind: MediaAddressPolicy.Kind) {
        #expect(MediaAddressPolicy.kind(of: address) == kind)
    }

    @Test func aPublicOriginMayNotLeadToThisMachineOrItsNetwork() {
        for address: [UInt8] in [[127, 0, 0, 1], [10, 0, 0, 5], [192, 168, 0, 1], Self.v6([0, 0, 0, 0, 0, 0, 0, 1]), Self.v6([0xfe80, 0, 0, 0, 0, 0, 0, 1])] {
            #expect(MediaAddressPolicy.refusal(for: [address], originIsPublic: true) != nil, "\(address)")
        }
        #expect(MediaAddressPolicy.refusal(for: [[93, 184, 216, 34]], originIsPublic: true) == nil)
        // One bad address among good ones is enough (a resolver may hand out any of them).
        #expect(MediaAddressPolicy.refusal(for: [[93, 184, 216, 34], [127, 0, 0, 1]], originIsPublic: true) != nil)
    }

    @Test func cloudMetadataIsRefusedWhateverTheOrigin() {
        for origin in [true, false] {
            let refusal = MediaAddressPolicy.refusal(for: [[169, 254, 169, 254]], originIsPublic: origin)
            #expect(refusal?.contains("metadata") == true)
            #expect(MediaAddressPolicy.refusal(for: [Self.v6([0xfd00, 0xec2, 0, 0, 0, 0, 0, 0x254])], originIsPublic: origin) != nil)
        }
    }

    @Test func aNonPublicOriginMayStayWhereItIs() {
        // The sandbox on loopback, a stable's NAS on the LAN.
        #expect(MediaAddressPolicy.refusal(for: [[127, 0, 0, 1]], originIsPublic: false) == nil)
        #expect(MediaAddressPolicy.refusal(for: [[192, 168, 1, 9]], originIsPublic: false) == nil)
        #expect(MediaAddressPolicy.refusal(for: [], originIsPublic: false) != nil)
        #expect(MediaAddressPolicy.allPublic([[93, 184, 216, 34]]) && !MediaAddressPolicy.allPublic([[127, 0, 0, 1]]) && !MediaAddressPolicy.allPublic([]))
    }
}
