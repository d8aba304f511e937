/**
 * The gallery as the home page shows it. Titles come from `templates/gallery.ts` (no sheet data);
 * the template contents load lazily on click, so the app shell carries only these titles.
 */
import type { Locale, Notebook } from '../../model/notebook';
import { GALLERY as TEMPLATE_GALLERY } from '../../../templates/gallery';
import type { TemplateId } from '../../../templates/gallery';

export interface GalleryCard {
  id: TemplateId;
  title: Record<Locale, string>;
  description: Record<Locale, string>;
}

export const GALLERY: GalleryCard[] = TEMPLATE_GALLERY.map((g) => ({
  id: g.id,
  title: { 'zh-CN': g.title.zh, en: g.title.en },
  description: { 'zh-CN': g.description.zh, en: g.description.en },
}));

export async function createFromGallery(id: string, locale: Locale): Promise<Notebook | undefined> {
  const { templateById } = await import('../../../templates/index');
  return templateById(id)?.create({ locale });
}
