#!/usr/bin/env node
// The `quire` command. It sets what its threads read as they start (see
// batch/tune.ts) before any thread starts, then loads the CLI.
import { keepDrawingMemory, roomyHeaps } from '../batch/tune.js';

keepDrawingMemory(process.env);
roomyHeaps();
await import('./cli.js');
