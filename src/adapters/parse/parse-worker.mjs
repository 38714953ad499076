// The entry of a parse worker thread (parse-pool.ts). The parsers are TypeScript: tsx's loader is registered
// here, in the worker, as bin/gongkai.mjs does for the process (a worker does not inherit the process's loader,
// and `--import tsx` in a worker's execArgv does not reach its entry module on Node 20).
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
