/**
 * A projector window starts from the presenter's whole view: the answer to its question is applied
 * at once (never field by field, which would send the presenter back a half-old view and switch its
 * mask off), and the asking window publishes nothing before it has heard that answer.
 */
import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { PresenterView } from '../../src/model/protocol';
import { createViewLink } from '../../src/ui/presenter/viewLink';

function windowWith(id: string, initial: PresenterView, ask: boolean) {
  return createRoot((dispose) => {
    const [slide, setSlide] = createSignal(initial.slide);
    const [mask, setMask] = createSignal(initial.mask);
    const [reference, setReference] = createSignal(initial.reference);
    const [settled, setSettled] = createSignal(false);
    const view = (): PresenterView => ({ slide: slide(), mask: mask(), locale: initial.locale, reference: reference() });
    createViewLink(id, view, (v) => {
      setSlide(v.slide);
      setMask(v.mask);
      setReference(v.reference);
    }, { ask, onSettled: () => setSettled(true) });
    return { view, setMask, settled, dispose };
  });
}

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

describe('presenter view link', () => {
  it('a window that asks takes the presenter\'s slide, mask and reference, and the presenter keeps them', async () => {
    const presenter = windowWith('nb-1', { slide: 'E_Bonus', mask: true, locale: 'en', reference: { 'B_Target!C5': 100 } }, false);
    const projector = windowWith('nb-1', { slide: 'overview', mask: false, locale: 'en', reference: {} }, true);
    expect(projector.settled()).toBe(false);
    await until(() => projector.settled());
    expect(projector.view()).toEqual(presenter.view());
    // give any echo time to arrive: the presenter must not have been changed by the new window
    await new Promise((r) => setTimeout(r, 50));
    expect(presenter.view()).toEqual({ slide: 'E_Bonus', mask: true, locale: 'en', reference: { 'B_Target!C5': 100 } });
    // and a later change still travels
    presenter.setMask(false);
    await until(() => projector.view().mask === false);
    presenter.dispose();
    projector.dispose();
  });
});
