// The libFuzzer entry point. Tools/fuzz.sh builds this target with -sanitize=fuzzer and
// -D LIBFUZZER, which links libFuzzer's own `main`; built otherwise (as `swift build` does), the
// target is the replay tool of Replay.swift.

/// Called by libFuzzer for every input: serves it as one client connection.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  _ = FuzzedConnection.serve(UnsafeRawBufferPointer(start: data, count: size))
  return 0
}
