/**
 * The parts of `xl/workbook.xml` (and its relationships) that exceljs drops or reshapes: every
 * defined name with its scope and formula text (exceljs keeps only plain ranges and loses
 * `localSheetId`), the sheet order and which sheet file is which.
 * The XML is machine-written and small, so attribute regexes are enough.
 */

export interface RawDefinedName {
  name: string;
  /** Index into `sheets` when the name is local to a sheet. */
  localSheetId?: number;
  /** The formula text as stored, without a leading `=`. */
  text: string;
}

export interface WorkbookInfo {
  /** `path` (inside the archive) is filled in once the relationships are read. */
  sheets: { name: string; relId: string; path?: string }[];
  definedNames: RawDefinedName[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e],
  );
}

/** OOXML writes control characters in text as `_xHHHH_` (and a literal `_x` as `_x005F_x`). */
export function unescapeOoxml(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Attributes of one start tag, namespace prefixes dropped (`r:id` → `id`). */
export function xmlAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    out[m[1].replace(/^[\w.-]+:/, '')] = decodeXml(m[3] ?? m[4] ?? '');
  }
  return out;
}

export function parseWorkbookXml(xml: string): WorkbookInfo {
  const sheets = [...xml.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)].map((m) => {
    const a = xmlAttributes(m[1]);
    return { name: a.name ?? '', relId: a.id ?? '' };
  });
  const definedNames: RawDefinedName[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g)) {
    const a = xmlAttributes(m[1]);
    if (!a.name) continue;
    const local = a.localSheetId === undefined ? undefined : Number(a.localSheetId);
    definedNames.push({ name: a.name, localSheetId: Number.isInteger(local) ? local : undefined, text: decodeXml(m[2]) });
  }
  return { sheets, definedNames };
}

/** Relationship id → archive path of its target (for `xl/_rels/workbook.xml.rels`). */
export function parseWorkbookRels(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const a = xmlAttributes(m[1]);
    if (!a.Id || !a.Target) continue;
    out.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`);
  }
  return out;
}
