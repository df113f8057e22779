import IGStreaming
import Lightstreamer

extension IGStreamingEvent {
    var isGap: Bool { if case .gap = self { true } else { false } }
    var isSessionReplacedGap: Bool { if case .gap(.sessionReplaced, _) = self { true } else { false } }
}
