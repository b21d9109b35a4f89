#!/usr/bin/env node
// The `quire` command. It sets what its threads read as they start (see
// batch/tune.ts), then starts the cover thread, before the CLI and yargs load
// (about 90 ms), so that the thread is warm when the first cover is needed.
import { keepDrawingMemory, roomyHeaps } from '../batch/tune.js';
import { startEarly } from '../batch/cover-thread.js';

keepDrawingMemory(process.env);
roomyHeaps();
startEarly(process.argv.slice(2));
await import('./cli.js');
