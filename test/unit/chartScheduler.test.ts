/** The chart redraw scheduler: one draw per chart per frame, none while its inputs are in flux. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_WAIT_MS, cancelDraw, scheduleDraw } from '../../src/ui/charts/scheduler';

let frames: FrameRequestCallback[] = [];
let now = 0;
function frame(ms = 16): void {
  now += ms;
  const run = frames;
  frames = [];
  for (const f of run) f(now);
}

beforeEach(() => {
  frames = [];
  now = 0;
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => (frames.push(f), frames.length));
  vi.spyOn(performance, 'now').mockImplementation(() => now);
});
afterEach(() => {
  frame();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('chart redraw scheduler', () => {
  it('draws each chart once in the next frame, the last request winning', () => {
    const drawn: string[] = [];
    scheduleDraw('a', () => drawn.push('a1'));
    scheduleDraw('b', () => drawn.push('b1'));
    scheduleDraw('a', () => drawn.push('a2'));
    expect(drawn).toEqual([]);
    frame();
    expect(drawn).toEqual(['a2', 'b1']);
    frame();
    expect(drawn).toEqual(['a2', 'b1']);
  });

  it('waits while the inputs are in flux and draws once, in the first frame after', () => {
    let busy = true;
    const drawn: number[] = [];
    scheduleDraw('c', () => drawn.push(1), () => busy);
    frame();
    frame();
    scheduleDraw('c', () => drawn.push(2), () => busy);
    frame();
    expect(drawn).toEqual([]);
    busy = false;
    frame();
    expect(drawn).toEqual([2]);
    frame();
    expect(drawn).toEqual([2]);
  });

  it('never waits longer than MAX_WAIT_MS, counted from the first request', () => {
    const drawn: number[] = [];
    for (let i = 0; i * 16 < MAX_WAIT_MS - 16; i++) {
      scheduleDraw('d', () => drawn.push(i), () => true);
      frame();
    }
    expect(drawn).toEqual([]);
    frame(32);
    expect(drawn.length).toBe(1);
  });

  it('a cancelled draw does not run', () => {
    const drawn: number[] = [];
    scheduleDraw('e', () => drawn.push(1));
    cancelDraw('e');
    frame();
    expect(drawn).toEqual([]);
  });
});
