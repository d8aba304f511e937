/// <reference lib="webworker" />
/** The engine web worker: an `EngineHost` behind comlink. */
import { expose } from 'comlink';
import { EngineHost } from './engineCore';

expose(new EngineHost());
