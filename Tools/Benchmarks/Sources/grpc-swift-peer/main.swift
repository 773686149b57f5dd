// grpc-swift-peer: grpc-swift-2 (GRPCServer + HTTP2ServerTransport.Posix, plaintext h2c) serving
// grpc.testing.TestService, for Tools/benchmark-grpc.sh.
// Usage: grpc-swift-peer --port N [--host 127.0.0.1]; prints "listening on PORT" once bound.

internal import GRPCCore
internal import GRPCNIOTransportHTTP2Posix

var host = "127.0.0.1"
var port = 50051
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--port": port = Int(arguments.next() ?? "") ?? port
  case "--host": host = arguments.next() ?? host
  default: fatalError("usage: grpc-swift-peer --port N [--host HOST]")
  }
}

let server = GRPCServer(
  transport: .http2NIOPosix(
    address: .ipv4(host: host, port: port), transportSecurity: .plaintext),
  services: [TestService()])

try await withThrowingDiscardingTaskGroup { group in
  group.addTask { try await server.serve() }
  if let address = try await server.listeningAddress?.ipv4 {
    print("listening on \(address.port)")
  }
}
