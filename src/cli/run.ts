import { tuneJit } from '../engine/jit-tuning.ts';
import { runCli } from './main.ts';
import { quitOnClosedPipe } from './output.ts';

tuneJit();
quitOnClosedPipe(process);

process.exitCode = await runCli(process.argv.slice(2));
