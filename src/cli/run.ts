import { tuneJit } from '../engine/jit-tuning.ts';
import { runCli } from './main.ts';

tuneJit();

process.exitCode = await runCli(process.argv.slice(2));
