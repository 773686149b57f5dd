internal import ProtoWire
internal import Testing

@testable internal import RPCCore

@Suite("Compression")
struct CompressionTests {
  private func decompress(
    _ bytes: [UInt8],
    _ algorithm: CompressionAlgorithm,
    limit: Int = 1 << 20
  ) throws(RPCError) -> [UInt8] {
    let decompressor = Decompressor(algorithm)
    let result: Result<[UInt8], RPCError> = bytes.withUnsafeBytes { raw in
      do throws(RPCError) {
        return .success(try decompressor.decompress(raw, limit: limit))
      } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  @Test("round trip", arguments: [CompressionAlgorithm.gzip, .deflate], [0, 1, 100, 70_000])
  func roundTrip(algorithm: CompressionAlgorithm, size: Int) throws {
    let bytes = (0 ..< size).map { UInt8(truncatingIfNeeded: $0 % 251) }
    let compressed = Compression.compress(bytes, algorithm)
    #expect(try decompress(compressed, algorithm) == bytes)
  }

  @Test("the formats: gzip magic, zlib header")
  func formats() {
    #expect(Compression.compress([1, 2, 3], .gzip).prefix(2) == [0x1F, 0x8B])
    #expect(Compression.compress([1, 2, 3], .deflate).first == 0x78)
  }

  @Test("one compressor and decompressor serve many messages")
  func reuse() throws {
    let compressor = Compressor(.gzip)
    let decompressor = Decompressor(.gzip)
    for index in 0 ..< 5 {
      let bytes = Array(repeating: UInt8(index), count: 1000 * index)
      var compressed: [UInt8] = []
      bytes.withUnsafeBytes { compressor.compress($0, appendingTo: &compressed) }
      let plain = try compressed.withUnsafeBytes { try decompressor.decompress($0, limit: 10_000) }
      #expect(plain == bytes)
    }
  }

  @Test("a zip bomb stops at the limit", arguments: [CompressionAlgorithm.gzip, .deflate])
  func bomb(algorithm: CompressionAlgorithm) {
    let bomb = Compression.compress(Array(repeating: 0, count: 8 << 20), algorithm)
    #expect(bomb.count < 20_000)
    do {
      _ = try decompress(bomb, algorithm, limit: 4 << 20)
      Issue.record("expected RESOURCE_EXHAUSTED")
    } catch {
      #expect(error.code == .resourceExhausted)
    }
  }

  @Test("exactly the limit is accepted")
  func exactLimit() throws {
    let bytes = Array(repeating: UInt8(7), count: 1000)
    #expect(try decompress(Compression.compress(bytes, .gzip), .gzip, limit: 1000) == bytes)
    #expect(throws: RPCError.self) {
      try decompress(Compression.compress(bytes, .gzip), .gzip, limit: 999)
    }
  }

  @Test("corrupt, truncated, trailing and mismatched input is INTERNAL")
  func corrupt() {
    let good = Compression.compress(Array(repeating: 1, count: 100), .gzip)
    let cases: [([UInt8], CompressionAlgorithm)] = [
      ([1, 2, 3, 4], .gzip), (Array(good.dropLast(4)), .gzip), (good + [0], .gzip),
      (good, .deflate), ([], .gzip),
    ]
    for (input, algorithm) in cases {
      do {
        _ = try decompress(input, algorithm)
        Issue.record("expected INTERNAL for \(input.count) bytes")
      } catch {
        #expect(error.code == .internalError)
      }
    }
  }

  @Test("the framer sets the flag and the decoder restores the message")
  func framerAndDecoder() throws {
    let message = EchoMessage(String(repeating: "abc", count: 200))
    for algorithm in [CompressionAlgorithm.gzip, .deflate] {
      var framer = MessageFramer(maxMessageSize: 1 << 20)
      let framed = try framer.frame(message, compression: algorithm)
      #expect(framed[0] == 1)
      #expect(framed.count < message.encodedSize())
      var deframer = MessageDeframer(maxMessageSize: 1 << 20)
      deframer.append(framed)
      let received = try #require(try deframer.next())
      var decoder = MessageDecoder(encoding: algorithm, maxMessageSize: 1 << 20)
      #expect(try decoder.decode(received, as: EchoMessage.self) == message)
    }
  }

  @Test("a compressed message without an encoding is INTERNAL")
  func flagWithoutEncoding() {
    var decoder = MessageDecoder(encoding: .identity, maxMessageSize: 100)
    do {
      _ = try decoder.decompress(ReceivedMessage(bytes: [1, 2][...], compressed: true))
      Issue.record("expected INTERNAL")
    } catch {
      #expect(error.code == .internalError)
    }
  }

  @Test("negotiation prefers gzip, then deflate, among what both sides have")
  func negotiation() {
    let both = RPCConfiguration()
    #expect(both.negotiatedAlgorithm(acceptEncoding: "identity,deflate,gzip") == .gzip)
    #expect(both.negotiatedAlgorithm(acceptEncoding: " deflate , identity") == .deflate)
    #expect(both.negotiatedAlgorithm(acceptEncoding: "identity") == nil)
    #expect(both.negotiatedAlgorithm(acceptEncoding: nil) == nil)
    #expect(both.negotiatedAlgorithm(acceptEncoding: "GZIP") == .gzip)
    let deflateOnly = RPCConfiguration(compressionAlgorithms: [.deflate])
    #expect(deflateOnly.negotiatedAlgorithm(acceptEncoding: "gzip,deflate") == .deflate)
    #expect(deflateOnly.acceptEncodingHeader == "identity,deflate")
    #expect(both.acceptEncodingHeader == "identity,gzip,deflate")
    #expect(deflateOnly.supportedAlgorithm(named: "gzip") == nil)
    #expect(deflateOnly.supportedAlgorithm(named: "identity") == .identity)
    #expect(deflateOnly.supportedAlgorithm(named: "snappy") == nil)
  }
}
