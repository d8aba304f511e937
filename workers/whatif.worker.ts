/// <reference lib="webworker" />
/** A what-if pool worker: a `WhatIfHost` (its own copy of the notebook) behind comlink. */
import { expose, releaseProxy, transfer } from 'comlink';
import type { Remote } from 'comlink';
import type { JobProgress, WhatIfJob } from '../src/model/whatif';
import { WhatIfHost } from './whatifCore';

class WorkerHost extends WhatIfHost {
  /** The progress callback arrives as a comlink proxy (a MessagePort): release it when the job ends. */
  override async run(jobId: number, job: WhatIfJob, onProgress?: (p: JobProgress) => void) {
    try {
      const r = await super.run(jobId, job, onProgress);
      // Monte Carlo samples are the one bulk answer: move their buffers instead of copying them.
      return transfer(r, sampleBuffers(r));
    } finally {
      (onProgress as Remote<(p: JobProgress) => void> | undefined)?.[releaseProxy]();
    }
  }
}

function sampleBuffers(r: { ok: boolean; value?: unknown }): ArrayBuffer[] {
  const values = r.ok && r.value && typeof r.value === 'object' ? (r.value as { values?: unknown }).values : undefined;
  return Array.isArray(values) ? values.filter((v): v is Float64Array => v instanceof Float64Array).map((v) => v.buffer as ArrayBuffer) : [];
}

expose(new WorkerHost());
