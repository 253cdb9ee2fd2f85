// The workload manifest, checked in the browser exactly as the Ember client checks it
// (`client/src/manifest.rs`, format in `docs/manifest.md`): a provider refuses a manifest that
// fails there, so the tenant is told before ordering, in the same words.
//
// The chain stores only the manifest's hash, the BLAKE2-256 of the exact bytes the tenant sends,
// so everything here works on bytes: the ones checked are the ones hashed and sent. Both this
// module and the Rust client are tested against `client/tests/fixtures/manifest-cases.json`.

import { blake2AsU8a } from '@polkadot/util-crypto';

/** The manifest version this app writes and reads. */
export const MANIFEST_VERSION = 1;

/** Largest manifest accepted, in bytes: inline inputs included. */
export const MAX_MANIFEST_BYTES = 256 * 1024;

/** Most GPUs a manifest may ask for: the most one provider registers. */
export const MAX_GPUS = 32;

/** Longest name, image, program or path, in UTF-8 bytes. */
const MAX_TEXT = 1024;

/** Environment variables the provider agent sets itself; a manifest may not override them. */
const RESERVED_ENV: readonly string[] = ['CUDA_VISIBLE_DEVICES', 'NVIDIA_VISIBLE_DEVICES', 'EMBER_LEASE'];

/** Longest image name (domain and path), as registries allow. */
const MAX_IMAGE_NAME_LENGTH = 255;

/** Longest image tag. */
const MAX_TAG_LENGTH = 128;

/** Deepest nesting the Rust client's JSON parser reads. */
const MAX_DEPTH = 128;

/** What to run: a program on the provider's host, or a container image run by docker or podman. */
export type Workload =
  | { kind: 'command'; program: string; args: string[] }
  | { kind: 'container'; image: string; args: string[] };

/** Where an input file comes from: downloaded by the provider, or carried in the manifest. */
export type InputSource = { url: string } | { inline: string };

/** An input file, placed at `path` (relative to the workload's directory) before it starts. */
export interface Input {
  path: string;
  source: InputSource;
}

/** The GPUs a workload expects. */
export interface GpuNeeds {
  count: number;
  minVramMib: number;
  /** `"major.minor"`. */
  minComputeCapability?: string;
}

/**
 * Limits on what a workload may use besides its GPUs; each one left out is the provider's
 * maximum. Values above 2^53 lose precision as JavaScript numbers; only their being zero is
 * checked here.
 */
export interface Resources {
  memoryMib?: number;
  cpuMillis?: number;
  pids?: number;
  shmMib?: number;
  diskMib?: number;
}

/** A workload manifest, version 1, with the defaults the Rust client fills in. */
export interface Manifest {
  version: number;
  name: string;
  workload: Workload;
  /** A prototype-less object (a variable may be called `__proto__`). */
  env: Record<string, string>;
  inputs: Input[];
  outputs: string[];
  gpus: GpuNeeds;
  maxRuntimeSecs?: number;
  resources: Resources;
  network: boolean;
}

/**
 * Why a manifest was refused: which field, as a path into the document (`inputs[2].path`, empty
 * for the whole document), and what is wrong with it.
 */
export interface ManifestProblem {
  field: string;
  problem: string;
}

/** The problem as the Rust client and the provider agent word it. */
export function describeProblem(p: ManifestProblem): string {
  return p.field === ''
    ? `invalid manifest: ${p.problem}`
    : `invalid manifest: \`${p.field}\` ${p.problem}`;
}

/** The hash the chain stores for a manifest: BLAKE2-256 of its exact bytes. */
export function manifestHash(bytes: Uint8Array): Uint8Array {
  return blake2AsU8a(bytes, 256);
}

/**
 * Parse and validate a manifest from the bytes the tenant will send, as `Manifest::from_json`
 * does: the same documents are accepted, and a refusal names the same field with the same
 * words; only the reason after `is not a version 1 manifest: ` differs, for a document the Rust
 * client cannot read at all.
 */
