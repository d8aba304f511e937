/**
 * This browser's preferences — not part of any notebook: the UI language, how the notebook view's
 * pane is shown, a fixed what-if pool size. One typed list, kept in the database's `settings`
 * store. Reads are synchronous (the language is needed before the first paint), so every value is
 * mirrored in localStorage and read from there; the database copy refills the mirror when the
 * mirror was cleared (`restoreSettings`, called once the store is open).
 */
import type { Locale } from '../model/notebook';

export interface SettingTypes {
  locale: Locale;
  notebookView: { shown: boolean; collapsed: boolean; height?: number };
  /** For benchmarks and support; the default comes from the cores. */
  whatifPoolSize: number;
}
export type SettingKey = keyof SettingTypes;

/** The mirror's keys (those the app has always used, so existing preferences carry over). */
const MIRROR: Record<SettingKey, string> = {
  locale: 'opsbook.locale',
  notebookView: 'opsbook.notebookView',
  whatifPoolSize: 'opsbook.whatifPoolSize',
};

/** The part of the notebook store settings use. */
export interface SettingsBacking {
  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
}

let backing: SettingsBacking | null = null;
const mirror = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled: preferences last for the page only
  }
};

/**
 * The stored value, unchecked: it comes from storage another version of the app (or a user) may
 * have written, so each caller checks its shape. Older mirrors hold bare strings (`en`).
 */
export function readSetting(key: SettingKey): unknown {
  const raw = mirror()?.getItem(MIRROR[key]);
  if (raw === null || raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

export function writeSetting<K extends SettingKey>(key: K, value: SettingTypes[K]): void {
  try {
    mirror()?.setItem(MIRROR[key], JSON.stringify(value));
  } catch {
    // quota or disabled storage: the database copy below still keeps it
  }
  void backing?.setSetting(key, value).catch(() => undefined);
}

/** Connects the database copy; fills the mirror's missing values from it. */
export async function restoreSettings(store: SettingsBacking): Promise<void> {
  backing = store;
  for (const key of Object.keys(MIRROR) as SettingKey[]) {
    if (readSetting(key) !== undefined) continue;
    const v = await store.getSetting<unknown>(key).catch(() => undefined);
    if (v !== undefined) {
      try {
        mirror()?.setItem(MIRROR[key], JSON.stringify(v));
      } catch {
        // nothing more to do: the value stays in the database
      }
    }
  }
}
