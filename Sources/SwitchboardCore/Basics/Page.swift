/// One page of a listing and the token for the next page (empty when there is none).
public struct Page<Item: Sendable>: Sendable {
  /// The items of this page.
  public var items: [Item]
  /// Pass it back to get the next page; empty on the last page.
  public var nextPageToken: String

  /// A page with its items and next-page token.
  public init(items: [Item], nextPageToken: String) {
    self.items = items
    self.nextPageToken = nextPageToken
  }
}

extension Page: Equatable where Item: Equatable {}

/// A validated paging request: how many items and from which offset.
///
/// Page tokens are opaque to clients; here they are the decimal offset of the next item,
/// prefixed with `p` so that an arbitrary string is recognizably malformed.
struct PageRequest: Sendable, Equatable {
  /// Items per page.
  var size: Int
  /// Index of the first item of the page.
  var offset: Int

  /// Validates a client's page size (`0` means `defaultSize`, otherwise `1...maximumSize`) and
  /// page token.
  init(size requested: Int, token: String, defaultSize: Int, maximumSize: Int) throws(CoreError) {
    guard requested >= 0, requested <= maximumSize else {
      throw CoreError(
        .invalidArgument, "page_size \(requested) is outside 0...\(maximumSize) (0 means \(defaultSize))")
    }
    size = requested == 0 ? defaultSize : requested
    if token.isEmpty {
      offset = 0
    } else {
      guard token.first == "p", let value = Int(token.dropFirst()), value >= 0 else {
        throw CoreError(.invalidArgument, "page_token \"\(token)\" is malformed; pass back a next_page_token unchanged")
      }
      offset = value
    }
  }

  /// The page of `items` (already filtered and ordered) this request selects.
  func page<Item>(of items: [Item]) -> Page<Item> {
    guard offset < items.count else { return Page(items: [], nextPageToken: "") }
    let end = min(items.count, offset + size)
    return Page(items: Array(items[offset..<end]), nextPageToken: end < items.count ? "p\(end)" : "")
  }
}
