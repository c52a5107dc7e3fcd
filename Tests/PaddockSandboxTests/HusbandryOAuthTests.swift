import Foundation
import Testing
@testable import PaddockSandbox

@Suite struct HusbandryOAuthTests {
    @Test func authorizeRedirectsAtOnceWithACodeAndTheSameState() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let items = try await flow.authorize(state: "xyz+/= ü")
                #expect(items["state"] == "xyz+/= ü")
                #expect((items["code"] ?? "").count > 16)
                #expect(items["error"] == nil)
            }
        }
    }

    @Test func authorizeCanDenyWithAnErrorDescription() async throws {
        var options = SandboxOptions()
        options.denyAuthorization = true
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let items = try await OAuthFlow(http: http, sandbox: sandbox).authorize(state: "st")
                #expect(items["error"] == "access_denied")
                #expect(items["error_description"]?.isEmpty == false)
                #expect(items["error_uri"]?.hasPrefix("https://") == true, "the optional error_uri")
                #expect(items["state"] == "st")
                #expect(items["code"] == nil)
            }
        }
    }

    @Test func authorizeRefusesUnknownScopesAndMissingState() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let badScope = try await flow.authorize(state: "s", scope: "shops_r")
                let noState = try await flow.authorize(state: "")
                #expect(badScope["error"] == "invalid_scope")
                #expect(noState["error"] == "invalid_request")
            }
        }
    }

    @Test func aCodeIsExchangedOnceForOneHourTokens() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let code = try await flow.authorize(state: "s1")["code"] ?? ""
                let first = try await flow.token(["grant_type": "authorization_code", "code": code, "redirect_uri": flow.redirectURI])
                #expect(first.status == 200)
                let body = try first.object()
                #expect(body["expires_in"] as? Int == 3600)
                #expect(body["token_type"] as? String == "Bearer")
                let again = try await flow.token(["grant_type": "authorization_code", "code": code, "redirect_uri": flow.redirectURI])
                #expect(again.status == 400)
                #expect(try again.object()["error"] as? String == "invalid_grant")
                let animals = try await flow.animals("?is_for_sale=1", token: body["access_token"] as? String ?? "")
                #expect(animals.status == 200)
            }
        }
    }

    @Test func refreshTokensRotate() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let (_, refresh) = try await flow.login()
                let rotated = try await flow.token(["grant_type": "refresh_token", "refresh_token": refresh])
                #expect(rotated.status == 200)
                let newRefresh = try #require(try rotated.object()["refresh_token"] as? String)
                #expect(newRefresh != refresh)
                let reused = try await flow.token(["grant_type": "refresh_token", "refresh_token": refresh])
                #expect(reused.status == 400, "the old refresh token works only once")
                let next = try await flow.token(["grant_type": "refresh_token", "refresh_token": newRefresh])
                #expect(next.status == 200)
                #expect(await sandbox.issuedAccessTokenCount == 3)
            }
        }
    }

    @Test func anExpiredOrUnknownAccessTokenGets401() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let (access, refresh) = try await flow.login()
                #expect(try await flow.animals("", token: access).status == 200)
                await sandbox.expireAccessTokens()
                let expired = try await flow.animals("", token: access)
                #expect(expired.status == 401)
                #expect(try expired.object()["error"] as? String == "access_denied")
                #expect(expired.headers.first(name: "www-authenticate")?.contains("invalid_token") == true)
                #expect(try await flow.animals("", token: "at_made_up").status == 401)
                #expect(try await http.send(sandbox.husbandryV2APIURL + "/animals").status == 401)
                let renewed = try await flow.token(["grant_type": "refresh_token", "refresh_token": refresh])
                let token = try #require(try renewed.object()["access_token"] as? String)
                #expect(try await flow.animals("", token: token).status == 200)
            }
        }
    }

    @Test func aShortTokenLifetimeIsConfigurable() async throws {
        var options = SandboxOptions()
        options.accessTokenLifetime = .seconds(5)
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let code = try await flow.authorize(state: "s")["code"] ?? ""
                let answer = try await flow.token(["grant_type": "authorization_code", "code": code, "redirect_uri": flow.redirectURI])
                #expect(try answer.object()["expires_in"] as? Int == 5)
            }
        }
    }

    @Test func aTokenWithoutTheAnimalScopeGets403() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let code = try await flow.authorize(state: "s", scope: "profile.read")["code"] ?? ""
                let answer = try await flow.token(["grant_type": "authorization_code", "code": code, "redirect_uri": flow.redirectURI])
                let token = try #require(try answer.object()["access_token"] as? String)
                let animals = try await flow.animals("", token: token)
                #expect(animals.status == 403)
                #expect(try animals.object()["error"] as? String == "insufficient_scope")
                let profile = try await http.send(sandbox.husbandryV2APIURL + "/profile", headers: [("Authorization", "Bearer \(token)")])
                #expect(try profile.object()["first_name"] as? String == "Lotte")
            }
        }
    }

    @Test func aMintedRefreshTokenWorksLikeOneFromTheEnvironment() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let refresh = await sandbox.mintRefreshToken()
                let answer = try await flow.token(["grant_type": "refresh_token", "refresh_token": refresh])
                #expect(answer.status == 200)
                let wrongClient = try await flow.token(["grant_type": "refresh_token", "refresh_token": refresh, "client_id": "other"])
                #expect(wrongClient.status == 401)
            }
        }
    }

    @Test func aCodeIsRefusedForAnotherRedirectURIOrClient() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let flow = OAuthFlow(http: http, sandbox: sandbox)
                let code = try await flow.authorize(state: "s")["code"] ?? ""
                let elsewhere = try await flow.token(["grant_type": "authorization_code", "code": code, "redirect_uri": "http://127.0.0.1:1/other"])
                #expect(elsewhere.status == 400)
                #expect(try elsewhere.object()["error"] as? String == "invalid_grant")
                let secret = try await flow.token(["grant_type": "refresh_token", "refresh_token": "x", "client_secret": "wrong"])
                #expect(secret.status == 401)
                let grant = try await flow.token(["grant_type": "password"])
                #expect(try grant.object()["error"] as? String == "unsupported_grant_type")
            }
        }
    }

    @Test func canInsistOnHTTPSRedirectURIsAsTheDocumentSays() async throws {
        var options = SandboxOptions()
        options.requireHTTPSRedirectURI = true
        try await SandboxServer.withRunning(options: options) { sandbox in
            try await SandboxHTTP.withClient { http in
                let answer = try await http.send(OAuthFlow(http: http, sandbox: sandbox).authorizeURL(state: "s"))
                #expect(answer.status == 400)
                #expect(answer.text.contains("https://"))
            }
        }
    }

    @Test func clientCredentialsMayComeAsHTTPBasic() async throws {
        try await SandboxServer.withRunning { sandbox in
            try await SandboxHTTP.withClient { http in
                let refresh = await sandbox.mintRefreshToken()
                let basic = Data("\(sandbox.options.husbandryClientID):\(sandbox.options.husbandryClientSecret)".utf8).base64EncodedString()
                let answer = try await http.send(sandbox.husbandryTokenURL, method: .POST,
                                                 headers: [("Authorization", "Basic \(basic)"), ("Content-Type", "application/x-www-form-urlencoded")],
                                                 body: "grant_type=refresh_token&refresh_token=\(refresh)")
                #expect(answer.status == 200)
                let wrong = Data("\(sandbox.options.husbandryClientID):nope".utf8).base64EncodedString()
                let refused = try await http.send(sandbox.husbandryTokenURL, method: .POST, headers: [("Authorization", "Basic \(wrong)")],
                                                  body: "grant_type=refresh_token&refresh_token=x")
                #expect(refused.status == 401)
            }
        }
    }
}
