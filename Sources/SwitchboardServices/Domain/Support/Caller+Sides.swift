internal import RPCCore
internal import SwitchboardCore

// Some registry methods serve both sides of a conversation (sending a message, typing,
// following) and decide by the caller's role which side acts. Each RPC is one side's, so its
// service admits only that side's roles first: an agent calling Conversations.SendMessage is
// refused instead of writing as the agent.
extension Caller {
  /// PERMISSION_DENIED unless the caller is on the customer side (a customer or a bot), the
  /// roles of the Conversations service; `rpc` names the call in the message.
  func requireCustomerSide(_ rpc: String) throws(RPCError) {
    guard role == .customer || role == .bot else {
      throw RPCError(.permissionDenied, "\(rpc) is for customers and bots, not \(role) callers")
    }
  }

  /// PERMISSION_DENIED unless the caller is an agent or a supervisor; `rpc` names the call.
  func requireStaff(_ rpc: String) throws(RPCError) {
    guard role == .agent || role == .supervisor else {
      throw RPCError(.permissionDenied, "\(rpc) is for agents and supervisors, not \(role) callers")
    }
  }

  /// PERMISSION_DENIED unless the caller is an admin; `rpc` names the call.
  func requireAdmin(_ rpc: String) throws(RPCError) {
    guard role == .admin else {
      throw RPCError(.permissionDenied, "\(rpc) is for admins, not \(role) callers")
    }
  }
}