export function checkManifest(
  bytes: Uint8Array,
): { manifest: Manifest } | { problem: ManifestProblem } {
  if (bytes.length > MAX_MANIFEST_BYTES) {
    return problem('', `is ${bytes.length} bytes long; at most ${MAX_MANIFEST_BYTES} are allowed`);
  }
  let manifest: Manifest;
  try {
    manifest = decodeManifest(parseJson(bytes));
  } catch (error) {
    if (error instanceof Unreadable) {
      return problem('', `is not a version ${MANIFEST_VERSION} manifest: ${error.message}`);
    }
    throw error;
  }
  const found = validate(manifest);
  return found ? { problem: found } : { manifest };
}

function problem(field: string, text: string): { problem: ManifestProblem } {
  return { problem: { field, problem: text } };
}

// Reading the document. The Rust client reads it with serde_json into typed structs, refusing
// unknown and repeated fields; this does the same on a parse tree that keeps what JSON.parse
// would lose: repeated keys and the exact text of numbers (`1.0` is not an integer there).

/** A document the Rust client cannot read as a manifest; the message says why. */
class Unreadable extends Error {}

function unreadable(reason: string): never {
  throw new Unreadable(reason);
}

type Json =
  | { type: 'null' }
  | { type: 'boolean'; value: boolean }
  | { type: 'number'; text: string }
  | { type: 'string'; value: string }
  | { type: 'array'; items: Json[] }
  | { type: 'object'; entries: [string, Json][] };

const JSON_ESCAPES = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);

/** Strict JSON (RFC 8259) as serde_json reads it: no byte order mark, no lone surrogates. */
function parseJson(bytes: Uint8Array): Json {
  let text: string;
  try {
    // `ignoreBOM` keeps a byte order mark in the text, where it is refused as serde_json does.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    unreadable('it is not valid UTF-8');
  }
  let at = 0;
  const fail: (what: string) => never = (what) => unreadable(`${what} at character ${at + 1}`);
  const skipSpace = () => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at += 1;
  };
  const number = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const hex4 = /[0-9A-Fa-f]{4}/y;

  const unicodeEscape = (): number => {
    // `at` is just past `\u`.
    hex4.lastIndex = at;
    if (!hex4.test(text)) fail('invalid escape');
    const code = parseInt(text.slice(at, at + 4), 16);
    at += 4;
    return code;
  };

  const string = (): string => {
    // `at` is just past the opening quote.
    let value = '';
    let start = at;
    for (;;) {
      if (at >= text.length) fail('unterminated string');
      const code = text.charCodeAt(at);
      if (code === 0x22) {
        value += text.slice(start, at);
        at += 1;
        return value;
      }
      if (code < 0x20) fail('control character in a string');
      if (code !== 0x5c) {
        at += 1;
        continue;
      }
      value += text.slice(start, at);
      at += 1;
      const escape = text.charAt(at);
      at += 1;
      const simple = JSON_ESCAPES.get(escape);
      if (simple !== undefined) {
        value += simple;
      } else if (escape === 'u') {
        const first = unicodeEscape();
        if (first >= 0xdc00 && first <= 0xdfff) fail('lone surrogate in a \\u escape');
        if (first >= 0xd800 && first <= 0xdbff) {
          if (text.slice(at, at + 2) !== '\\u') fail('lone surrogate in a \\u escape');
          at += 2;
          const second = unicodeEscape();
          if (second < 0xdc00 || second > 0xdfff) fail('lone surrogate in a \\u escape');
          value += String.fromCharCode(first, second);
        } else {
          value += String.fromCharCode(first);
        }
      } else {
        at -= 1;
        fail('invalid escape');
      }
      start = at;
    }
  };

  const value = (depth: number): Json => {
    skipSpace();
    const next = text.charAt(at);
    if (next === '{' || next === '[') {
      if (depth >= MAX_DEPTH) fail('nesting too deep');
      at += 1;
      skipSpace();
      const close = next === '{' ? '}' : ']';
      const entries: [string, Json][] = [];
      const items: Json[] = [];
      if (text.charAt(at) === close) {
        at += 1;
      } else {
        for (;;) {
          if (next === '{') {
            skipSpace();
            if (text.charAt(at) !== '"') fail('expected a key');
            at += 1;
            const key = string();
            skipSpace();
            if (text.charAt(at) !== ':') fail('expected `:`');
            at += 1;
            entries.push([key, value(depth + 1)]);
          } else {
            items.push(value(depth + 1));
          }
          skipSpace();
          const separator = text.charAt(at);
          at += 1;
          if (separator === close) break;
          if (separator !== ',') {
            at -= 1;
            fail(`expected \`,\` or \`${close}\``);
          }
        }
      }
      return next === '{' ? { type: 'object', entries } : { type: 'array', items };
    }
    if (next === '"') {
      at += 1;
      return { type: 'string', value: string() };
    }
    for (const [word, json] of [
      ['null', { type: 'null' }],
      ['true', { type: 'boolean', value: true }],
      ['false', { type: 'boolean', value: false }],
    ] as const) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return json;
      }
    }
    number.lastIndex = at;
    const match = number.exec(text);
    if (!match) fail('expected a value');
    at += match[0].length;
    return { type: 'number', text: match[0] };
  };

  const document = value(0);
  skipSpace();
  if (at < text.length) fail('unexpected text after the document');
  return document;
}

