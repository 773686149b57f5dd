// The `switchboard` executable: the server and its small commands.
//
// Design: each subcommand turns its options into `ServerSettings` and a list of services, and
// `ServerRunner` does the rest the same way for all of them: logging, the router, health and
// reflection, binding, the signals that stop the server, and a graceful shutdown. Nothing here
// speaks gRPC or HTTP/2 itself; it only wires the targets that do.

internal import ArgumentParser

/// `switchboard`: the Switchboard gRPC server.
@main
struct SwitchboardCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "switchboard",
    abstract: "The Switchboard gRPC server.",
    subcommands: [
      ServeCommand.self, TokenCommand.self, TranscriptsCommand.self, InteropServerCommand.self,
    ]
  )
}
