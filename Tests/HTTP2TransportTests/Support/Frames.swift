/// One HTTP/2 frame as it appears on the wire.
struct Frame: Equatable {
  var type: UInt8
  var flags: UInt8
  var streamID: Int32
  var payload: [UInt8]

  static let headers: UInt8 = 0x1
  static let settings: UInt8 = 0x4
  static let ping: UInt8 = 0x6
  static let goAway: UInt8 = 0x7
  static let windowUpdate: UInt8 = 0x8

  static let endStreamFlag: UInt8 = 0x1

  /// The frames in `bytes`, after the client connection preface if it starts with one.
  static func parse(_ bytes: [UInt8]) -> [Frame] {
    let preface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)
    var offset = bytes.starts(with: preface) ? preface.count : 0
    var frames: [Frame] = []
    while offset + 9 <= bytes.count {
      let length = Int(bytes[offset]) << 16 | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2])
      let streamID =
        Int32(bytes[offset + 5] & 0x7f) << 24 | Int32(bytes[offset + 6]) << 16
        | Int32(bytes[offset + 7]) << 8 | Int32(bytes[offset + 8])
      let payload = Array(bytes[(offset + 9) ..< (offset + 9 + length)])
      frames.append(
        Frame(
          type: bytes[offset + 3],
          flags: bytes[offset + 4],
          streamID: streamID,
          payload: payload
        )
      )
      offset += 9 + length
    }
    return frames
  }

  /// The (identifier, value) pairs of a SETTINGS frame.
  var settings: [(UInt16, UInt32)] {
    stride(from: 0, to: payload.count, by: 6).map { index in
      let identifier = UInt16(payload[index]) << 8 | UInt16(payload[index + 1])
      let value = payload[(index + 2) ..< (index + 6)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
      return (identifier, value)
    }
  }

  /// The 31-bit value at the start of the payload: a WINDOW_UPDATE increment, or a GOAWAY's last
  /// stream id.
  var leading31Bits: UInt32 {
    payload[0 ..< 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) } & 0x7fff_ffff
  }
}