function describe(json: Json): string {
  if (json.type === 'null') return 'null';
  return json.type === 'object' || json.type === 'array' ? `an ${json.type}` : `a ${json.type}`;
}

/**
 * A struct's fields by name, as serde reads them: from an object, refusing unknown and repeated
 * keys, or (a serde_json quirk the Rust client inherits) from an array of the values in
 * declaration order, trailing defaulted fields left out.
 */
function fieldsOf(json: Json, names: readonly string[], at: string): Map<string, Json> {
  const fields = new Map<string, Json>();
  if (json.type === 'object') {
    for (const [key, value] of json.entries) {
      if (!names.includes(key)) unreadable(`unknown field \`${key}\`${where(at)}`);
      if (fields.has(key)) unreadable(`duplicate field \`${key}\`${where(at)}`);
      fields.set(key, value);
    }
  } else if (json.type === 'array') {
    if (json.items.length > names.length) unreadable(`more than ${names.length} values${where(at)}`);
    json.items.forEach((item, index) => fields.set(names[index] as string, item));
  } else {
    unreadable(`${at === '' ? 'the document' : `\`${at}\``} is ${describe(json)}, not an object`);
  }
  return fields;
}

function where(at: string): string {
  return at === '' ? '' : ` in \`${at}\``;
}

function join(at: string, name: string): string {
  return at === '' ? name : `${at}.${name}`;
}

function required(fields: Map<string, Json>, name: string, at: string): Json {
  return fields.get(name) ?? unreadable(`missing field \`${name}\`${where(at)}`);
}

function text(json: Json, at: string): string {
  return json.type === 'string' ? json.value : unreadable(`\`${at}\` is ${describe(json)}, not a string`);
}

function bool(json: Json, at: string): boolean {
  return json.type === 'boolean' ? json.value : unreadable(`\`${at}\` is ${describe(json)}, not a boolean`);
}

/** A `u32` or `u64`: digits only (no sign, fraction or exponent), within range. */
function unsigned(json: Json, bits: 32 | 64, at: string): number {
  const max = (1n << BigInt(bits)) - 1n;
  if (json.type !== 'number' || !/^(?:0|[1-9][0-9]*)$/.test(json.text) || BigInt(json.text) > max) {
    const found = json.type === 'number' ? json.text : describe(json);
    unreadable(`\`${at}\` is ${found}, not an integer from 0 to ${max}`);
  }
  return Number(json.text);
}

function list<T>(json: Json, at: string, item: (json: Json, at: string) => T): T[] {
  if (json.type !== 'array') unreadable(`\`${at}\` is ${describe(json)}, not an array`);
  return json.items.map((value, index) => item(value, `${at}[${index}]`));
}

/** An `Option`: left out or `null` is `None`. */
function optional<T>(
  json: Json | undefined,
  at: string,
  read: (json: Json, at: string) => T,
): T | undefined {
  return json === undefined || json.type === 'null' ? undefined : read(json, at);
}

/** The fields of a manifest, in the order of the Rust struct (the order of the array form). */
const MANIFEST_FIELDS = [
  'version',
  'name',
  'workload',
  'env',
  'inputs',
  'outputs',
  'gpus',
  'maxRuntimeSecs',
  'resources',
  'network',
];

function decodeManifest(json: Json): Manifest {
  const fields = fieldsOf(json, MANIFEST_FIELDS, '');
  const inputs = fields.get('inputs');
  const outputs = fields.get('outputs');
  const network = fields.get('network');
  const manifest: Manifest = {
    version: unsigned(required(fields, 'version', ''), 32, 'version'),
    name: text(required(fields, 'name', ''), 'name'),
    workload: decodeWorkload(required(fields, 'workload', '')),
    env: decodeEnv(fields.get('env')),
    inputs: inputs === undefined ? [] : list(inputs, 'inputs', decodeInput),
    outputs: outputs === undefined ? [] : list(outputs, 'outputs', text),
    gpus: decodeGpus(required(fields, 'gpus', '')),
    resources: decodeResources(fields.get('resources')),
    network: network === undefined ? false : bool(network, 'network'),
  };
  const maxRuntimeSecs = optional(fields.get('maxRuntimeSecs'), 'maxRuntimeSecs', (value, at) =>
    unsigned(value, 64, at),
  );
  if (maxRuntimeSecs !== undefined) manifest.maxRuntimeSecs = maxRuntimeSecs;
  return manifest;
}

/** Internally tagged by `kind`, as an object; or, from an array, the tag first. */
function decodeWorkload(json: Json): Workload {
  let kind: Json | undefined;
  let rest: Json;
  if (json.type === 'object') {
    const others: [string, Json][] = [];
    for (const [key, value] of json.entries) {
      if (key !== 'kind') {
        others.push([key, value]);
      } else if (kind !== undefined) {
        unreadable('duplicate field `kind` in `workload`');
      } else {
        kind = value;
      }
    }
    rest = { type: 'object', entries: others };
  } else if (json.type === 'array') {
    kind = json.items[0];
    rest = { type: 'array', items: json.items.slice(1) };
  } else {
    return unreadable(`\`workload\` is ${describe(json)}, not an object`);
  }
  if (kind === undefined) unreadable('missing field `kind` in `workload`');
  const tag = text(kind, 'workload.kind');
  if (tag !== 'command' && tag !== 'container') {
    return unreadable(`unknown variant \`${tag}\` of \`workload.kind\`, expected \`command\` or \`container\``);
  }
  const what = tag === 'command' ? 'program' : 'image';
  const fields = fieldsOf(rest, [what, 'args'], 'workload');
  const value = text(required(fields, what, 'workload'), `workload.${what}`);
  const argsJson = fields.get('args');
  const args = argsJson === undefined ? [] : list(argsJson, 'workload.args', text);
  return tag === 'command' ? { kind: tag, program: value, args } : { kind: tag, image: value, args };
}

/** A map from names to values; a repeated name keeps its last value, as a Rust `BTreeMap` does. */
function decodeEnv(json: Json | undefined): Record<string, string> {
  const env: Record<string, string> = Object.create(null) as Record<string, string>;
  if (json === undefined) return env;
  if (json.type !== 'object') unreadable(`\`env\` is ${describe(json)}, not an object`);
  const values = new Map<string, string>();
  for (const [name, value] of json.entries) values.set(name, text(value, join('env', name)));
  for (const [name, value] of values) env[name] = value;
  return env;
}

/** The order of Rust strings: by code point (UTF-16 order differs above U+FFFF). */
function byCodePoint(a: string, b: string): number {
  const left = Array.from(a, (char) => char.codePointAt(0) as number);
  const right = Array.from(b, (char) => char.codePointAt(0) as number);
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const difference = (left[index] as number) - (right[index] as number);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

function decodeInput(json: Json, at: string): Input {
  const fields = fieldsOf(json, ['path', 'source'], at);
  const path = text(required(fields, 'path', at), `${at}.path`);
  const source = required(fields, 'source', at);
  // Externally tagged: an object of exactly one key, the variant.
  const [entry, extra] = source.type === 'object' ? source.entries : [];
  if (entry === undefined || extra !== undefined || (entry[0] !== 'url' && entry[0] !== 'inline')) {
    return unreadable(`\`${at}.source\` must be {"url": ...} or {"inline": ...}`);
  }
  const value = text(entry[1], `${at}.source.${entry[0]}`);
  return { path, source: entry[0] === 'url' ? { url: value } : { inline: value } };
}

function decodeGpus(json: Json): GpuNeeds {
  const fields = fieldsOf(json, ['count', 'minVramMib', 'minComputeCapability'], 'gpus');
  const vram = fields.get('minVramMib');
  const gpus: GpuNeeds = {
    count: unsigned(required(fields, 'count', 'gpus'), 32, 'gpus.count'),
    minVramMib: vram === undefined ? 0 : unsigned(vram, 32, 'gpus.minVramMib'),
  };
  const capability = optional(fields.get('minComputeCapability'), 'gpus.minComputeCapability', text);
  if (capability !== undefined) gpus.minComputeCapability = capability;
  return gpus;
}

const RESOURCE_NAMES = ['memoryMib', 'cpuMillis', 'pids', 'shmMib', 'diskMib'] as const;

function decodeResources(json: Json | undefined): Resources {
  const resources: Resources = {};
  if (json === undefined) return resources;
  const fields = fieldsOf(json, RESOURCE_NAMES, 'resources');
  for (const name of RESOURCE_NAMES) {
    const limit = optional(fields.get(name), `resources.${name}`, (value, at) => unsigned(value, 64, at));
    if (limit !== undefined) resources[name] = limit;
  }
  return resources;
}

// Validation: `Manifest::validate`, check for check and word for word, in the same order.

function validate(manifest: Manifest): ManifestProblem | undefined {
  try {
    check(manifest);
    return undefined;
  } catch (error) {
    if (error instanceof Refused) return { field: error.field, problem: error.message };
    throw error;
  }
}

class Refused extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(problem);
  }
}

