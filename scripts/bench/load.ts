// A small closed-loop HTTP load generator: `connections` keep-alive connections on
// loopback, each sending the next request as soon as the previous answer arrives, for a
// fixed time. Latencies go into a fixed-size log-linear histogram (bounded memory however
// long the run).
import http from "node:http";

export type LoadOptions = { url: string; headers?: Record<string, string>; connections: number; durationMs: number };
export type LoadResult = { requests: number; errors: number; statuses: Record<number, number>; seconds: number; histogram: Histogram };

/** Microsecond latencies: 1 µs resolution to 1 ms, then 1% steps, up to 60 s. */
export class Histogram {
  private readonly counts = new Float64Array(4096);
  total = 0;
  sum = 0;

  private static index(us: number): number {
    if (us < 1000) return Math.max(0, Math.floor(us));
    return Math.min(4095, 1000 + Math.floor(Math.log(us / 1000) / Math.log(1.01)));
  }

  private static value(index: number): number {
    return index < 1000 ? index : 1000 * 1.01 ** (index - 1000 + 0.5);
  }

  record(us: number) {
    this.counts[Histogram.index(us)]++;
    this.total++;
    this.sum += us;
  }

  merge(other: Histogram) {
    for (let i = 0; i < this.counts.length; i++) this.counts[i] += other.counts[i];
    this.total += other.total;
    this.sum += other.sum;
  }

  /** The latency (ms) below which `q` of the samples fall. */
  quantile(q: number): number {
    const target = q * this.total;
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i];
      if (seen >= target && this.counts[i] > 0) return Histogram.value(i) / 1000;
    }
    return 0;
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  if (url.hostname !== "127.0.0.1" && url.hostname !== "localhost") throw new Error("the load generator only targets loopback");
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const histogram = new Histogram();
  const statuses: Record<number, number> = {};
  let requests = 0;
  let errors = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + options.durationMs;

  const once = () =>
    new Promise<void>((resolve) => {
      const t0 = process.hrtime.bigint();
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, agent, headers: options.headers }, (res) => {
        res.on("data", () => undefined);
        res.on("end", () => {
          histogram.record(Number(process.hrtime.bigint() - t0) / 1000);
          statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
          requests++;
          resolve();
        });
      });
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end();
    });

  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (Date.now() < deadline) await once();
    }),
  );
  agent.destroy();
  return { requests, errors, statuses, seconds: Number(process.hrtime.bigint() - started) / 1e9, histogram };
}
