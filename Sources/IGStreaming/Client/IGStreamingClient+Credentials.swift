import Foundation
import IGModels
import IGTrading
import Lightstreamer

extension IGStreamingClient {
    /// The Lightstreamer session parameters from the REST session: the endpoint, `LS_user` = account id and
    /// `LS_password` = `CST-…|XST-…` (never logged: ``Lightstreamer/TLCPCredentials`` redacts it).
    static func sessionParameters(
        client: IGClient, serverAddress: URL?, request: LightstreamerClient.ParametersRequest
    ) async throws -> LightstreamerClient.SessionParameters {
        let session: IGSession
        if request.previousCredentialsRejected {
            session = try await client.session.login()  // the tokens were refused: new ones, whatever we cached
        } else if let current = await client.session.current {
            if !request.isFirstSession {
                // A new session hours later: make sure the tokens still work (the REST pipeline logs in again
                // when IG refuses them) before handing them to Lightstreamer.
                _ = try await client.session.read()
            }
            session = await client.session.current ?? current
        } else {
            session = try await client.session.login()
        }
        let tokens = try await client.session.tokens()
        guard let endpoint = serverAddress ?? session.lightstreamerEndpoint else {
            throw IGStreamingError.noLightstreamerEndpoint
        }
        let credentials = TLCPCredentials(
            user: session.accountId.rawValue, password: "CST-\(tokens.clientToken)|XST-\(tokens.accountToken)")
        return LightstreamerClient.SessionParameters(serverAddress: endpoint, credentials: credentials)
    }
}
