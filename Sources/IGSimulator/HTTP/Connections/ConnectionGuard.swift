import Foundation
import NIOCore
import NIOHTTP1

/// Sits right after the HTTP/1 decoder of every connection and performs what its ``ConnectionGuardStateMachine``
/// decides: answers what the parser refuses (instead of leaving the connection open and unanswered), times out
/// connections that never send a request head or idle between requests, and closes idle connections when the
/// server shuts down. Leaves the pipeline when a request asks for a WebSocket upgrade.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// How long a refused connection keeps reading after its answer before it closes.
    static let lingerTime = TimeAmount.seconds(1)

    private var machine: ConnectionGuardStateMachine
    private let registry: ConnectionRegistry
    private var timer: Scheduled<Void>?

    init(limits: ConnectionLimits, registry: ConnectionRegistry) {
        self.machine = ConnectionGuardStateMachine(limits: limits)
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let shuttingDown = self.registry.add(context.channel)
        self.perform(self.machine.opened(), context: context)
        if shuttingDown { self.perform(self.machine.shutdown(), context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.timer?.cancel()
        self.timer = nil
        self.registry.remove(context.channel)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.timer?.cancel()
        self.timer = nil
        self.registry.remove(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head(let head):
            let upgrade = head.headers.contains(name: "upgrade")
            let action = self.machine.requestHead(uriLength: head.uri.utf8.count, upgrade: upgrade)
            self.pass(action, data, context: context)
        case .body:
            self.pass(self.machine.requestBody(), data, context: context)
        case .end:
            let (part, then) = self.machine.requestEnd()
            self.pass(part, data, context: context)
            self.perform(then, context: context)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let isEnd: Bool
        if case .end = self.unwrapOutboundIn(data) { isEnd = true } else { isEnd = false }
        context.write(data, promise: promise)
        if isEnd { self.perform(self.machine.responseEnd(), context: context) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError else {
            if error is ByteToMessageDecoderError { return }  // more bytes after a refused request: already answered
            context.fireErrorCaught(error)
            return
        }
        let failure: ConnectionGuardStateMachine.ParseFailure =
            switch parserError {
            case .invalidMethod: .method
            case .headerOverflow: .headerTooLarge
            default: .malformed
            }
        self.perform(self.machine.parseFailed(failure), context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ConnectionRegistry.Shutdown {
            self.perform(self.machine.shutdown(), context: context)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    // MARK: Actions

    /// Passes a request part on (or drops it), performing any other action.
    private func pass(_ action: ConnectionGuardStateMachine.Action, _ data: NIOAny, context: ChannelHandlerContext) {
        switch action {
        case .forward:
            context.fireChannelRead(data)
        case .forwardAndRemove:
            self.timer?.cancel()
            self.timer = nil
            context.fireChannelRead(data)
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
        case .drop:
            break
        default:
            self.perform(action, context: context)
        }
    }

    private func perform(_ action: ConnectionGuardStateMachine.Action, context: ChannelHandlerContext) {
        switch action {
        case .none, .forward, .forwardAndRemove, .drop:
            break
        case .schedule(let delay, let generation):
            self.timer?.cancel()
            let milliseconds = Int64((delay.timeInterval * 1000).rounded())
            self.timer = context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(milliseconds)) {
                self.perform(self.machine.timerFired(generation: generation), context: context)
            }
        case .close:
            self.timer?.cancel()
            self.timer = nil
            context.close(promise: nil)
        case .respondAndClose(let status, let code):
            self.timer?.cancel()
            self.timer = nil
            let body = RESTResponse.error(RESTError(status: status, code: code)).body?.serialized ?? Data()
            var buffer = context.channel.allocator.buffer(capacity: body.count)
            buffer.writeBytes(body)
            let headers = HTTPHeaders([
                ("Content-Type", "application/json; charset=UTF-8"), ("Content-Length", String(body.count)),
                ("Connection", "close"),
            ])
            let head = HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: headers)
            context.write(self.wrapOutboundOut(.head(head)), promise: nil)
            context.write(self.wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
            let written = context.eventLoop.makePromise(of: Void.self)
            context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: written)
            // Lingering close: stop writing, keep reading (and discarding) for a moment, then close. Closing with
            // unread input (the rest of an oversized head) would make the kernel send a reset, which can destroy
            // the answer before the client reads it.
            written.futureResult.assumeIsolated().whenComplete { _ in
                context.close(mode: .output, promise: nil)
                context.eventLoop.assumeIsolated().scheduleTask(in: Self.lingerTime) { context.close(promise: nil) }
            }
        }
    }
}