function refuse(field: string, problem: string): never {
  throw new Refused(field, problem);
}

function check(manifest: Manifest): void {
  if (manifest.version !== MANIFEST_VERSION) {
    refuse('version', `is ${manifest.version}; this agent reads version ${MANIFEST_VERSION}`);
  }
  checkText('name', manifest.name);
  const workload = manifest.workload;
  if (workload.kind === 'command') {
    checkText('workload.program', workload.program);
  } else {
    checkText('workload.image', workload.image);
    const reason = imageProblem(workload.image);
    if (reason !== undefined) refuse('workload.image', reason);
  }
  const nulAt = workload.args.findIndex((arg) => arg.includes('\0'));
  if (nulAt >= 0) refuse(`workload.args[${nulAt}]`, 'must not contain a NUL byte');
  // In the order of a Rust `BTreeMap`, whatever order JavaScript keeps an object's keys in.
  for (const name of Object.keys(manifest.env).sort(byCodePoint)) {
    const value = manifest.env[name] as string;
    const field = `env.${name}`;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      refuse(field, 'is not a valid variable name (letters, digits and `_`, not starting with a digit)');
    }
    if (RESERVED_ENV.includes(name)) refuse(field, 'is set by the provider agent itself');
    if (value.includes('\0')) refuse(field, 'must not contain a NUL byte');
  }
  const paths: string[] = [];
  manifest.inputs.forEach((input, index) => {
    const field = `inputs[${index}].path`;
    checkRelativePath(field, input.path);
    if (paths.includes(input.path)) refuse(field, `repeats \`${input.path}\``);
    paths.push(input.path);
    if ('url' in input.source) {
      const url = input.source.url;
      if (!(url.startsWith('https://') || url.startsWith('http://')) || /\p{White_Space}/u.test(url)) {
        refuse(`inputs[${index}].source.url`, 'must be an http:// or https:// URL');
      }
    }
  });
  manifest.outputs.forEach((output, index) => {
    const field = `outputs[${index}]`;
    checkRelativePath(field, output);
    if (manifest.outputs.slice(0, index).includes(output)) refuse(field, `repeats \`${output}\``);
  });
  if (manifest.gpus.count === 0 || manifest.gpus.count > MAX_GPUS) {
    refuse('gpus.count', `is ${manifest.gpus.count}; it must be from 1 to ${MAX_GPUS}`);
  }
  const capability = manifest.gpus.minComputeCapability;
  if (capability !== undefined && parseCapability(capability) === undefined) {
    refuse('gpus.minComputeCapability', `is ${rustDebug(capability)}; expected "major.minor", e.g. "8.6"`);
  }
  if (manifest.maxRuntimeSecs === 0) refuse('maxRuntimeSecs', 'must be positive');
  for (const name of RESOURCE_NAMES) {
    if (manifest.resources[name] === 0) refuse(`resources.${name}`, 'must be positive');
  }
}

