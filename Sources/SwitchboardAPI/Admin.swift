// Swift types for Protos/switchboard/v1/admin.proto.

public import ProtoWire

// Admin: configuration of Switchboard. Queues, agents, resolution categories, survey settings and
// access tokens. Changes take effect immediately and are journaled.

/// Request of `Admin.CreateQueue`.
public struct CreateQueueRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.CreateQueueRequest"
  /// The queue; `version` and `updatedAt` are ignored.
  public var queue: QueueConfig? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(queue, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&queue, wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Admin.CreateQueue`.
public struct CreateQueueResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.CreateQueueResponse"
  /// The stored queue, version 1.
  public var queue: QueueConfig? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(queue, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&queue, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Admin.UpdateQueue`.
public struct UpdateQueueRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.UpdateQueueRequest"
  /// The full new configuration; its `queueID` names the queue.
  public var queue: QueueConfig? = nil
  /// The version read before modifying; 0 skips the check.
  public var expectedVersion: UInt64 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(queue, 1)
    visitor.uint64(expectedVersion, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&queue, wireType)
    case 2: expectedVersion = try decoder.uint64(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Admin.UpdateQueue`.
public struct UpdateQueueResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.UpdateQueueResponse"
  /// The stored queue with its new version.
  public var queue: QueueConfig? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(queue, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&queue, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Admin.DeleteQueue`.
public struct DeleteQueueRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.DeleteQueueRequest"
  /// The queue to delete.
  public var queueID: String = ""
  /// Queue that receives conversations still waiting; empty if none are expected.
  public var drainToQueueID: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(queueID, 1)
    visitor.string(drainToQueueID, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: queueID = try decoder.string(wireType)
    case 2: drainToQueueID = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Admin.DeleteQueue`.
public struct DeleteQueueResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.DeleteQueueResponse"
  /// Conversations moved to the drain queue.
  public var drainedConversations: UInt32 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.uint32(drainedConversations, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: drainedConversations = try decoder.uint32(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Admin.ListQueues`.
public struct AdminListQueuesRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AdminListQueuesRequest"
  /// Maximum results per page (1...200; 0 means 100).
  public var pageSize: Int32 = 0
  /// Token from a previous response; empty for the first page.
  public var pageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.int32(pageSize, 1)
    visitor.string(pageToken, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: pageSize = try decoder.int32(wireType)
    case 2: pageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Admin.ListQueues`.
public struct AdminListQueuesResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AdminListQueuesResponse"
  /// Queue configurations ordered by id.
  public var queues: [QueueConfig] = []
  /// Token for the next page; empty when there is none.
  public var nextPageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeatedMessage(queues, 1)
    visitor.string(nextPageToken, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeatedMessage(&queues, wireType)
    case 2: nextPageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Admin.UpsertAgent`.
public struct UpsertAgentRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.UpsertAgentRequest"
  /// The full profile; `updatedAt` is ignored.
  public var agent: AgentProfile? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(agent, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&agent, wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Admin.UpsertAgent`.
public struct UpsertAgentResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.UpsertAgentResponse"
  /// The stored profile.
  public var agent: AgentProfile? = nil
  /// True if the agent did not exist before.
  public var created: Bool = false
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(agent, 1)
    visitor.bool(created, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&agent, wireType)
    case 2: created = try decoder.bool(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Admin.DeleteAgent`.
public struct DeleteAgentRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.DeleteAgentRequest"
  /// The agent to delete.
  public var agentID: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(agentID, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: agentID = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Admin.DeleteAgent`.
public struct DeleteAgentResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.DeleteAgentResponse"
  /// Tokens revoked with the agent.
  public var revokedTokens: UInt32 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.uint32(revokedTokens, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: revokedTokens = try decoder.uint32(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Admin.ListAgents`.
public struct AdminListAgentsRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AdminListAgentsRequest"
  /// Only agents of this queue; empty means all.
  public var queueID: String = ""
  /// Only this role; unspecified means agents and supervisors.
  public var role: Role = .unspecified
  /// Maximum results per page (1...200; 0 means 100).
  public var pageSize: Int32 = 0
  /// Token from a previous response; empty for the first page.
  public var pageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(queueID, 1)
    visitor.enum(role, 2)
    visitor.int32(pageSize, 3)
    visitor.string(pageToken, 4)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: queueID = try decoder.string(wireType)
    case 2: role = try decoder.enum(wireType)
    case 3: pageSize = try decoder.int32(wireType)
    case 4: pageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Admin.ListAgents`.
public struct AdminListAgentsResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.AdminListAgentsResponse"
  /// Agent profiles ordered by id.
  public var agents: [AgentProfile] = []
  /// Token for the next page; empty when there is none.
  public var nextPageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeatedMessage(agents, 1)
    visitor.string(nextPageToken, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeatedMessage(&agents, wireType)
    case 2: nextPageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Admin.SetResolutionCategories`.
public struct SetResolutionCategoriesRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SetResolutionCategoriesRequest"
  /// The complete new set of active categories; their `active` flags are ignored.
  public var categories: [ResolutionCategory] = []
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeatedMessage(categories, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeatedMessage(&categories, wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Admin.SetResolutionCategories`.
public struct SetResolutionCategoriesResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SetResolutionCategoriesResponse"
  /// All categories now stored, retired ones included.
  public var categories: [ResolutionCategory] = []
  /// How many categories were retired by this call.
  public var retiredCount: UInt32 = 0
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeatedMessage(categories, 1)
    visitor.uint32(retiredCount, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeatedMessage(&categories, wireType)
    case 2: retiredCount = try decoder.uint32(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Admin.ListResolutionCategories`.
public struct ListResolutionCategoriesRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ListResolutionCategoriesRequest"
  /// If true, retired categories are included.
  public var includeRetired: Bool = false
  /// Maximum results per page (1...200; 0 means 200).
  public var pageSize: Int32 = 0
  /// Token from a previous response; empty for the first page.
  public var pageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.bool(includeRetired, 1)
    visitor.int32(pageSize, 2)
    visitor.string(pageToken, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: includeRetired = try decoder.bool(wireType)
    case 2: pageSize = try decoder.int32(wireType)
    case 3: pageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Admin.ListResolutionCategories`.
public struct ListResolutionCategoriesResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.ListResolutionCategoriesResponse"
  /// Categories in display order.
  public var categories: [ResolutionCategory] = []
  /// Token for the next page; empty when there is none.
  public var nextPageToken: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.repeatedMessage(categories, 1)
    visitor.string(nextPageToken, 2)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.repeatedMessage(&categories, wireType)
    case 2: nextPageToken = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Admin.GetSurveySettings`. No fields; there is one global survey configuration.
public struct GetSurveySettingsRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.GetSurveySettingsRequest"
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    false
  }
}

/// Response of `Admin.GetSurveySettings`.
public struct GetSurveySettingsResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.GetSurveySettingsResponse"
  /// The current settings.
  public var settings: SurveySettings? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(settings, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&settings, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Admin.SetSurveySettings`.
public struct SetSurveySettingsRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SetSurveySettingsRequest"
  /// The new settings.
  public var settings: SurveySettings? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(settings, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&settings, wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Admin.SetSurveySettings`.
public struct SetSurveySettingsResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.SetSurveySettingsResponse"
  /// The stored settings.
  public var settings: SurveySettings? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(settings, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&settings, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Admin.CreateAccessToken`.
public struct CreateAccessTokenRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.CreateAccessTokenRequest"
  /// The role the token grants.
  public var role: Role = .unspecified
  /// Whom it identifies: agent id for agents and supervisors, bot id, customer id, admin name, or
  /// an integration's name for admin tokens used by Events consumers.
  public var subject: String = ""
  /// For customer tokens only: the one conversation it may touch; empty for an unscoped customer
  /// token that may only call `StartConversation`.
  public var conversationID: String = ""
  /// Lifetime; unset means the role's default (customer 24 h, others 12 h).
  public var ttl: ProtoDuration? = nil
  /// Free-text label shown in audit logs ("crm-connector prod").
  public var description: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.enum(role, 1)
    visitor.string(subject, 2)
    visitor.string(conversationID, 3)
    visitor.message(ttl, 4)
    visitor.string(description, 5)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: role = try decoder.enum(wireType)
    case 2: subject = try decoder.string(wireType)
    case 3: conversationID = try decoder.string(wireType)
    case 4: try decoder.message(&ttl, wireType)
    case 5: description = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Admin.CreateAccessToken`.
public struct CreateAccessTokenResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.CreateAccessTokenResponse"
  /// Id used to revoke the token.
  public var tokenID: String = ""
  /// The bearer token; shown only here.
  public var token: String = ""
  /// When it expires.
  public var expiresAt: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(tokenID, 1)
    visitor.string(token, 2)
    visitor.message(expiresAt, 3)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: tokenID = try decoder.string(wireType)
    case 2: token = try decoder.string(wireType)
    case 3: try decoder.message(&expiresAt, wireType)
    default: return false
    }
    return true
  }
}

/// Request of `Admin.RevokeAccessToken`.
public struct RevokeAccessTokenRequest: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.RevokeAccessTokenRequest"
  /// The token id from `CreateAccessTokenResponse`.
  public var tokenID: String = ""
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.string(tokenID, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: tokenID = try decoder.string(wireType)
    default: return false
    }
    return true
  }
}

/// Response of `Admin.RevokeAccessToken`.
public struct RevokeAccessTokenResponse: ProtoMessage {
  public static let protoMessageName = "switchboard.v1.RevokeAccessTokenResponse"
  /// When it was revoked (the original time if it was already revoked).
  public var revokedAt: ProtoTimestamp? = nil
  public var unknownFields = UnknownFields()
  public init() {}

  public func traverse<V: FieldVisitor>(_ visitor: inout V) {
    visitor.message(revokedAt, 1)
    visitor.unknown(unknownFields)
  }

  public mutating func decodeField(
    _ number: Int, _ wireType: WireType, _ decoder: inout WireDecoder
  ) throws(WireFormatError) -> Bool {
    switch number {
    case 1: try decoder.message(&revokedAt, wireType)
    default: return false
    }
    return true
  }
}

extension SwitchboardV1 {
  /// Every message type of `switchboard/v1/admin.proto`.
  public static let adminMessageTypes: [any ProtoMessage.Type] = [
    CreateQueueRequest.self, CreateQueueResponse.self,
    UpdateQueueRequest.self, UpdateQueueResponse.self,
    DeleteQueueRequest.self, DeleteQueueResponse.self,
    AdminListQueuesRequest.self, AdminListQueuesResponse.self,
    UpsertAgentRequest.self, UpsertAgentResponse.self,
    DeleteAgentRequest.self, DeleteAgentResponse.self,
    AdminListAgentsRequest.self, AdminListAgentsResponse.self,
    SetResolutionCategoriesRequest.self, SetResolutionCategoriesResponse.self,
    ListResolutionCategoriesRequest.self, ListResolutionCategoriesResponse.self,
    GetSurveySettingsRequest.self, GetSurveySettingsResponse.self,
    SetSurveySettingsRequest.self, SetSurveySettingsResponse.self,
    CreateAccessTokenRequest.self, CreateAccessTokenResponse.self,
    RevokeAccessTokenRequest.self, RevokeAccessTokenResponse.self,
  ]

  /// The methods of `switchboard.v1.Admin`, the administration service: queues, agents,
  /// resolution categories, survey settings and access tokens.
  public enum Admin {
    /// The service's fully qualified name.
    public static let serviceName = "switchboard.v1.Admin"
    /// `CreateQueue`: unary.
    public static let createQueue = MethodDescriptor(
      service: serviceName, method: "CreateQueue", kind: .unary)
    /// `UpdateQueue`: unary.
    public static let updateQueue = MethodDescriptor(
      service: serviceName, method: "UpdateQueue", kind: .unary)
    /// `DeleteQueue`: unary.
    public static let deleteQueue = MethodDescriptor(
      service: serviceName, method: "DeleteQueue", kind: .unary)
    /// `ListQueues`: unary.
    public static let listQueues = MethodDescriptor(
      service: serviceName, method: "ListQueues", kind: .unary)
    /// `UpsertAgent`: unary.
    public static let upsertAgent = MethodDescriptor(
      service: serviceName, method: "UpsertAgent", kind: .unary)
    /// `DeleteAgent`: unary.
    public static let deleteAgent = MethodDescriptor(
      service: serviceName, method: "DeleteAgent", kind: .unary)
    /// `ListAgents`: unary.
    public static let listAgents = MethodDescriptor(
      service: serviceName, method: "ListAgents", kind: .unary)
    /// `SetResolutionCategories`: unary.
    public static let setResolutionCategories = MethodDescriptor(
      service: serviceName, method: "SetResolutionCategories", kind: .unary)
    /// `ListResolutionCategories`: unary.
    public static let listResolutionCategories = MethodDescriptor(
      service: serviceName, method: "ListResolutionCategories", kind: .unary)
    /// `GetSurveySettings`: unary.
    public static let getSurveySettings = MethodDescriptor(
      service: serviceName, method: "GetSurveySettings", kind: .unary)
    /// `SetSurveySettings`: unary.
    public static let setSurveySettings = MethodDescriptor(
      service: serviceName, method: "SetSurveySettings", kind: .unary)
    /// `CreateAccessToken`: unary.
    public static let createAccessToken = MethodDescriptor(
      service: serviceName, method: "CreateAccessToken", kind: .unary)
    /// `RevokeAccessToken`: unary.
    public static let revokeAccessToken = MethodDescriptor(
      service: serviceName, method: "RevokeAccessToken", kind: .unary)
    /// Every method of the service.
    public static let methods = [
      createQueue, updateQueue, deleteQueue, listQueues, upsertAgent, deleteAgent, listAgents,
      setResolutionCategories, listResolutionCategories, getSurveySettings, setSurveySettings,
      createAccessToken, revokeAccessToken,
    ]
  }
}
