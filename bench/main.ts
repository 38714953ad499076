/** `npm run bench`: prints figures and ratios for every hot path. */
import { runReportBench } from './report-bench.js';
import { runCaseBench } from './case-bench.js';
import { runPortalBench } from './portal-bench.js';
import { runJobsBench } from './jobs-bench.js';

runReportBench();
runCaseBench();
await runJobsBench();
await runPortalBench();
process.exit(0);
