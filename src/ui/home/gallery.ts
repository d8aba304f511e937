/**
 * The gallery: what a new notebook can start from. Template contents load lazily on click, so
 * the app shell carries only these titles.
 */
import type { Locale, Notebook } from '../../model/notebook';
import { emptyNotebook } from '../../model/notebook';

export interface GalleryEntry {
  id: string;
  title: Record<Locale, string>;
  description: Record<Locale, string>;
  create(locale: Locale): Promise<Notebook>;
}

export const GALLERY: GalleryEntry[] = [
  {
    id: 'blank',
    title: { 'zh-CN': '空白笔记本', en: 'Blank notebook' },
    description: { 'zh-CN': '一个空工作表 Sheet1', en: 'One empty sheet, Sheet1' },
    create: async (locale) => emptyNotebook(locale === 'en' ? 'Untitled notebook' : '未命名笔记本', locale),
  },
];
