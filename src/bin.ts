#!/usr/bin/env node
// The `quire` command. The cover thread starts here, before the CLI and
// yargs load (about 90 ms), so that it is warm when the first cover is needed;
// before that, the cover renderer's allocator is told to keep its memory.
import { keepDrawingMemory, startEarly } from './batch/cover-thread.js';

keepDrawingMemory(process.env);
startEarly(process.argv.slice(2));
await import('./cli.js');
