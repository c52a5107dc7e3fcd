import Testing
@testable import PaddockSources

/// The login's `state`: unguessable, single-use, compared exactly.
@Suite struct LoginStateTests {
    @Test func stateIsFreshAndLongEnough() {
        let states = Set((0..<100).map { _ in LoginState.generate() })
        #expect(states.count == 100)
        #expect(states.allSatisfy { $0.count == 43 && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } })
    }

    @Test func comparesStatesExactly() {
        #expect(LoginState.equal("abc", "abc"))
        #expect(!LoginState.equal("abc", "abd"))
        #expect(!LoginState.equal("abc", "abcd"))
    }

    @Test func aRedirectIsAcceptedOnceOnly() async {
        let mailbox = LoginCallbackMailbox(expectedState: "s1")
        let first = await mailbox.receive(["state": "s1", "code": "c1"])
        let second = await mailbox.receive(["state": "s1", "code": "c2"])
        #expect(first.status == 200)
        #expect(second.status == 410)
        var codes: [String] = []
        for await outcome in mailbox.outcomes {
            if case .code(let code) = outcome { codes.append(code) }
        }
        #expect(codes == ["c1"])
    }
}
