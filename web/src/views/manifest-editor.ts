// The manifest field of the order and rent forms: pasted or uploaded, checked as emberctl
// checks it, and hashed in the browser.

import { u8aToHex } from '@polkadot/util';
import { h, replace } from '../dom';
import { checkManifest, describeProblem, manifestHash, type Manifest } from '../manifest';

/** A starting manifest: one GPU, a command that says hello and keeps running. */
export const EXAMPLE_MANIFEST = `{
  "version": 1,
  "name": "hello",
  "workload": { "kind": "command", "program": "sh", "args": ["-c", "echo hello from ember; sleep 3600"] },
  "gpus": { "count": 1 }
}
`;

export interface ManifestEditor {
  element: HTMLElement;
  /** The manifest's exact bytes, text, hash and parsed form; null while it is invalid. */
  current(): { bytes: Uint8Array; text: string; hash: string; manifest: Manifest } | null;
  onChange(listener: () => void): void;
}

export function manifestEditor(initial = EXAMPLE_MANIFEST): ManifestEditor {
  const textarea = h('textarea', { rows: 9, spellcheck: 'false', 'data-testid': 'manifest' });
  textarea.value = initial;
  const file = h('input', { type: 'file', accept: '.json,application/json', 'data-testid': 'manifest-file' });
  const verdict = h('p', { class: 'manifest-verdict', 'data-testid': 'manifest-verdict' });
  const listeners: (() => void)[] = [];
  let state: ReturnType<ManifestEditor['current']> = null;

  // An uploaded file is hashed as it is: the text box would turn CRLF line ends into LF.
  let uploaded: string | null = null;
  const check = () => {
    const text = uploaded ?? textarea.value;
    const bytes = new TextEncoder().encode(text);
    const result = checkManifest(bytes);
    if ('problem' in result) {
      state = null;
      verdict.className = 'manifest-verdict error';
      replace(verdict, describeProblem(result.problem));
    } else {
      const hash = u8aToHex(manifestHash(bytes));
      state = { bytes, text, hash, manifest: result.manifest };
      verdict.className = 'manifest-verdict ok';
      replace(verdict, `valid: "${result.manifest.name}", ${result.manifest.gpus.count} GPU(s); BLAKE2-256 `, h('code', { 'data-testid': 'manifest-hash' }, hash));
    }
    listeners.forEach((listener) => listener());
  };
  textarea.addEventListener('input', () => {
    uploaded = null;
    check();
  });
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    uploaded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await chosen.arrayBuffer());
    textarea.value = uploaded;
    check();
  });
  check();

  return {
    element: h('div', { class: 'manifest-editor' }, h('span', {}, 'Manifest (JSON, the exact bytes are hashed)'), textarea, h('label', { class: 'upload' }, 'or upload ', file), verdict),
    current: () => state,
    onChange: (listener) => listeners.push(listener),
  };
}

/** The editor's manifest for a lease of `gpus` GPUs, or an error that says what to change: a
 * provider refuses a manifest whose GPU count is not the lease's. */
export function manifestFor(editor: ManifestEditor, gpus: number): NonNullable<ReturnType<ManifestEditor['current']>> {
  const current = editor.current();
  if (!current) throw new Error('the manifest is not valid yet');
  if (current.manifest.gpus.count !== gpus) {
    throw new Error(`the manifest asks for ${current.manifest.gpus.count} GPU(s) and the lease is for ${gpus}: make them agree`);
  }
  return current;
}
