const MAX_REASON_CHARS = 120;

/** 1-based line and column of a 0-based character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}

/**
 * Turns a JSON.parse failure into one sentence with a line and column where the engine says
 * where it stopped. Browsers word this differently (V8: "at position N", sometimes with
 * "(line L column C)"; Firefox: "at line L column C of the JSON data"), so each form is read.
 */
export function jsonSyntaxMessage(err: unknown, text: string): string {
  const raw = err instanceof Error ? err.message : '';
  let where: { line: number; column: number } | undefined;
  const lineCol = /line (\d+) column (\d+)/.exec(raw);
  const position = /at position (\d+)/.exec(raw);
  if (lineCol) where = { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  else if (position) where = lineColumnAt(text, Number(position[1]));

  const reason = raw
    .replace(/^JSON(\.parse:| Parse error:)\s*/, '')
    .replace(/\s+in JSON at position \d+.*$/s, '')
    .replace(/\s+at line \d+ column \d+ of the JSON data$/, '')
    // V8 quotes the offending text back; it may be huge or hostile, so drop it.
    .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
    .slice(0, MAX_REASON_CHARS)
    .trim();
  const because = reason ? `: ${reason}` : '';
  const at = where ? ` (line ${where.line}, column ${where.column})` : '';
  return `not valid JSON${because}${at}`;
}
