// Swift types for Protos/grpc/testing/test.proto.

public import ProtoWire

extension GRPCTesting {
  /// Every message type of `grpc/testing/test.proto`: none, the file declares only services.
  public static let testMessageTypes: [any ProtoMessage.Type] = []

  /// The methods of `grpc.testing.TestService`, a simple service to test the various types of RPCs
  /// and experiment with performance with various types of payload.
  public enum TestService {
    /// The service's fully qualified name.
    public static let serviceName = "grpc.testing.TestService"
    /// `EmptyCall`: unary.
    public static let emptyCall = MethodDescriptor(
      service: serviceName, method: "EmptyCall", kind: .unary)
    /// `UnaryCall`: unary.
    public static let unaryCall = MethodDescriptor(
      service: serviceName, method: "UnaryCall", kind: .unary)
    /// `CacheableUnaryCall`: unary.
    public static let cacheableUnaryCall = MethodDescriptor(
      service: serviceName, method: "CacheableUnaryCall", kind: .unary)
    /// `StreamingOutputCall`: server streaming.
    public static let streamingOutputCall = MethodDescriptor(
      service: serviceName, method: "StreamingOutputCall", kind: .serverStreaming)
    /// `StreamingInputCall`: client streaming.
    public static let streamingInputCall = MethodDescriptor(
      service: serviceName, method: "StreamingInputCall", kind: .clientStreaming)
    /// `FullDuplexCall`: bidirectional streaming.
    public static let fullDuplexCall = MethodDescriptor(
      service: serviceName, method: "FullDuplexCall", kind: .bidirectionalStreaming)
    /// `HalfDuplexCall`: bidirectional streaming.
    public static let halfDuplexCall = MethodDescriptor(
      service: serviceName, method: "HalfDuplexCall", kind: .bidirectionalStreaming)
    /// `UnimplementedCall`: unary.
    public static let unimplementedCall = MethodDescriptor(
      service: serviceName, method: "UnimplementedCall", kind: .unary)
    /// Every method of the service.
    public static let methods = [
      emptyCall, unaryCall, cacheableUnaryCall, streamingOutputCall, streamingInputCall,
      fullDuplexCall, halfDuplexCall, unimplementedCall,
    ]
  }

  /// The methods of `grpc.testing.UnimplementedService`, a service NOT implemented at servers so
  /// clients can test for that case.
  public enum UnimplementedService {
    /// The service's fully qualified name.
    public static let serviceName = "grpc.testing.UnimplementedService"
    /// `UnimplementedCall`: unary.
    public static let unimplementedCall = MethodDescriptor(
      service: serviceName, method: "UnimplementedCall", kind: .unary)
    /// Every method of the service.
    public static let methods = [unimplementedCall]
  }

  /// The methods of `grpc.testing.ReconnectService`, a service used to control reconnect server.
  public enum ReconnectService {
    /// The service's fully qualified name.
    public static let serviceName = "grpc.testing.ReconnectService"
    /// `Start`: unary.
    public static let start = MethodDescriptor(
      service: serviceName, method: "Start", kind: .unary)
    /// `Stop`: unary.
    public static let stop = MethodDescriptor(
      service: serviceName, method: "Stop", kind: .unary)
    /// Every method of the service.
    public static let methods = [start, stop]
  }
}
