internal import NIOCore

/// Runs tasks on a NIO event loop, so that a stream handler runs on its connection's loop and
/// talks to the connection without a thread hop.
///
/// Each job costs one `execute` on the loop, the same as NIO's own `SerialExecutor` conformance;
/// in return, resuming a handler and its calls into the transport stay on one thread.
final class EventLoopTaskExecutor: TaskExecutor {
  private let loop: any EventLoop

  init(loop: any EventLoop) {
    self.loop = loop
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    loop.execute {
      job.runSynchronously(on: self.asUnownedTaskExecutor())
    }
  }
}
