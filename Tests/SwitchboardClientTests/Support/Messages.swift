internal import SwitchboardAPI

// Builders for the interop messages the tests send.

extension GRPCTesting.Payload {
  /// `count` zero bytes.
  init(zeros count: Int) {
    self.init()
    body = [UInt8](repeating: 0, count: count)
  }
}

extension GRPCTesting.ResponseParameters {
  /// One response of `size` bytes, after a pause of `intervalUs` microseconds, compressed or not
  /// as `compressed` says (the server's choice when nil).
  init(size: Int, intervalUs: Int32 = 0, compressed: Bool? = nil) {
    self.init()
    self.size = Int32(size)
    self.intervalUs = intervalUs
    if let compressed {
      self.compressed = GRPCTesting.BoolValue(compressed)
    }
  }
}

extension GRPCTesting.BoolValue {
  /// The value `value`.
  init(_ value: Bool) {
    self.init()
    self.value = value
  }
}

extension GRPCTesting.EchoStatus {
  /// The status the server should end the call with.
  init(code: Int32, message: String) {
    self.init()
    self.code = code
    self.message = message
  }
}

extension GRPCTesting.StreamingOutputCallRequest {
  /// A request for the responses `parameters` describe, carrying `payloadSize` bytes.
  init(_ parameters: [GRPCTesting.ResponseParameters], payloadSize: Int = 0) {
    self.init()
    responseParameters = parameters
    if payloadSize > 0 {
      payload = GRPCTesting.Payload(zeros: payloadSize)
    }
  }

  /// A request for one response of each size.
  init(responseSizes: [Int], payloadSize: Int = 0) {
    self.init(
      responseSizes.map { GRPCTesting.ResponseParameters(size: $0) },
      payloadSize: payloadSize
    )
  }
}

extension GRPCTesting.StreamingInputCallRequest {
  /// A request carrying `payloadSize` bytes, expecting to arrive compressed if `expectCompressed`.
  init(payloadSize: Int, expectCompressed: Bool? = nil) {
    self.init()
    payload = GRPCTesting.Payload(zeros: payloadSize)
    if let expectCompressed {
      self.expectCompressed = GRPCTesting.BoolValue(expectCompressed)
    }
  }
}

extension GRPCTesting.SimpleRequest {
  /// A request carrying `payloadSize` bytes and asking for `responseSize` bytes back.
  init(payloadSize: Int = 0, responseSize: Int = 0) {
    self.init()
    self.responseSize = Int32(responseSize)
    if payloadSize > 0 {
      payload = GRPCTesting.Payload(zeros: payloadSize)
    }
  }
}

extension GRPCTesting.StreamingOutputCallResponse {
  /// The size of the response's payload.
  var payloadSize: Int { payload?.body.count ?? 0 }
}

extension GRPCTesting.SimpleResponse {
  /// The size of the response's payload.
  var payloadSize: Int { payload?.body.count ?? 0 }
}
