// Keeps a process's output within a byte budget: the first half and the last half survive,
// since the start says what ran and the end says how it finished.

export class CappedOutput {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private dropped = 0;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): void {
    const headLimit = Math.floor(Math.max(0, this.maxBytes) / 2);
    const tailLimit = Math.max(0, this.maxBytes) - headLimit;
    let rest = chunk;
    if (this.headBytes < headLimit) {
      const take = rest.subarray(0, headLimit - this.headBytes);
      this.head.push(take);
      this.headBytes += take.length;
      rest = rest.subarray(take.length);
    }
    if (rest.length === 0) return;
    this.tail.push(rest);
    this.tailBytes += rest.length;
    // Drop whole chunks, then trim the first, until the tail fits again.
    while (this.tailBytes > tailLimit) {
      const first = this.tail[0];
      if (!first) break;
      const excess = this.tailBytes - tailLimit;
      if (first.length <= excess) {
        this.tail.shift();
        this.tailBytes -= first.length;
        this.dropped += first.length;
      } else {
        this.tail[0] = first.subarray(excess);
        this.tailBytes -= excess;
        this.dropped += excess;
      }
    }
  }

  get truncated(): boolean {
    return this.dropped > 0;
  }

  text(): string {
    const head = decode(this.head);
    const tail = decode(this.tail);
    if (!this.truncated) return head + tail;
    return `${head}\n… [${this.dropped} bytes of output omitted] …\n${tail}`;
  }
}

/** Decodes chunks as one: a character split across chunks must not become two replacement marks. */
function decode(chunks: readonly Buffer[]): string {
  const all = Buffer.alloc(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all.toString('utf8');
}
