/// <reference lib="webworker" />
/** A what-if pool worker: a `WhatIfHost` (its own copy of the notebook) behind comlink. */
import { expose, releaseProxy } from 'comlink';
import type { Remote } from 'comlink';
import type { JobProgress, WhatIfJob } from '../src/model/whatif';
import { WhatIfHost } from './whatifCore';

class WorkerHost extends WhatIfHost {
  /** The progress callback arrives as a comlink proxy (a MessagePort): release it when the job ends. */
  override async run(jobId: number, job: WhatIfJob, onProgress?: (p: JobProgress) => void) {
    try {
      return await super.run(jobId, job, onProgress);
    } finally {
      (onProgress as Remote<(p: JobProgress) => void> | undefined)?.[releaseProxy]();
    }
  }
}

expose(new WorkerHost());
