import ArgumentParser
import Foundation
import IGModels
import IGTrading

/// `ig activity`: what happened on the account (IG activity history v3, v2 or v1).
struct ActivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity", abstract: "Account activity: deals, amendments, triggered orders (newest first).",
        discussion: """
            Version 3 (the default) follows IG's `next` links page by page; version 2 pages by number; version 1
            asks for whole days (--from/--to) or a period (--last).
            """)

    @OptionGroup var window: HistoryWindowOptions
    @Flag(help: "Include deal reference, direction, size and levels (v3).") var detailed = false
    @Option(help: "Only this deal's activities (v3).") var dealId: String?
    @Option(help: "A FIQL filter (v3), e.g. 'channel==PUBLIC_WEB_API;status==ACCEPTED'.") var filter: String?
    @Option(help: "Activities per request (v3: 10–500; v2: 0 = unpaged).") var pageSize: Int?
    @Option(help: "IG API version: 3, 2 or 1.") var apiVersion = 3
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard (1...3).contains(apiVersion) else { throw ValidationError("--api-version must be 1, 2 or 3.") }
        if apiVersion < 3, detailed || dealId != nil || filter != nil {
            throw ValidationError("--detailed, --deal-id and --filter need --api-version 3.")
        }
        if apiVersion == 3, let pageSize, !(10...500).contains(pageSize) {
            throw ValidationError("--page-size must be between 10 and 500 with version 3.")
        }
    }

    func run() async throws {
        let (from, to) = try window.window()
        try await connection.withClient { client in
            switch apiVersion {
            case 3:
                let activities = try await client.history.activities(
                    from: from, to: to, detailed: detailed, dealId: dealId.map(DealId.init(rawValue:)),
                    filter: filter, pageSize: pageSize ?? 50)
                try Tabular.activities(activities, detailed: detailed).print(as: output.format)
            case 2:
                let activities = try await client.history.activitiesV2(from: from, to: to, pageSize: pageSize ?? 20)
                try Tabular.activitiesV1(activities).print(as: output.format)
            default:
                let activities =
                    window.from == nil && window.to == nil
                    ? try await client.history.activitiesV1(last: .seconds(to.timeIntervalSince(from)))
                    : try await client.history.activitiesV1(from: from, to: to)
                try Tabular.activitiesV1(activities).print(as: output.format)
            }
        }
    }
}

extension Tabular {
    static func activities(_ activities: [Activity], detailed: Bool) -> Tabular {
        var columns: [TextTable.Column] = [
            .init(title: "DATE"), .init(title: "EPIC"), .init(title: "DEAL ID"), .init(title: "TYPE"),
            .init(title: "STATUS"), .init(title: "CHANNEL"), .init(title: "DESCRIPTION"),
        ]
        if detailed {
            columns += [
                .init(title: "DIR"), .init(title: "SIZE", alignment: .right), .init(title: "LEVEL", alignment: .right),
                .init(title: "ACTIONS"),
            ]
        }
        return Tabular(
            columns: columns,
            rows: activities.map { activity in
                var row = [
                    activity.date, text(activity.epic), text(activity.dealId), text(activity.type),
                    text(activity.status), text(activity.channel), activity.description ?? "-",
                ]
                if detailed {
                    let details = activity.details
                    row += [
                        text(details?.direction), text(details?.size), text(details?.level),
                        details?.actions?.map(\.actionType.rawValue).joined(separator: " ") ?? "-",
                    ]
                }
                return row
            },
            json: activities)
    }

    static func activitiesV1(_ activities: [ActivityV1]) -> Tabular {
        Tabular(
            columns: [
                .init(title: "DATE"), .init(title: "EPIC"), .init(title: "DEAL ID"), .init(title: "ACTIVITY"),
                .init(title: "RESULT"), .init(title: "SIZE", alignment: .right),
                .init(title: "LEVEL", alignment: .right),
                .init(title: "STOP", alignment: .right), .init(title: "LIMIT", alignment: .right),
                .init(title: "STATUS"),
            ],
            rows: activities.map {
                [
                    [$0.date, $0.time].compactMap { $0 }.joined(separator: " "), text($0.epic), text($0.dealId),
                    $0.activity ?? "-", $0.result ?? "-", $0.size ?? "-", $0.level ?? "-", $0.stop ?? "-",
                    $0.limit ?? "-", text($0.actionStatus),
                ]
            },
            json: activities)
    }
}
