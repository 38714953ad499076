/** `npm run bench`: prints figures and ratios for every hot path. */
import { runReportBench } from './report-bench.js';

runReportBench();
