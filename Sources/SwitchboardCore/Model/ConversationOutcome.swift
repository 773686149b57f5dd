/// How a conversation ended.
public struct Resolution: Sendable, Hashable {
  /// Why it ended.
  public var reason: CloseReason
  /// The resolution category chosen at close; empty in the customer's view and for automatic
  /// closes (abandoned, max wait, administrative).
  public var categoryID: String
  /// The category's label at the time of closing; empty in the customer's view.
  public var categoryLabel: String
  /// The closing notes; empty in the customer's view.
  public var notes: String
  /// Who closed it; `Participant.system` for automatic closes.
  public var closedBy: Participant
  /// When it was closed.
  public var closedAt: WallTime

  /// Creates a resolution.
  public init(
    reason: CloseReason,
    categoryID: String = "",
    categoryLabel: String = "",
    notes: String = "",
    closedBy: Participant,
    closedAt: WallTime
  ) {
    self.reason = reason
    self.categoryID = categoryID
    self.categoryLabel = categoryLabel
    self.notes = notes
    self.closedBy = closedBy
    self.closedAt = closedAt
  }
}

/// The customer is invited to rate the conversation.
public struct SurveyOffer: Sendable, Hashable {
  /// The survey id to pass to `submitSurvey`.
  public var surveyID: String
  /// The question shown to the customer.
  public var prompt: String
  /// After this time `submitSurvey` fails.
  public var expiresAt: WallTime

  /// Creates a survey offer.
  public init(surveyID: String, prompt: String, expiresAt: WallTime) {
    self.surveyID = surveyID
    self.prompt = prompt
    self.expiresAt = expiresAt
  }
}

/// A customer's survey answer.
public struct SurveyResponse: Sendable, Hashable {
  /// The survey answered.
  public var surveyID: String
  /// The conversation rated.
  public var conversationID: String
  /// Rating 1 (worst) to 5 (best).
  public var rating: Int
  /// Optional free-text comment.
  public var comment: String
  /// When it was submitted.
  public var submittedAt: WallTime

  /// Creates a survey answer.
  public init(
    surveyID: String,
    conversationID: String,
    rating: Int,
    comment: String,
    submittedAt: WallTime
  ) {
    self.surveyID = surveyID
    self.conversationID = conversationID
    self.rating = rating
    self.comment = comment
    self.submittedAt = submittedAt
  }
}
