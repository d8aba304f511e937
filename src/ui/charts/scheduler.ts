/**
 * Chart redraws, coalesced per animation frame: a value change marks a chart dirty (the last
 * request per chart wins), and the next frame draws the dirty charts. Frames stay short: when a
 * frame has spent its budget, the remaining charts wait for the next one, so a change that touches
 * every chart of a sheet never holds the main thread for long.
 *
 * A request may say its inputs are still in flux (`wait`: the engine owes values, as between an
 * insert — which moves the computed values at once — and the engine's answer): it is then drawn
 * in the first frame after that ends, once with the final values, instead of drawing the moved
 * values and keeping the main thread from the answer. It never waits longer than `MAX_WAIT_MS`,
 * so a long run of edits (a slider drag) still animates.
 */
interface Request {
  draw: () => void;
  wait?: () => boolean;
  since: number;
}

const queue = new Map<string, Request>();
let scheduled = false;
const FRAME_BUDGET_MS = 10;
export const MAX_WAIT_MS = 100;

function flush(): void {
  scheduled = false;
  const start = performance.now();
  for (const [key, r] of queue) {
    if (r.wait?.() && start - r.since < MAX_WAIT_MS) continue;
    queue.delete(key);
    r.draw();
    if (performance.now() - start > FRAME_BUDGET_MS) break;
  }
  if (queue.size) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(flush);
}

/**
 * Draws `key` in a coming frame (not while `wait()` holds, up to `MAX_WAIT_MS`); a later request
 * for the same key replaces this one and keeps its place and its waiting time.
 */
export function scheduleDraw(key: string, draw: () => void, wait?: () => boolean): void {
  const since = queue.get(key)?.since ?? performance.now();
  queue.set(key, { draw, wait, since });
  schedule();
}

export function cancelDraw(key: string): void {
  queue.delete(key);
}
