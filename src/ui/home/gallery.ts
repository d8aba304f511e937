/**
 * The gallery as the home page shows it. Titles come from `templates/gallery.ts` (no sheet data);
 * the template contents load lazily on click, so the app shell carries only these titles.
 */
import type { Locale, Notebook } from '../../model/notebook';
import { CLIENT_PLAN_ENTRY, GALLERY as TEMPLATE_GALLERY } from '../../../templates/gallery';
import type { TemplateId } from '../../../templates/gallery';

export interface GalleryCard {
  /** A template, or `client-plan`: the setup dialog for a plan at the client's shape. */
  id: TemplateId | typeof CLIENT_PLAN_ENTRY.id;
  title: Record<Locale, string>;
  description: Record<Locale, string>;
}

const card = (g: { id: GalleryCard['id']; title: { zh: string; en: string }; description: { zh: string; en: string } }): GalleryCard => ({
  id: g.id,
  title: { 'zh-CN': g.title.zh, en: g.title.en },
  description: { 'zh-CN': g.description.zh, en: g.description.en },
});

/** The templates, with the client plan right after the sample annual plan. */
export const GALLERY: GalleryCard[] = TEMPLATE_GALLERY.flatMap((g) => (g.id === 'annual-plan' && CLIENT_PLAN_ENTRY.offered ? [card(g), card(CLIENT_PLAN_ENTRY)] : [card(g)]));

export async function createFromGallery(id: string, locale: Locale): Promise<Notebook | undefined> {
  const { templateById } = await import('../../../templates/index');
  return templateById(id)?.create({ locale });
}
