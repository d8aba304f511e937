// The cross-window messages: what a receiver accepts from another window, and what it drops.
import { describe, expect, it } from 'vitest';
import { asNotebookMessage, asPresenterMessage, notebookChannelName, presenterChannelName } from '../../src/model/protocol';

describe('cross-window protocol', () => {
  it('names one channel per notebook and purpose', () => {
    expect(notebookChannelName('n1')).toBe('opsbook:notebook:n1');
    expect(presenterChannelName('n1')).toBe('opsbook:present:n1');
    expect(notebookChannelName('n1')).not.toBe(presenterChannelName('n1'));
  });

  it('accepts the notebook messages of the right shape', () => {
    expect(asNotebookMessage({ type: 'hello' })).toEqual({ type: 'hello' });
    expect(asNotebookMessage({ type: 'edits', cmds: [] })).toEqual({ type: 'edits', cmds: [] });
    expect(asNotebookMessage({ type: 'title', title: 'x' })).toEqual({ type: 'title', title: 'x' });
    expect(asNotebookMessage({ type: 'document', notebook: { id: 'n' } })?.type).toBe('document');
  });

  it('drops malformed notebook messages instead of handing them on', () => {
    for (const bad of [null, 1, 'hello', {}, { type: 'edits' }, { type: 'edits', cmds: null }, { type: 'edits', cmds: 'x' }, { type: 'document', notebook: null }, { type: 'title', title: 3 }, { type: 'other' }]) {
      expect(asNotebookMessage(bad)).toBeNull();
    }
  });

  it('accepts presenter views only with every field of its type', () => {
    const view = { slide: 's1', mask: true, locale: 'en', reference: {} };
    expect(asPresenterMessage({ type: 'view', from: 'w1', view })).toEqual({ type: 'view', from: 'w1', view });
    expect(asPresenterMessage({ type: 'view?', from: 'w1' })).toEqual({ type: 'view?', from: 'w1' });
    for (const bad of [
      { type: 'view?' },
      { type: 'view', from: 'w', view: { ...view, mask: 'yes' } },
      { type: 'view', from: 'w', view: { ...view, slide: 3 } },
      { type: 'view', from: 'w', view: { ...view, reference: null } },
      { type: 'view', from: 'w' },
    ]) {
      expect(asPresenterMessage(bad)).toBeNull();
    }
  });
});
