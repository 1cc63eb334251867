import { describe, expect, it } from 'vitest';
import { jsonSyntaxMessage, lineColumnAt } from './json-syntax.ts';

function parseError(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (err) {
    return err;
  }
  throw new Error('expected invalid JSON');
}

describe('jsonSyntaxMessage', () => {
  it('computes line and column from an offset', () => {
    expect(lineColumnAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('reads this runtime’s own message', () => {
    const text = '{\n  "a": 1,\n}';
    expect(jsonSyntaxMessage(parseError(text), text)).toMatch(
      /^not valid JSON: .+\(line 3, column 1\)$/,
    );
  });

  it('reads newer V8 and Firefox wordings', () => {
    const v8 = new SyntaxError(
      "Expected ',' or '}' after property value in JSON at position 13 (line 2 column 9)",
    );
    expect(jsonSyntaxMessage(v8, '')).toBe(
      "not valid JSON: Expected ',' or '}' after property value (line 2, column 9)",
    );
    const firefox = new SyntaxError(
      "JSON.parse: expected ',' or '}' after property value in object at line 3 column 3 of the JSON data",
    );
    expect(jsonSyntaxMessage(firefox, '')).toBe(
      "not valid JSON: expected ',' or '}' after property value in object (line 3, column 3)",
    );
  });

  it('does not echo the offending text back', () => {
    const text = `{"a": tru${'x'.repeat(500)}}`;
    const message = jsonSyntaxMessage(parseError(text), text);
    expect(message).not.toContain('xxxxxxxx');
    expect(message.length).toBeLessThan(200);
  });

  it('copes with non-errors', () => {
    expect(jsonSyntaxMessage('boom', '')).toBe('not valid JSON');
  });
});