/** A CUDA compute capability from `"major.minor"`, each a Rust `u8` (an optional `+`, digits, at most 255). */
export function parseCapability(text: string): [number, number] | undefined {
  const trimmed = text.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '');
  const dot = trimmed.indexOf('.');
  if (dot < 0) return undefined;
  const parts = [trimmed.slice(0, dot), trimmed.slice(dot + 1)].map((part) =>
    /^\+?[0-9]+$/.test(part) && Number(part) <= 255 ? Number(part) : undefined,
  );
  const [major, minor] = parts;
  return major === undefined || minor === undefined ? undefined : [major, minor];
}

function checkText(field: string, value: string): void {
  // Rust's `trim` removes Unicode `White_Space`: U+0085 but not U+FEFF, unlike JavaScript's.
  if (/^\p{White_Space}*$/u.test(value)) refuse(field, 'must not be empty');
  if (utf8Length(value) > MAX_TEXT) refuse(field, `is longer than ${MAX_TEXT} bytes`);
  if (value.includes('\0')) refuse(field, 'must not contain a NUL byte');
}

/** Paths stay inside the workload's directory: relative, no `..`, no empty parts. */
function checkRelativePath(field: string, path: string): void {
  checkText(field, path);
  if (path.startsWith('/') || path.startsWith('\\')) refuse(field, `\`${path}\` must be relative`);
  if (path.split(/[/\\]/).some((part) => part === '' || part === '.' || part === '..')) {
    refuse(field, `\`${path}\` must stay inside the workload directory (no \`..\`, \`.\` or \`//\`)`);
  }
}

