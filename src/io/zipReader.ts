/**
 * Just enough of a zip reader to vet an archive before a full parser sees it: the central
 * directory (names, declared sizes) and a streaming inflate of one entry through the platform's
 * `DecompressionStream` (browsers and Node ≥ 18), which never holds more than a chunk.
 */
import { xlsxProblem } from './problems';
import type { XlsxProblem } from './problems';

export interface ZipEntry {
  /** Path inside the archive, without a leading `/`. */
  name: string;
  method: number;
  compressedSize: number;
  /** Uncompressed size as the central directory declares it (not yet verified). */
  size: number;
  localHeaderOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; problem: XlsxProblem };

/** Reads the central directory; refuses what is not a plain (non-zip64, unencrypted) zip. */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 8 && CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    return xlsxProblem('legacyOrEncrypted', 'an OLE compound file, not a zip archive');
  }
  if (bytes.length < 22 || view.getUint32(0, true) !== SIG_LOCAL) return xlsxProblem('notZip', 'no zip signature at the start of the file');
  // The end record sits in the last 22 bytes plus an optional comment of up to 65,535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return xlsxProblem('corrupt', 'the zip archive is truncated (no end of central directory)');
  const count = view.getUint16(end + 10, true);
  const dirSize = view.getUint32(end + 12, true);
  const dirOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) return xlsxProblem('unsupportedZip', 'a zip64 archive');
  if (count > maxEntries) return xlsxProblem('zipBomb', `${count} entries in the archive (limit ${maxEntries})`);
  if (dirOffset + dirSize > end) return xlsxProblem('corrupt', 'the central directory lies outside the file');

  const entries: ZipEntry[] = [];
  for (let p = dirOffset, i = 0; i < count; i++) {
    if (p + 46 > end || view.getUint32(p, true) !== SIG_CENTRAL) return xlsxProblem('corrupt', `central directory entry ${i} is damaged`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const nameLength = view.getUint16(p + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)).replace(/^\//, '');
    if (flags & 1) return xlsxProblem('unsupportedZip', `${name} is encrypted`);
    if (method !== 0 && method !== 8) return xlsxProblem('unsupportedZip', `${name} uses compression method ${method}`);
    entries.push({
      name,
      method,
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return { ok: true, entries };
}

/**
 * Streams the inflated bytes of `entry` to `onChunk` (return `false` to stop early). Fails with
 * `zipBomb` as soon as the output passes the declared size, so a lying directory costs nothing.
 */
export async function inflateEntry(bytes: Uint8Array, entry: ZipEntry, onChunk: (chunk: Uint8Array) => boolean | void): Promise<XlsxProblem | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== SIG_LOCAL) return { code: 'corrupt', detail: `${entry.name}: no local header` };
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return { code: 'corrupt', detail: `${entry.name}: data runs past the end of the file` };

  if (entry.method === 0) {
    if (entry.size !== entry.compressedSize) return { code: 'corrupt', detail: `${entry.name}: stored size mismatch` };
    onChunk(data);
    return null;
  }
  const inflater = new DecompressionStream('deflate-raw');
  const writer = inflater.writable.getWriter();
  // Not awaited: the write only settles as the output is read; its failure surfaces in read().
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = inflater.readable.getReader();
  let produced = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      produced += value.length;
      if (produced > entry.size) {
        await reader.cancel();
        return { code: 'zipBomb', detail: `${entry.name} inflates past its declared ${entry.size} bytes` };
      }
      if (onChunk(value) === false) {
        await reader.cancel();
        return null;
      }
    }
  } catch (e) {
    return { code: 'corrupt', detail: `${entry.name}: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (produced !== entry.size) return { code: 'corrupt', detail: `${entry.name}: inflated to ${produced} bytes, ${entry.size} declared` };
  return null;
}

/** The whole inflated text (UTF-8) of an entry: for the small workbook parts, or entries already vetted. */
export async function inflateEntryText(bytes: Uint8Array, entry: ZipEntry): Promise<{ ok: true; text: string } | { ok: false; problem: XlsxProblem }> {
  const decoder = new TextDecoder();
  let text = '';
  const problem = await inflateEntry(bytes, entry, (chunk) => {
    text += decoder.decode(chunk, { stream: true });
  });
  return problem ? { ok: false, problem } : { ok: true, text: text + decoder.decode() };
}

/** The whole inflated bytes of an entry (vetted sizes only: it is held in memory at once). */
export async function inflateEntryBytes(bytes: Uint8Array, entry: ZipEntry): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; problem: XlsxProblem }> {
  const out = new Uint8Array(entry.size);
  let at = 0;
  const problem = await inflateEntry(bytes, entry, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return problem ? { ok: false, problem } : { ok: true, bytes: out };
}
