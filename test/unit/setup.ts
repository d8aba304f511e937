/**
 * Property tests explore a random part of their input space on every local run; CI uses one
 * fixed seed so a submission's result does not depend on the draw (set FC_SEED to replay one).
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261129 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
