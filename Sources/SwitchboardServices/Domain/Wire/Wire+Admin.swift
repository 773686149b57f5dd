// Configuration, both ways: queues, agent profiles, resolution categories and survey settings
// arrive in Admin requests and are listed back. Fields the server sets (versions, update times)
// are passed on as they come; the core ignores them where the protos say so.

internal import ProtoWire
internal import RPCCore
internal import SwitchboardAPI
internal import SwitchboardCore

extension SwitchboardCore.QueueConfig {
  var wire: SwitchboardAPI.QueueConfig {
    .with {
      $0.queueID = queueID
      $0.name = name
      $0.topics = topics
      $0.offerTimeout = offerTimeout?.wire
      $0.offerMode = offerMode.wire
      $0.maxWait = maxWait?.wire
      $0.overflowQueueID = overflowQueueID ?? ""
      $0.defaultPriority = defaultPriority.wire
      $0.supervisorIDs = supervisorIDs
      $0.requiredSkills = requiredSkills
      $0.version = version
      $0.updatedAt = updatedAt?.wire
    }
  }
}

extension SwitchboardAPI.QueueConfig {
  /// The request's queue; UNSPECIFIED offer mode and default priority take their documented
  /// defaults (single agent, normal).
  func core(_ field: String) throws(RPCError) -> SwitchboardCore.QueueConfig {
    SwitchboardCore.QueueConfig(
      queueID: queueID,
      name: name,
      topics: topics,
      offerTimeout: try offerTimeout.core("\(field).offer_timeout"),
      offerMode: try offerMode.core("\(field).offer_mode") ?? .singleAgent,
      maxWait: try maxWait.core("\(field).max_wait"),
      overflowQueueID: overflowQueueID.isEmpty ? nil : overflowQueueID,
      defaultPriority: try defaultPriority.core("\(field).default_priority") ?? .normal,
      supervisorIDs: supervisorIDs,
      requiredSkills: requiredSkills,
      version: version,
      updatedAt: try updatedAt.core("\(field).updated_at")
    )
  }
}

extension SwitchboardCore.AgentProfile {
  var wire: SwitchboardAPI.AgentProfile {
    .with {
      $0.agentID = agentID
      $0.displayName = displayName
      $0.role = role.wire
      $0.queueIDs = queueIDs
      $0.capacity = capacity
      $0.skills = skills
      $0.updatedAt = updatedAt?.wire
    }
  }
}

extension SwitchboardAPI.AgentProfile {
  /// The request's agent profile; its role must be set (the core accepts only agent and
  /// supervisor).
  func core(_ field: String) throws(RPCError) -> SwitchboardCore.AgentProfile {
    SwitchboardCore.AgentProfile(
      agentID: agentID,
      displayName: displayName,
      role: try role.required("\(field).role"),
      queueIDs: queueIDs,
      capacity: capacity,
      skills: skills,
      updatedAt: try updatedAt.core("\(field).updated_at")
    )
  }
}

extension SwitchboardCore.ResolutionCategory {
  var wire: SwitchboardAPI.ResolutionCategory {
    .with {
      $0.categoryID = categoryID
      $0.label = label
      $0.description = description
      $0.requiresNotes = requiresNotes
      $0.active = active
      $0.sortOrder = sortOrder
    }
  }
}

extension SwitchboardAPI.ResolutionCategory {
  /// The request's category, as it comes.
  var core: SwitchboardCore.ResolutionCategory {
    SwitchboardCore.ResolutionCategory(
      categoryID: categoryID,
      label: label,
      description: description,
      requiresNotes: requiresNotes,
      active: active,
      sortOrder: sortOrder
    )
  }
}

extension SwitchboardCore.SurveySettings {
  var wire: SwitchboardAPI.SurveySettings {
    .with {
      $0.enabled = enabled
      $0.responseWindow = responseWindow?.wire
      $0.prompt = prompt
    }
  }
}

extension SwitchboardAPI.SurveySettings {
  /// The request's survey settings.
  func core(_ field: String) throws(RPCError) -> SwitchboardCore.SurveySettings {
    SwitchboardCore.SurveySettings(
      enabled: enabled,
      responseWindow: try responseWindow.core("\(field).response_window"),
      prompt: prompt
    )
  }
}
