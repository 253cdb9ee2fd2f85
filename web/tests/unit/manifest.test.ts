// The manifest check of the web app against the cases the Rust client is tested against
// (`client/tests/fixtures/manifest-cases.json`, run there by `shared_cases_match_the_web_app`):
// a manifest the browser accepts is one a provider accepts, refused with the same words.
// Runs compiled, from `.test-build/tests/unit/`.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  MAX_MANIFEST_BYTES,
  checkManifest,
  describeProblem,
  manifestHash,
} from '../../src/manifest.js';

interface Case {
  name: string;
  /** The document, or (a string) its exact text. */
  manifest: unknown;
  /** The field refused, `""` for the whole document; `null` if the manifest is valid. */
  field: string | null;
  problem?: string;
  problemStartsWith?: string;
}

const fixture = new URL('../../../../client/tests/fixtures/manifest-cases.json', import.meta.url);
const cases = JSON.parse(readFileSync(fixture, 'utf8')) as Case[];

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

test('the shared cases are there', () => {
  assert.ok(cases.length >= 40, `${cases.length} cases`);
  for (const c of cases) {
    assert.ok('field' in c, `${c.name}: no field`);
    assert.ok(c.field === null || c.problem !== undefined || c.problemStartsWith !== undefined, `${c.name}: no problem`);
  }
});

for (const c of cases) {
  test(`shared case: ${c.name}`, () => {
    const text = typeof c.manifest === 'string' ? c.manifest : JSON.stringify(c.manifest);
    const result = checkManifest(new TextEncoder().encode(text));
    if (c.field === null) {
      assert.ok('manifest' in result, `refused: ${'problem' in result ? describeProblem(result.problem) : ''}`);
      return;
    }
    assert.ok('problem' in result, 'accepted');
    assert.equal(result.problem.field, c.field, describeProblem(result.problem));
    if (c.problem !== undefined) {
      assert.equal(result.problem.problem, c.problem);
    } else {
      assert.ok(result.problem.problem.startsWith(c.problemStartsWith as string), result.problem.problem);
    }
  });
}

test('a valid manifest comes back with the defaults filled in', () => {
  const minimal = '{"version":1,"name":"n","workload":{"kind":"command","program":"p"},"gpus":{"count":1}}';
  const result = checkManifest(new TextEncoder().encode(minimal));
  assert.ok('manifest' in result);
  assert.deepEqual(JSON.parse(JSON.stringify(result.manifest)), {
    version: 1,
    name: 'n',
    workload: { kind: 'command', program: 'p', args: [] },
    env: {},
    inputs: [],
    outputs: [],
    gpus: { count: 1, minVramMib: 0 },
    resources: {},
    network: false,
  });
});

test('the size is checked first, in bytes', () => {
  const tooLong = new Uint8Array(MAX_MANIFEST_BYTES + 1).fill(0xff);
  assert.deepEqual(checkManifest(tooLong), {
    problem: { field: '', problem: 'is 262145 bytes long; at most 262144 are allowed' },
  });
  const padded = `{"version":1,"name":"n","workload":{"kind":"command","program":"p"},"gpus":{"count":1}}`;
  const atLimit = new TextEncoder().encode(padded.padEnd(MAX_MANIFEST_BYTES, ' '));
  assert.ok('manifest' in checkManifest(atLimit));
});

test('bytes that are not UTF-8 are not a manifest', () => {
  const bytes = new TextEncoder().encode('{"version":1,"name":"n?","workload":{"kind":"command","program":"p"},"gpus":{"count":1}}');
  bytes[bytes.indexOf(0x3f)] = 0xc3;
  const result = checkManifest(bytes);
  assert.ok('problem' in result);
  assert.equal(result.problem.field, '');
  assert.match(result.problem.problem, /^is not a version 1 manifest: /);
});

test('deep nesting is refused, not a stack overflow', () => {
  const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  const result = checkManifest(new TextEncoder().encode(deep));
  assert.ok('problem' in result);
  assert.match(result.problem.problem, /^is not a version 1 manifest: /);
});

test('problems read as the Rust client writes them', () => {
  assert.equal(describeProblem({ field: '', problem: 'is 3 bytes long' }), 'invalid manifest: is 3 bytes long');
  assert.equal(
    describeProblem({ field: 'inputs[1].path', problem: '`a` repeats' }),
    'invalid manifest: `inputs[1].path` `a` repeats',
  );
});

test('the hash is BLAKE2-256 of the exact bytes', () => {
  assert.equal(hex(manifestHash(new Uint8Array())), '0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8');
  // Python's hashlib.blake2b(b'{}', digest_size=32).
  assert.equal(hex(manifestHash(new TextEncoder().encode('{}'))), 'c09da522dac261c3d2566230bed10d2f3ef13f8e7654576c12e857e07f786098');
  assert.notEqual(hex(manifestHash(new TextEncoder().encode('{}\n'))), hex(manifestHash(new TextEncoder().encode('{}'))));
});
