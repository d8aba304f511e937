/// <reference lib="webworker" />
/** The engine web worker: an `EngineHost` behind comlink, beating while it computes (heartbeat.ts). */
import { expose } from 'comlink';
import { ENGINE_HEARTBEAT } from '../src/model/protocol';
import { EngineHost } from './engineCore';
import { setHeartbeatSink } from './heartbeat';

setHeartbeatSink(() => self.postMessage({ type: ENGINE_HEARTBEAT }));
expose(new EngineHost());
