extension Transcript {
  /// The customer's view of this (internal) transcript: public messages only, no bot
  /// context, transfer notes and the resolution's category, label and notes blanked, no
  /// tickets, channel moves or assistance requests — exactly what
  /// `ConversationRecord.transcript(includeInternal: false, now:)` builds, so a transcript
  /// read back from the store looks the same to the customer as one read from memory.
  public var publicView: Transcript {
    let viewer = ConversationViewer.customer
    var view = self
    view.botContext = nil
    view.messages = messages.filter(viewer.sees)
    view.transfers = transfers.map(ConversationViewer.publicTransfer)
    view.resolution = resolution.map(ConversationViewer.publicResolution)
    view.tickets = []
    view.channelMoves = []
    view.assistance = []
    return view
  }
}
