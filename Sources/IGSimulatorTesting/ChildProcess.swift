#if canImport(Glibc)
    import Glibc
    import Synchronization

    /// A program a test runs (`ig`, `psql`, `openssl`), started so that it inherits no descriptor but its standard streams.
    ///
    /// Foundation's `Process` on Linux learns that a child ended when a socket the child inherited closes. A child started
    /// at the same moment from another thread can inherit that socket too, and then the first child counts as running
    /// until the second one ends: with tests running in parallel, a long-lived child (a recorder, a `psql` holding a
    /// lock) made other tests wait on children that had long exited, and the test process hung. `ChildProcess` starts
    /// children with `posix_spawn`, closes every inherited descriptor above the standard streams in the child, and reaps
    /// its own child with `waitpid`.
    public final class ChildProcess: Sendable {
        /// The child's process id.
        public let processIdentifier: Int32
        private let status = Mutex<Int32?>(nil)

        /// A failure to start a program.
        public struct LaunchError: Error, CustomStringConvertible {
            /// What failed, with the `errno` text.
            public let description: String

            /// A failure described by `description`.
            public init(description: String) { self.description = description }
        }

        /// Starts `executable` with `arguments`; standard input reads `/dev/null`, standard output and error go to the
        /// files at `standardOutput` and `standardError` (created or truncated), or to `/dev/null` when nil. The child
        /// gets `environment` as its whole environment, or this process's when nil.
        ///
        /// - Throws: ``LaunchError`` when the program cannot be started.
        public init(
            executable: String, arguments: [String], standardOutput: String? = nil, standardError: String? = nil,
            environment: [String: String]? = nil
        ) throws {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            let writeFlags = O_WRONLY | O_CREAT | O_TRUNC
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, standardOutput ?? "/dev/null", writeFlags, 0o644)
            posix_spawn_file_actions_addopen(&actions, 2, standardError ?? "/dev/null", writeFlags, 0o644)
            guard Self.closeFrom(&actions, 3) else {
                throw LaunchError(description: "posix_spawn_file_actions_addclosefrom_np is not available")
            }
            let argv = ([executable] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
            defer { envp?.forEach { free($0) } }
            var pid: pid_t = 0
            let result: Int32
            if let envp {
                result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
            } else {
                result = posix_spawn(&pid, executable, &actions, nil, argv, environ)
            }
            guard result == 0 else {
                throw LaunchError(description: "cannot start \(executable): \(String(cString: strerror(result)))")
            }
            self.processIdentifier = pid
        }

        /// Whether the child still runs (reaps it once it has ended).
        public var isRunning: Bool {
            self.status.withLock { status in
                guard status == nil else { return false }
                var raw: Int32 = 0
                let result = waitpid(self.processIdentifier, &raw, WNOHANG)
                if result == self.processIdentifier {
                    status = Self.exitCode(raw)
                    return false
                }
                if result == -1 && errno != EINTR {
                    status = -1
                    return false
                }
                return true
            }
        }

        /// The exit code, 128 + the signal number when a signal ended the child, -1 when it could not be known; nil while
        /// the child runs.
        public var terminationStatus: Int32? {
            _ = self.isRunning
            return self.status.withLock { $0 }
        }

        /// Sends `signal` (SIGTERM by default) to the child, unless it has ended.
        public func send(_ signal: Int32 = SIGTERM) {
            guard self.isRunning else { return }
            _ = kill(self.processIdentifier, signal)
        }

        /// Waits, without blocking a thread, until the child ends, and gives its ``terminationStatus``.
        @discardableResult
        public func exit() async throws -> Int32 {
            while self.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            return self.terminationStatus ?? -1
        }

        private static func exitCode(_ raw: Int32) -> Int32 {
            let signal = raw & 0x7f
            return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
        }

        // glibc 2.34+ has posix_spawn_file_actions_addclosefrom_np, which the Glibc module does not import.
        private typealias AddCloseFrom =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

        private static func closeFrom(_ actions: inout posix_spawn_file_actions_t, _ lowest: Int32) -> Bool {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
            else { return false }
            return unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, lowest) == 0
        }
    }
#endif
