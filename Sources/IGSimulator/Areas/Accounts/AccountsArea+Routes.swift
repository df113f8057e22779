// GET /accounts, GET/PUT /accounts/preferences.

extension AccountsArea {
    /// `GET /accounts`: the spread bet and CFD accounts with balances.
    func listAccounts(_ call: Call) throws -> RESTResponse {
        let preferred = self.preferences.preferredAccountId
        return .ok([
            "accounts": .array(
                self.accounts.map { account in
                    [
                        "accountId": .string(account.accountId),
                        "accountName": .string(account.accountName),
                        "accountAlias": nil,
                        "status": "ENABLED",
                        "accountType": .string(account.accountType),
                        "preferred": .bool(account.accountId == preferred),
                        "balance": self.context.balanceJSON(account),
                        "currency": .string(account.currency),
                        "canTransferFrom": true,
                        "canTransferTo": true,
                    ]
                })
        ])
    }

    /// `GET /accounts/preferences` of the active account.
    func readPreferences(_ call: Call) throws -> RESTResponse {
        let accountId = call.authenticated.accountId
        let enabled = self.preferences.trailingStops(accountId) ?? false
        return .ok(["trailingStopsEnabled": .bool(enabled)])
    }

    /// `PUT /accounts/preferences`: accepts booleans and the strings "true"/"false".
    func updatePreferences(_ call: Call) throws -> RESTResponse {
        let accountId = call.authenticated.accountId
        let body = try call.request.json()
        guard let value = body["trailingStopsEnabled"], !value.isNull else {
            throw RESTError(status: 400, code: "validation.null-not-allowed.request.trailingStopsEnabled")
        }
        guard let enabled = value.boolValue else {
            throw RESTError(status: 400, code: "invalid.request.trailingStopsEnabled")
        }
        self.preferences.setTrailingStops(enabled, accountId: accountId)
        return .ok(["status": "SUCCESS"])
    }
}
