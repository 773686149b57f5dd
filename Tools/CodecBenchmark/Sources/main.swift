// codec-benchmark: encode and decode two real API messages with the hand-written Swift codec and
// with libprotobuf-c, side by side in one run, and print ns per message, MB/s, allocations and the
// ratio. Usage: codec-benchmark [iterations-per-round] [rounds] [profile-encode|profile-decode]
// (the profile modes loop over the offer notification's Swift encode or decode only, for perf).
internal import CodecBenchmarkSupport
internal import Glibc
internal import ProtoWire
internal import ProtobufCReference
internal import SwitchboardAPI

let arguments = CommandLine.arguments
let iterations = arguments.count > 1 ? UInt64(arguments[1]) ?? 200_000 : 200_000
let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5

/// Median of the rounds' figures.
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

/// Runs `body` `iterations` times and returns (ns per call, allocations per call).
@inline(never)
func measure(_ body: () -> Int) -> (ns: Double, allocations: Double, sink: Int) {
  var sink = 0
  let allocationsBefore = cbench_allocations()
  cbench_count_allocations(1)
  let start = cbench_now_ns()
  for _ in 0..<iterations { sink &+= body() }
  let end = cbench_now_ns()
  cbench_count_allocations(0)
  let allocations = Double(cbench_allocations() - allocationsBefore) / Double(iterations)
  return (Double(end - start) / Double(iterations), allocations, sink)
}

struct Row {
  var name: String
  var size: Int
  var swiftEncode: [Double] = []
  var swiftEncodeArray: [Double] = []
  var swiftDecode: [Double] = []
  var cEncode: [Double] = []
  var cDecode: [Double] = []
  var swiftEncodeAllocations = 0.0
  var swiftEncodeArrayAllocations = 0.0
  var swiftDecodeAllocations = 0.0
  var cEncodeAllocations = 0.0
  var cDecodeAllocations = 0.0
}

func run<M: ProtoMessage>(_ message: M, name: String) -> Row {
  let bytes = message.serializedBytes()
  guard let descriptor = pbref_find_message(M.protoMessageName) else {
    fatalError("libprotobuf-c has no descriptor for \(M.protoMessageName)")
  }
  guard (try? M(serializedBytes: bytes)) == message else {
    fatalError("\(name) does not round-trip through the Swift codec")
  }
  var row = Row(name: name, size: bytes.count)
  let output = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 8)
  defer { output.deallocate() }
  var sink = 0
  for _ in 0..<rounds {
    let encode = measure { message.serialize(into: output) }
    let encodeArray = measure { message.serializedBytes().count }
    let decode = bytes.withUnsafeBytes { raw in
      measure { (try? M(serializedBytes: raw)) == nil ? 0 : 1 }
    }
    var figures = cbench_figures()
    let status = bytes.withUnsafeBufferPointer {
      cbench_protobuf_c(UnsafeRawPointer(descriptor), $0.baseAddress, $0.count, iterations, &figures)
    }
    guard status == 0 else { fatalError("libprotobuf-c does not reproduce \(name)'s bytes") }
    sink &+= encode.sink &+ encodeArray.sink &+ decode.sink
    row.swiftEncode.append(encode.ns)
    row.swiftEncodeArray.append(encodeArray.ns)
    row.swiftDecode.append(decode.ns)
    row.cEncode.append(figures.encode_ns)
    row.cDecode.append(figures.decode_ns)
    row.swiftEncodeAllocations = encode.allocations
    row.swiftEncodeArrayAllocations = encodeArray.allocations
    row.swiftDecodeAllocations = decode.allocations
    row.cEncodeAllocations = figures.encode_allocations
    row.cDecodeAllocations = figures.decode_allocations
  }
  precondition(sink != 0)
  return row
}

func format(_ value: Double, _ decimals: Int = 1) -> String {
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  let rounded = (value * scale).rounded() / scale
  return "\(rounded)"
}

func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

if arguments.count > 3 {
  let message = BenchmarkMessages.offerNotification
  let bytes = message.serializedBytes()
  var sink = 0
  for _ in 0..<iterations {
    if arguments[3] == "profile-encode" {
      sink &+= message.serializedBytes().count
    } else {
      sink &+= (try? NotificationsResponse(serializedBytes: bytes)) == nil ? 0 : 1
    }
  }
  print("\(arguments[3]): \(iterations) iterations, checksum \(sink)")
  exit(0)
}

print("command: \(arguments.joined(separator: " "))")
print("conditions: release build, \(iterations) iterations x \(rounds) rounds, median of rounds;")
print("  Swift and libprotobuf-c alternate within each round on the same thread and core;")
print("  encode = size + write into a preallocated buffer; encode+array also allocates the output;")
print("  decode = parse into a value (Swift) / unpack + free_unpacked (libprotobuf-c)")
let rows = [
  run(BenchmarkMessages.offerNotification, name: "offer notification"),
  run(BenchmarkMessages.messageEvent, name: "message event"),
]
print("")
print(
  "| message | bytes | op | Swift ns | protobuf-c ns | speed-up | Swift MB/s | protobuf-c MB/s | Swift allocs | protobuf-c allocs |"
)
print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|")
for row in rows {
  let lines: [(String, Double, Double, Double, Double)] = [
    ("encode", median(row.swiftEncode), median(row.cEncode), row.swiftEncodeAllocations, row.cEncodeAllocations),
    ("encode+array", median(row.swiftEncodeArray), median(row.cEncode), row.swiftEncodeArrayAllocations, row.cEncodeAllocations),
    ("decode", median(row.swiftDecode), median(row.cDecode), row.swiftDecodeAllocations, row.cDecodeAllocations),
  ]
  for (op, swift, c, swiftAllocations, cAllocations) in lines {
    let megabytes = { (ns: Double) in Double(row.size) / ns * 1_000 }
    print(
      "| \(row.name) | \(row.size) | \(op) | \(format(swift)) | \(format(c)) | \(format(c / swift, 2))x | "
        + "\(format(megabytes(swift), 0)) | \(format(megabytes(c), 0)) | \(format(swiftAllocations, 2)) | \(format(cAllocations, 2)) |"
    )
  }
}
