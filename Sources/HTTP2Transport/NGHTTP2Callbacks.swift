internal import CNGHTTP2
internal import RPCCore

/// The callbacks every session shares: free, non-capturing thunks that recover the
/// `NGHTTP2Session` from `user_data` and forward to it.
///
/// `@unchecked Sendable`: the callbacks struct is filled once, in `init`, and never written again;
/// nghttp2 copies it into each session it creates and never mutates the original, so reading it
/// from any thread is safe.
final class NGHTTP2Callbacks: @unchecked Sendable {
  /// The process-wide callbacks.
  static let shared = NGHTTP2Callbacks()

  let pointer: OpaquePointer

  private init() {
    var callbacks: OpaquePointer?
    guard nghttp2_session_callbacks_new(&callbacks) == 0, let callbacks else {
      fatalError("nghttp2 could not allocate its callbacks")
    }
    nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks) { _, _, userData in
      withSession(userData) { $0.beginHeaders() }
      return 0
    }
    nghttp2_session_callbacks_set_on_header_callback(callbacks) {
      _,
      _,
      name,
      nameLength,
      value,
      valueLength,
      _,
      userData in
      guard let name, let value else { return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue }
      return withSession(userData) { session in
        session.receiveHeader(
          HeaderField(name: name, nameLength: nameLength, value: value, valueLength: valueLength),
          size: nameLength + valueLength
        )
      }
    }
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks) { _, frame, userData in
      guard let frame else { return 0 }
      withSession(userData) { $0.receiveFrame(frame) }
      return 0
    }
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks) {
      _,
      _,
      streamID,
      data,
      length,
      userData in
      withSession(userData) {
        $0.receiveData(UnsafeRawBufferPointer(start: data, count: length), streamID: streamID)
      }
      return 0
    }
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks) {
      _,
      streamID,
      errorCode,
      userData in
      withSession(userData) { $0.closeStream(streamID, errorCode: errorCode) }
      return 0
    }
    self.pointer = callbacks
  }

  /// The data provider of every stream body: the source pointer is the stream's queue, which
  /// the session keeps alive while nghttp2 may read it.
  static let readOutbound: cnghttp2_data_source_read_callback = {
    _,
    _,
    buffer,
    length,
    flags,
    source,
    userData in
    guard let buffer, let flags, let queuePointer = source?.pointee.ptr else {
      return Int(NGHTTP2_ERR_CALLBACK_FAILURE.rawValue)
    }
    return withSession(userData) { session in
      Unmanaged<OutboundQueue>.fromOpaque(queuePointer)._withUnsafeGuaranteedRef { queue in
        session.readOutbound(
          queue,
          into: UnsafeMutableRawBufferPointer(start: buffer, count: length),
          flags: flags
        )
      }
    }
  }
}

/// Runs `body` with the session `userData` points to, without retaining it: the session holds a
/// reference to itself for as long as nghttp2 can call back.
private func withSession<Result>(
  _ userData: UnsafeMutableRawPointer?,
  _ body: (NGHTTP2Session) -> Result
) -> Result {
  Unmanaged<NGHTTP2Session>.fromOpaque(userData!)._withUnsafeGuaranteedRef(body)
}
