// Group commit for a store that talks to a server: what is asked for during one turn of
// the event loop goes out together at its end (setImmediate), and while a batch is at the
// server, what arrives meanwhile waits and goes out together as the next one. Under load
// the batches grow with the round trip instead of the server receiving one small
// statement per turn; when idle a request waits for nothing but its own turn's end.
export class Batcher<T> {
  private pending: T[] = [];
  private scheduled = false;
  private inFlight = 0;

  /**
   * @param send writes one batch; it must settle every item itself and never reject.
   * @param maxInFlight batches that may be at the server at once.
   */
  constructor(
    private readonly send: (batch: T[]) => Promise<void>,
    private readonly maxInFlight = 1,
  ) {}

  add(item: T): void {
    this.pending.push(item);
    this.schedule();
  }

  private schedule() {
    if (this.scheduled || this.pending.length === 0 || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.pending.length === 0 || this.inFlight >= this.maxInFlight) return;
      const batch = this.pending;
      this.pending = [];
      this.inFlight++;
      void this.send(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    });
  }
}
