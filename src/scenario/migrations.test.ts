import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, MIGRATIONS, migrate, type Migration } from './migrations.ts';
import { createTestRegistry } from './test-registry.ts';
import { exampleDoc } from './test-fixtures.ts';
import { parseScenario } from './validate.ts';

const registry = createTestRegistry();

/** A pretend version 0 that called `durationMs` `lengthMs`. */
const renameLength: Migration = ({ lengthMs, ...rest }) => ({ ...rest, durationMs: lengthMs });

function v0Doc(): Record<string, unknown> {
  const { durationMs, ...rest } = exampleDoc();
  return { ...rest, version: 0, lengthMs: durationMs };
}

describe('migrations', () => {
  it('the current format is version 1 and has no migrations yet', () => {
    expect(CURRENT_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual({});
  });

  it('upgrades a fake version 0 document through an injected migration', () => {
    const doc = v0Doc();
    const result = parseScenario(doc, registry, { migrations: { 0: renameLength } });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.version).toBe(1);
    expect(result.scenario.durationMs).toBe(120000);
    expect(doc['lengthMs']).toBe(120000); // the caller's document is untouched
  });

  it('without the migration, version 0 is refused', () => {
    const result = parseScenario(v0Doc(), registry);
    expect(result.ok || result.errors).toEqual([
      { path: 'version', message: 'cannot read version 0: no migration from version 0 to 1' },
    ]);
  });

  it('chains migrations and sets the version after each step', () => {
    const seen: unknown[] = [];
    const record: Migration = (doc) => {
      seen.push(doc['version']);
      return doc;
    };
    const result = migrate({ version: 0 }, { 0: record, 1: record }, 2);
    expect(result).toEqual({ ok: true, doc: { version: 2 }, fromVersion: 0 });
    expect(seen).toEqual([0, 1]);
  });

  it('refuses a document from a newer Faultline', () => {
    const doc = { ...exampleDoc(), version: 3 };
    const result = parseScenario(doc, registry);
    expect(result.ok || result.errors).toEqual([
      {
        path: '',
        message:
          'this scenario was made by a newer version of Faultline (version 3; this app reads up to 1)',
      },
    ]);
  });

  it('requires an integer version', () => {
    for (const version of [1.5, '1', null]) {
      const result = migrate({ version });
      expect(result.ok || result.errors[0]?.path).toBe('version');
    }
    expect(migrate({})).toMatchObject({ ok: false, errors: [{ path: 'version' }] });
    expect(migrate({ version: -7e43 })).toEqual({
      ok: false,
      errors: [{ path: 'version', message: 'is not a Faultline format version (got -7e+43)' }],
    });
  });

  it('turns a throwing migration into an error', () => {
    const broken: Migration = () => {
      throw new Error('nodes is not a list');
    };
    expect(migrate({ version: 0 }, { 0: broken })).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          message: 'could not upgrade this scenario from version 0 to 1: nodes is not a list',
        },
      ],
    });
  });
});
