internal import RPCCore

@testable internal import HTTP2Transport

/// A session delegate that records what the session reported.
final class SessionRecorder: NGHTTP2SessionDelegate {
  enum Event: Equatable {
    case headers(Int32, [HeaderField], NGHTTP2Session.HeadersKind, endStream: Bool)
    case data(Int32, [UInt8])
    case endStream(Int32)
    case closed(Int32, errorCode: UInt32)
    case goAway(lastStreamID: Int32, errorCode: UInt32)
    case pingAck(UInt64)
  }

  private(set) var events: [Event] = []
  /// Runs inside nghttp2's header callback path, after a header block is recorded.
  var onHeaders: ((NGHTTP2Session) -> Void)?

  /// The events recorded since the last call.
  func take() -> [Event] {
    defer { events.removeAll() }
    return events
  }

  /// All DATA bytes recorded on `streamID`.
  func data(on streamID: Int32) -> [UInt8] {
    events.flatMap { event -> [UInt8] in
      guard case .data(streamID, let bytes) = event else { return [] }
      return bytes
    }
  }

  func session(
    _ session: NGHTTP2Session,
    didReceiveHeaders fields: [HeaderField],
    kind: NGHTTP2Session.HeadersKind,
    endStream: Bool,
    streamID: Int32
  ) {
    events.append(.headers(streamID, fields, kind, endStream: endStream))
    onHeaders?(session)
  }

  func session(
    _ session: NGHTTP2Session,
    didReceiveData bytes: UnsafeRawBufferPointer,
    streamID: Int32
  ) {
    events.append(.data(streamID, Array(bytes)))
  }

  func session(_ session: NGHTTP2Session, didReceiveEndStream streamID: Int32) {
    events.append(.endStream(streamID))
  }

  func session(_ session: NGHTTP2Session, didCloseStream streamID: Int32, errorCode: UInt32) {
    events.append(.closed(streamID, errorCode: errorCode))
  }

  func session(_ session: NGHTTP2Session, didReceiveGoAway lastStreamID: Int32, errorCode: UInt32) {
    events.append(.goAway(lastStreamID: lastStreamID, errorCode: errorCode))
  }

  func session(_ session: NGHTTP2Session, didReceivePingAck opaqueData: UInt64) {
    events.append(.pingAck(opaqueData))
  }
}
