public import RPCCore

extension RPCRouter {
  /// The fully qualified names of the services with at least one method registered, sorted: what
  /// reflection lists and the server reports health for.
  public var registeredServiceNames: [String] {
    Self.serviceNames(ofPaths: paths)
  }

  /// The distinct service names of method paths (`/package.Service/Method`), sorted.
  static func serviceNames(ofPaths paths: [String]) -> [String] {
    let names = paths.compactMap { path -> String? in
      let parts = path.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 3, parts[0].isEmpty, !parts[1].isEmpty else { return nil }
      return String(parts[1])
    }
    return Set(names).sorted()
  }
}
