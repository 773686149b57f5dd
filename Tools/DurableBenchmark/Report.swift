/// The figures of one mode: each is the median over its rounds.
struct ModeSummary {
  let rounds: Int
  let deliveredPerSecond: Double
  let ackedPerSecond: Double
  let ackP50: Double
  let ackP99: Double
  let deliveryP50: Double
  let deliveryP99: Double
  let serverCPU: Double
  let clientCPU: Double

  init(_ results: [RoundResult]) {
    rounds = results.count
    deliveredPerSecond = median(results.map(\.deliveredPerSecond))
    ackedPerSecond = median(results.map(\.ackedPerSecond))
    ackP50 = median(results.map { percentile($0.ackLatency, 0.50) })
    ackP99 = median(results.map { percentile($0.ackLatency, 0.99) })
    deliveryP50 = median(results.map { percentile($0.deliveryLatency, 0.50) })
    deliveryP99 = median(results.map { percentile($0.deliveryLatency, 0.99) })
    serverCPU = median(results.map(\.serverCPUPerMessage))
    clientCPU = median(results.map(\.clientCPUPerMessage))
  }
}

/// One round's line: mode, rates and latencies.
func roundLine(round: Int, mode: StoreMode, _ result: RoundResult, databaseBytes: Int) -> String {
  "# round \(round) \(mode.rawValue): \(grouped(result.deliveredPerSecond)) delivered msg/s, "
    + "\(grouped(result.ackedPerSecond)) acked msg/s; send→ack p50 \(grouped(percentile(result.ackLatency, 0.5))) µs "
    + "p99 \(grouped(percentile(result.ackLatency, 0.99))) µs; send→delivered p50 "
    + "\(grouped(percentile(result.deliveryLatency, 0.5))) µs p99 "
    + "\(grouped(percentile(result.deliveryLatency, 0.99))) µs; CPU per message: server \(grouped(result.serverCPUPerMessage)) µs, clients \(grouped(result.clientCPUPerMessage)) µs; "
    + "database \(fixed(Double(databaseBytes) / 1_048_576, 1)) MiB; "
    + "load average \(Machine.loadAverage)"
}

/// The tables of medians per mode and of ratios to the in-memory baseline.
func summaryTables(
  _ results: [(mode: StoreMode, result: RoundResult)],
  modes: [StoreMode]
)
  -> String
{
  var summaries: [StoreMode: ModeSummary] = [:]
  for mode in modes {
    summaries[mode] = ModeSummary(results.filter { $0.mode == mode }.map(\.result))
  }
  var lines = [
    "| mode | rounds | delivered msg/s | acked msg/s | send→ack p50 µs | send→ack p99 µs | send→delivered p50 µs | send→delivered p99 µs | server CPU µs/msg | client CPU µs/msg |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ]
  for mode in modes {
    let s = summaries[mode]!
    lines.append(
      "| \(label(mode)) | \(s.rounds) | \(grouped(s.deliveredPerSecond)) | \(grouped(s.ackedPerSecond)) | "
        + "\(grouped(s.ackP50)) | \(grouped(s.ackP99)) | \(grouped(s.deliveryP50)) | \(grouped(s.deliveryP99)) | "
        + "\(grouped(s.serverCPU)) | \(grouped(s.clientCPU)) |"
    )
  }
  guard let base = summaries[.memory] else { return lines.joined(separator: "\n") }
  lines += [
    "",
    "| ratio | delivered msg/s | send→ack p50 | send→ack p99 | send→delivered p50 | send→delivered p99 | added send→delivered p50 µs |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ]
  for mode in modes where mode != .memory {
    let s = summaries[mode]!
    lines.append(
      "| \(mode.rawValue)/memory | \(ratio(s.deliveredPerSecond, base.deliveredPerSecond)) | "
        + "\(ratio(s.ackP50, base.ackP50)) | \(ratio(s.ackP99, base.ackP99)) | "
        + "\(ratio(s.deliveryP50, base.deliveryP50)) | \(ratio(s.deliveryP99, base.deliveryP99)) | "
        + "\(grouped(s.deliveryP50 - base.deliveryP50)) |"
    )
  }
  return lines.joined(separator: "\n")
}

func label(_ mode: StoreMode) -> String {
  switch mode {
  case .memory: "memory (`--store memory`)"
  case .normal: "normal (`--sync normal`)"
  case .full: "full (`--sync full`)"
  }
}

/// The median of `values` (the mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  guard !sorted.isEmpty else { return .nan }
  let middle = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// The nearest-rank percentile `fraction` (0.5, 0.99) of `values`.
func percentile(_ values: [Double], _ fraction: Double) -> Double {
  let sorted = values.sorted()
  guard !sorted.isEmpty else { return .nan }
  let rank = Int((fraction * Double(sorted.count)).rounded(.up))
  return sorted[min(sorted.count, max(1, rank)) - 1]
}

/// `value` rounded to a whole number, with thousands separators: 12,345.
func grouped(_ value: Double) -> String {
  guard value.isFinite else { return "—" }
  let digits = String(Int(value.rounded()).magnitude)
  var out = ""
  for (index, digit) in digits.enumerated() {
    if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
    out.append(digit)
  }
  return (value.rounded() < 0 ? "-" : "") + out
}

/// `value` with `places` decimals.
func fixed(_ value: Double, _ places: Int) -> String {
  guard value.isFinite else { return "—" }
  var scale = 1.0
  for _ in 0 ..< places { scale *= 10 }
  let scaled = Int((value * scale).rounded())
  let whole = String(scaled.magnitude / Int(scale).magnitude)
  var fraction = String(scaled.magnitude % Int(scale).magnitude)
  while fraction.count < places { fraction = "0" + fraction }
  return (scaled < 0 ? "-" : "") + whole + (places > 0 ? "." + fraction : "")
}

/// `a / b` as `0.42×`.
func ratio(_ a: Double, _ b: Double) -> String {
  b > 0 && a.isFinite ? fixed(a / b, 2) + "×" : "—"
}
