/**
 * UI language. Messages live next to the code that shows them (`defineMessages` in each area),
 * so areas do not fight over one big file; `t` looks a key up in the current locale.
 */
import { createSignal } from 'solid-js';
import type { Locale } from '../model/notebook';
import { readSetting, writeSetting } from '../storage/settings';

type Dict = Record<string, string>;
const registry: Record<Locale, Dict> = { 'zh-CN': {}, en: {} };

export function defineMessages(messages: { en: Dict; 'zh-CN': Dict }): void {
  Object.assign(registry.en, messages.en);
  Object.assign(registry['zh-CN'], messages['zh-CN']);
}

function initialLocale(): Locale {
  const saved = readSetting('locale');
  if (saved === 'en' || saved === 'zh-CN') return saved;
  const nav = globalThis.navigator?.language ?? 'zh-CN';
  return nav.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

const [locale, setLocaleSignal] = createSignal<Locale>(initialLocale());
export { locale };

export function setLocale(l: Locale): void {
  writeSetting('locale', l);
  setLocaleSignal(l);
  if (globalThis.document) document.documentElement.lang = l;
}

/** The message for `key` in the current locale, with `{name}` placeholders filled in. */
export function t(key: string, params?: Record<string, string | number>): string {
  const msg = registry[locale()][key] ?? registry.en[key] ?? key;
  if (!params) return msg;
  return msg.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
}
