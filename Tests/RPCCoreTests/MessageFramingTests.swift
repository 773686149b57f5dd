internal import ProtoWire
internal import Testing

@testable internal import RPCCore

@Suite("Message framing")
struct MessageFramingTests {
  private func deframeAll(
    _ chunks: [[UInt8]],
    maxMessageSize: Int = 1024
  ) throws(RPCError) -> [ReceivedMessage] {
    var deframer = MessageDeframer(maxMessageSize: maxMessageSize)
    var messages: [ReceivedMessage] = []
    for chunk in chunks {
      deframer.append(chunk)
      while let message = try deframer.next() { messages.append(message) }
    }
    return messages
  }

  @Test("the 5-byte prefix split at every point across chunks")
  func splitPrefix() throws {
    let framed = frame([1, 2, 3])
    for cut in 1 ..< framed.count {
      let messages = try deframeAll([Array(framed[..<cut]), Array(framed[cut...])])
      #expect(messages.map { Array($0.bytes) } == [[1, 2, 3]])
    }
  }

  @Test("one byte per chunk")
  func byteByByte() throws {
    let framed = frame([9, 8, 7, 6]) + frame([], compressed: false) + frame([5])
    let messages = try deframeAll(framed.map { [$0] })
    #expect(messages.map { Array($0.bytes) } == [[9, 8, 7, 6], [], [5]])
  }

  @Test("many messages in one chunk, including empty ones")
  func manyPerChunk() throws {
    var chunk: [UInt8] = []
    for index in 0 ..< 100 { chunk += frame(Array(repeating: UInt8(index), count: index % 7)) }
    let messages = try deframeAll([chunk])
    #expect(messages.count == 100)
    for (index, message) in messages.enumerated() {
      #expect(Array(message.bytes) == Array(repeating: UInt8(index), count: index % 7))
      #expect(!message.compressed)
    }
  }

  @Test("a message ending mid-chunk, the next one spanning three chunks")
  func spanning() throws {
    let first = frame([1])
    let second = frame(Array(repeating: 2, count: 20))
    let all = first + second
    let messages = try deframeAll([Array(all[..<8]), Array(all[8 ..< 15]), Array(all[15...])])
    #expect(messages.map { $0.bytes.count } == [1, 20])
  }

  @Test("the compressed flag")
  func compressedFlag() throws {
    let messages = try deframeAll([frame([1], compressed: true) + frame([2])])
    #expect(messages.map(\.compressed) == [true, false])
  }

  @Test("a length over the limit fails as soon as the prefix is seen")
  func oversize() {
    var deframer = MessageDeframer(maxMessageSize: 10)
    deframer.append([0, 0, 0, 0, 11])
    #expect(throws: RPCError.self) { try deframer.next() }
    do {
      _ = try deframeAll([[0, 0xFF, 0xFF, 0xFF, 0xFF]], maxMessageSize: 4 * 1024 * 1024)
      Issue.record("expected RESOURCE_EXHAUSTED")
    } catch {
      #expect(error.code == .resourceExhausted)
    }
    #expect(
      (try? deframeAll([frame(Array(repeating: 0, count: 10))], maxMessageSize: 10))?.count == 1
    )
  }

  @Test("a flag byte other than 0 or 1")
  func invalidFlag() {
    do {
      _ = try deframeAll([[2, 0, 0, 0, 0]])
      Issue.record("expected INTERNAL")
    } catch {
      #expect(error.code == .internalError)
    }
  }

  @Test("a partial message is pending until completed")
  func pending() throws {
    var deframer = MessageDeframer(maxMessageSize: 100)
    deframer.append([0, 0, 0])
    #expect(try deframer.next() == nil)
    #expect(!deframer.isEmpty)
    deframer.append([0, 1, 42])
    #expect(try deframer.next().map { Array($0.bytes) } == [42])
    #expect(deframer.isEmpty)
  }

  @Test("framing writes the prefix and the exact encoding")
  func framing() throws {
    var framer = MessageFramer(maxMessageSize: 1024)
    let message = EchoMessage("hello", payload: [1, 2])
    let framed = try framer.frame(message, compression: nil)
    let body = message.serializedBytes()
    #expect(framed == frame(body))
    #expect(try framer.frame(EchoMessage(), compression: .identity) == [0, 0, 0, 0, 0])
  }

  @Test("framing over the send limit is RESOURCE_EXHAUSTED")
  func framingOversize() {
    var framer = MessageFramer(maxMessageSize: 4)
    do {
      _ = try framer.frame(EchoMessage("too long"), compression: nil)
      Issue.record("expected RESOURCE_EXHAUSTED")
    } catch {
      #expect(error.code == .resourceExhausted)
    }
  }
}
