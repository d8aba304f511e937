/**
 * Chart redraws, coalesced per animation frame: a value change marks a chart dirty (the last
 * request per chart wins), and the next frame draws the dirty charts. Frames stay short: when a
 * frame has spent its budget, the remaining charts wait for the next one, so a change that touches
 * every chart of a sheet never holds the main thread for long.
 */
const queue = new Map<string, () => void>();
let scheduled = false;
const FRAME_BUDGET_MS = 10;

function flush(): void {
  scheduled = false;
  const start = performance.now();
  for (const [key, draw] of queue) {
    queue.delete(key);
    draw();
    if (queue.size && performance.now() - start > FRAME_BUDGET_MS) {
      schedule();
      return;
    }
  }
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(flush);
}

/** Draws `key` in a coming frame; a later request for the same key replaces this one. */
export function scheduleDraw(key: string, draw: () => void): void {
  queue.set(key, draw);
  schedule();
}

export function cancelDraw(key: string): void {
  queue.delete(key);
}
