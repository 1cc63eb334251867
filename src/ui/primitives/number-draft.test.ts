import { describe, expect, it } from 'vitest';
import { commitStep, parseNumberDraft, type CommitRules, type Draft } from './number-draft.ts';

describe('parseNumberDraft', () => {
  it('reads numbers, ignoring surrounding spaces', () => {
    expect(parseNumberDraft('42', {})).toEqual({ ok: true, value: 42 });
    expect(parseNumberDraft(' 7.5 ', {})).toEqual({ ok: true, value: 7.5 });
    expect(parseNumberDraft('-3', {})).toEqual({ ok: true, value: -3 });
  });

  it('refuses text that is not a finite number', () => {
    const refused = { ok: false, error: 'must be a number' };
    expect(parseNumberDraft('abc', {})).toEqual(refused);
    expect(parseNumberDraft('Infinity', {})).toEqual(refused);
    expect(parseNumberDraft('1,5', {})).toEqual(refused);
  });

  it('refuses an empty field unless empty is allowed, then it means null', () => {
    expect(parseNumberDraft('  ', {})).toEqual({ ok: false, error: 'must be a number' });
    expect(parseNumberDraft('', { allowEmpty: true })).toEqual({ ok: true, value: null });
  });

  it('checks whole numbers, then the lower and upper bound', () => {
    const rules = { integer: true, min: 0, max: 10 };
    expect(parseNumberDraft('1.5', rules)).toEqual({ ok: false, error: 'must be a whole number' });
    expect(parseNumberDraft('-1', rules)).toEqual({ ok: false, error: 'must be ≥ 0' });
    expect(parseNumberDraft('11', rules)).toEqual({ ok: false, error: 'must be ≤ 10' });
    expect(parseNumberDraft('0', rules)).toEqual({ ok: true, value: 0 });
    expect(parseNumberDraft('10', rules)).toEqual({ ok: true, value: 10 });
    expect(parseNumberDraft('1.5', { min: 0 })).toEqual({ ok: true, value: 1.5 });
  });
});

describe('commitStep', () => {
  const draft = (text: string, extra: Partial<Draft> = {}): Draft => ({
    text,
    base: 5,
    error: null,
    refused: null,
    ...extra,
  });
  const rules = (extra: Partial<CommitRules> = {}): CommitRules => ({
    parse: (t) => parseNumberDraft(t, { min: 0, allowEmpty: true }),
    followValue: false,
    ...extra,
  });

  it('applies a parsed value, null included', () => {
    expect(commitStep(draft('8'), 5, rules())).toEqual({ kind: 'apply', value: 8 });
    expect(commitStep(draft(''), 5, rules())).toEqual({ kind: 'apply', value: null });
  });

  it('refuses what the parse or the client check refuses', () => {
    expect(commitStep(draft('-1'), 5, rules())).toEqual({ kind: 'refuse', error: 'must be ≥ 0' });
    const validate = (v: number) => (v > 6 ? 'too big' : null);
    expect(commitStep(draft('8'), 5, rules({ validate }))).toEqual({
      kind: 'refuse',
      error: 'too big',
    });
    expect(commitStep(draft(''), 5, rules({ validate }))).toEqual({ kind: 'apply', value: null });
  });

  it('without followValue, always hands the value on, even unchanged or refused before', () => {
    expect(commitStep(draft('5'), 5, rules())).toEqual({ kind: 'apply', value: 5 });
    const again = draft('8', { error: 'no', refused: '8' });
    expect(commitStep(again, 5, rules())).toEqual({ kind: 'apply', value: 8 });
  });

  it('with followValue, drops an unchanged value before the client check', () => {
    const validate = () => 'always refused';
    expect(commitStep(draft('5'), 5, rules({ followValue: true, validate }))).toEqual({
      kind: 'drop',
    });
  });

  it('with followValue, does not send a refused text twice', () => {
    const follow = rules({ followValue: true });
    expect(commitStep(draft('8', { error: 'no', refused: '8' }), 5, follow)).toEqual({
      kind: 'none',
    });
    expect(commitStep(draft('9', { error: 'no', refused: '8' }), 5, follow)).toEqual({
      kind: 'apply',
      value: 9,
    });
  });
});
