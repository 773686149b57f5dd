extension ResolutionCategory {
  /// Id of the built-in category a phone channel move closes with.
  public static let movedToPhoneID = "moved-to-phone"
  /// Id of the built-in category an e-mail channel move closes with.
  public static let movedToEmailID = "moved-to-email"

  /// The categories every registry has; they cannot be retired.
  static let builtIns = [
    ResolutionCategory(
      categoryID: movedToPhoneID, label: "Moved to phone",
      description: "The customer will be contacted by phone.", sortOrder: 1000),
    ResolutionCategory(
      categoryID: movedToEmailID, label: "Moved to e-mail",
      description: "The customer will be contacted by e-mail.", sortOrder: 1001),
  ]

  /// True for the built-in categories.
  var isBuiltIn: Bool {
    categoryID == Self.movedToPhoneID || categoryID == Self.movedToEmailID
  }
}
