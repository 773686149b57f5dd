internal import Synchronization

/// The state transitions of one call's response, each returning the parts to send (nil: send
/// nothing). The dispatcher, the response writer and the deadline timer all go through these, so
/// the response keeps its shape (HEADERS, DATA*, trailers) whoever acts first.
extension ServerContext {
  /// How a call ends.
  enum Outcome {
    /// With a single response message and status OK.
    case response(SingleResponse)
    /// With a status (OK after a streamed response, or an error) and extra trailing metadata.
    case status(Status, Metadata)
  }

  /// The parts that end the call with `outcome`; nil when the call is over already, the
  /// transport failed, or the task was cancelled by the transport (`taskCancelled` without an
  /// expired deadline). An expired deadline turns any outcome into DEADLINE_EXCEEDED.
  func finish(_ outcome: Outcome, taskCancelled: Bool) -> [ResponsePart]? {
    state.withLock { finish(&$0, outcome, taskCancelled: taskCancelled) }
  }

  private func finish(
    _ state: inout ServerCallState,
    _ outcome: Outcome,
    taskCancelled: Bool
  ) -> [ResponsePart]? {
    if state.transportFailed { return nil }
    if case .finished = state.phase { return nil }
    var outcome = outcome
    if state.deadlineExpired {
      outcome = .status(Self.deadlineExceeded, [:])
    } else if taskCancelled {
      return nil
    }
    let phase = state.phase
    state.phase = .finished
    switch (outcome, phase) {
    case (.response(let response), _):
      return [
        .headers(
          shared.responseHeaders(encoding: response.encoding, metadata: state.initialMetadata),
          endStream: false
        ),
        .data(response.frame),
        .trailers(shared.trailers(.ok, metadata: state.trailingMetadata)),
      ]
    case (.status(let status, let extra), .idle):
      var trailing = state.trailingMetadata
      trailing.add(contentsOf: extra)
      return [
        .headers(
          shared.trailersOnly(status, initial: state.initialMetadata, trailing: trailing),
          endStream: true
        )
      ]
    case (.status(let status, let extra), _):
      var trailing = state.trailingMetadata
      trailing.add(contentsOf: extra)
      return [.trailers(shared.trailers(status, metadata: trailing))]
    }
  }

  /// Records that the deadline passed, and returns the parts that end the call with
  /// DEADLINE_EXCEEDED if they can go now: not when the call is over, and not while a write is
  /// in flight (the response would lose its order; the dispatcher ends the call once the handler
  /// returns).
  func expireDeadline() -> [ResponsePart]? {
    state.withLock { state in
      state.deadlineExpired = true
      guard !state.writeInFlight else { return nil }
      return finish(&state, .status(Self.deadlineExceeded, [:]), taskCancelled: true)
    }
  }

  /// Records that the transport failed: nothing more is sent on this call. After the deadline
  /// passed, a failing transport call is taken for the effect of the deadline's cancellation,
  /// not a reset: the stream may still carry DEADLINE_EXCEEDED.
  func markTransportFailed() {
    state.withLock { state in
      if !state.deadlineExpired { state.transportFailed = true }
    }
  }

  static let deadlineExceeded = Status(code: .deadlineExceeded, message: "deadline exceeded")
  static let deadlineExceededError = RPCError(.deadlineExceeded, "deadline exceeded")

  /// A handler's error as the status to send, with its trailing metadata.
  static func outcome(for error: any Error) -> Outcome {
    switch error {
    case let error as RPCError:
      return .status(error.status, error.metadata)
    case is CancellationError:
      return .status(Status(code: .cancelled, message: "cancelled"), [:])
    default:
      return .status(Status(code: .unknown, message: "handler failed: \(type(of: error))"), [:])
    }
  }
}
