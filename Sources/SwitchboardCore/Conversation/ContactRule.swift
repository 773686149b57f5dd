/// Validation of the contact details a channel move uses.
enum ContactRule {
  /// The contact to use for a move to `target`: `given` with empty fields filled from `known`,
  /// and the field the target needs present and well-formed.
  static func resolve(
    target: Channel,
    given: ContactDetails,
    known: ContactDetails
  )
    throws(CoreError) -> ContactDetails
  {
    var contact = given
    if contact.email.isEmpty { contact.email = known.email }
    if contact.phoneNumber.isEmpty { contact.phoneNumber = known.phoneNumber }
    if contact.preferredChannel == nil { contact.preferredChannel = known.preferredChannel }
    switch target {
    case .phone:
      guard !contact.phoneNumber.isEmpty else {
        throw CoreError(
          .invalidArgument,
          "no phone number given and the customer's contact details have none"
        )
      }
      guard isE164(contact.phoneNumber) else {
        throw CoreError(
          .invalidArgument,
          "phone number \"\(contact.phoneNumber)\" is not in E.164 form (\"+\" then 7 to 15 digits, e.g. +4915112345678)"
        )
      }
    case .email:
      guard !contact.email.isEmpty else {
        throw CoreError(
          .invalidArgument,
          "no e-mail address given and the customer's contact details have none"
        )
      }
      guard isEmail(contact.email) else {
        throw CoreError(
          .invalidArgument,
          "e-mail address \"\(contact.email)\" is malformed (expected one \"@\" and a domain with a dot)"
        )
      }
    case .web, .mobileApp, .messaging:
      throw CoreError(
        .invalidArgument,
        "target channel \(target) is not a move target; use phone or email"
      )
    }
    return contact
  }

  /// `+` followed by 7 to 15 ASCII digits, the first not 0.
  static func isE164(_ number: String) -> Bool {
    let bytes = Array(number.utf8)
    guard bytes.first == UInt8(ascii: "+") else { return false }
    let digits = bytes.dropFirst()
    return (7 ... 15).contains(digits.count) && digits.first != UInt8(ascii: "0")
      && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  /// One `@` with a non-empty local part, and a domain with a dot that neither starts nor ends
  /// it; no whitespace.
  static func isEmail(_ address: String) -> Bool {
    let parts = address.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !address.contains(where: \.isWhitespace) else {
      return false
    }
    let domain = parts[1]
    return domain.contains(".") && domain.first != "." && domain.last != "."
  }
}