/** Length in bytes once encoded as UTF-8, as Rust's `str::len`. */
function utf8Length(value: string): number {
  let length = 0;
  for (const char of value) {
    const code = char.codePointAt(0) as number;
    length += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return length;
}

const DEBUG_ESCAPES = new Map([
  ['\0', '\\0'],
  ['\t', '\\t'],
  ['\r', '\\r'],
  ['\n', '\\n'],
  ['\\', '\\\\'],
  ['"', '\\"'],
]);

/**
 * A string as Rust's `{:?}` writes it: quoted, with `\0 \t \r \n \\ \"` escaped and grapheme
 * extenders and unprintable characters (controls, format, surrogates, private use, unassigned,
 * separators other than the space) as `\u{hex}`.
 */
function rustDebug(value: string): string {
  let out = '"';
  for (const char of value) {
    const escaped = DEBUG_ESCAPES.get(char);
    if (escaped !== undefined) {
      out += escaped;
    } else if (/\p{Grapheme_Extend}|[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u.test(char) && char !== ' ') {
      out += `\\u{${(char.codePointAt(0) as number).toString(16)}}`;
    } else {
      out += char;
    }
  }
  return `${out}"`;
}

/**
 * Why `image` is not a container image reference by the OCI distribution grammar, or
 * `undefined`: `client/src/image_reference.rs`, word for word. One that passes can never be
 * read by docker or podman as an option or as more than one argument.
 */
export function imageProblem(image: string): string | undefined {
  if (image === '') return 'is empty';
  if (image.startsWith('-')) return 'must not start with `-`: it would be read as an engine option';
  const at = image.indexOf('@');
  const rest = at < 0 ? image : image.slice(0, at);
  if (at >= 0) {
    const digest = image.slice(at + 1);
    const reason = digestProblem(digest);
    if (reason !== undefined) return reason;
  }
  // A tag follows the last `:` after the last `/` (a `:` before it is a registry's port).
  const lastSlash = rest.lastIndexOf('/') + 1;
  const colon = rest.lastIndexOf(':');
  if (colon >= lastSlash) {
    const tag = rest.slice(colon + 1);
    const valid = utf8Length(tag) <= MAX_TAG_LENGTH && /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(tag);
    if (!valid) {
      return (
        `has an invalid tag \`${tag}\` (up to ${MAX_TAG_LENGTH} letters, digits, \`_\`, \`.\` or \`-\`, ` +
        'not starting with `.` or `-`)'
      );
    }
    return nameProblem(rest.slice(0, colon));
  }
  return nameProblem(rest);
}

function nameProblem(name: string): string | undefined {
  if (name === '') return 'has no repository name';
  if (utf8Length(name) > MAX_IMAGE_NAME_LENGTH) return `has a name longer than ${MAX_IMAGE_NAME_LENGTH} bytes`;
  const components = name.split('/');
  // The first component is a registry when it looks like a host: a `.` or a `:` port, or
  // `localhost`; otherwise it is part of the path (`library/python`).
  const first = components[0] as string;
  if (components.length > 1 && (/[.:]/.test(first) || first === 'localhost')) {
    const reason = domainProblem(first);
    if (reason !== undefined) return reason;
    components.shift();
  }
  for (const component of components) {
    // `[a-z0-9]+` runs joined by one `.`, one `_`, two `_`, or any number of `-`.
    if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(component)) {
      return (
        `has an invalid path component \`${component}\` ` +
        '(lower-case letters and digits, joined by `.`, `_`, `__` or dashes)'
      );
    }
  }
  return undefined;
}

function domainProblem(domain: string): string | undefined {
  const colon = domain.indexOf(':');
  const host = colon < 0 ? domain : domain.slice(0, colon);
  const labelOk = (label: string) =>
    /^[A-Za-z0-9-]+$/.test(label) && !label.startsWith('-') && !label.endsWith('-');
  if (!host.split('.').every(labelOk)) return `has an invalid registry host \`${host}\``;
  if (colon >= 0) {
    const port = domain.slice(colon + 1);
    if (!/^[0-9]{1,5}$/.test(port)) return `has an invalid registry port \`${port}\``;
  }
  return undefined;
}

function digestProblem(digest: string): string | undefined {
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, Math.max(colon, 0));
  const hex = digest.slice(colon + 1);
  const algorithmOk = algorithm.split(/[+._-]/).every((component) => /^[A-Za-z][A-Za-z0-9]*$/.test(component));
  if (colon < 0 || !algorithmOk || !/^[0-9A-Fa-f]{32,}$/.test(hex)) {
    return `has an invalid digest \`${digest}\` (e.g. \`sha256:<64 hex digits>\`)`;
  }
  return undefined;
}
