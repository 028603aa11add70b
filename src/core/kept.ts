// A bounded store of work already done, by the text it was done on: the least recently used entry goes first once
// there are too many entries or their keys hold too many characters. What lets a keystroke reuse the rest.

/** Every store made, so a benchmark can time work done cold. */
const stores = new Set<Kept<unknown>>();

/** Forgets all work kept: the next lint of any text starts cold (for `npm run bench`'s cold figures). */
export function forgetKept(): void {
  for (const store of stores) store.clear();
}

export class Kept<V> {
  private readonly entries = new Map<string, V>();
  private chars = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxChars: number,
  ) {
    stores.add(this);
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  /** The value kept for `key`, or the one `make` gives, kept from now on. */
  get(key: string, make: () => V): V {
    let value = this.entries.get(key);
    if (value !== undefined) {
      // Most recently used last, so the oldest is dropped first.
      this.entries.delete(key);
    } else {
      value = make();
      this.chars += key.length;
    }
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries || this.chars > this.maxChars) {
      const oldest = this.entries.keys().next().value!;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
    return value;
  }
}
