public import IGModels
import Lightstreamer

extension IGStreamingClient {
    /// The `ACCOUNT:{accountId}` (MERGE) and `TRADE:{accountId}` (DISTINCT) items of `accountId` (default: the
    /// active account) undecoded, as two lossless subscriptions: each event as IG sent it, for an audit trail.
    public func accountFields(
        _ accountId: AccountId? = nil
    ) async throws -> (account: IGStreamingSubscription<IGFieldsUpdate>, trade: IGStreamingSubscription<IGFieldsUpdate>)
    {
        let id: AccountId
        if let accountId { id = accountId } else { id = try await self.accountId() }
        let account = [IGStreamingItem.account(id)]
        let trade = [IGStreamingItem.trade(id)]
        return (
            subscribe(
                account, mode: .merge, buffering: .unbounded,
                decoder: .fields(account, fields: IGStreamingFields.account)),
            subscribe(
                trade, mode: .distinct, buffering: .unbounded,
                decoder: .fields(trade, fields: IGStreamingFields.trade))
        )
    }
}
