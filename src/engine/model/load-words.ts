/**
 * A node's settings that decide how much work it makes or holds, in words, for the sentence
 * the engine stops a run with (run-diagnosis.ts): "sends 50 000 req/s" and "lower the rate"
 * for a client, "4 workers, no queue limit" and "add a queue limit" for a service.
 */
export interface LoadWords {
  /** For a source, a verb phrase ("sends 50 000 req/s"); for other nodes, a noun phrase. */
  setting: string;
  /** What to change, lower case, no full stop ("lower the rate"); '' when nothing applies. */
  advice: string;
}

/**
 * A number as people read it in a sentence: whole numbers grouped by thousands with spaces
 * ("200 000"), others with at most four significant digits ("0.001", "12.35", "1e+308").
 * Locale-free, so the same run says the same everywhere.
 */
export function quantity(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) {
    return String(Math.abs(n))
      .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
      .replace(/^/, n < 0 ? '-' : '');
  }
  return String(Number(n.toPrecision(4)));
}

/** "1 worker", "4 workers": a count and its noun (singular given; plural adds an s). */
export function counted(n: number, noun: string): string {
  return `${quantity(n)} ${n === 1 ? noun : `${noun}s`}`;
}

/** "4 workers, no queue limit" / "8 connections, queue limit 100", and the advice with it. */
export function poolWords(size: number, noun: string, queueCapacity: number | null): LoadWords {
  const limit =
    queueCapacity === null ? 'no queue limit' : `queue limit ${quantity(queueCapacity)}`;
  return {
    setting: `${counted(size, noun)}, ${limit}`,
    advice: queueCapacity === null ? 'add a queue limit' : '',
  };
}
