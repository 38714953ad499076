/**
 * A parse worker thread (parse-pool.ts): runs each job it is sent and posts the result back. Started through
 * parse-worker.mjs, which registers the TypeScript loader first.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { finding } from '../../core/annual-report/report-findings.js';
import { type ParseJob, runParseJob, unreadResult } from './parse-job.js';

export interface ToWorker {
  id: number;
  job: ParseJob;
}

/**
 * This thread yields the CPU to the web server's event loop when both want it: a parse at nice 10 (Linux, where
 * /proc/thread-self names the thread; elsewhere the thread keeps the process's priority).
 */
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
} catch {
  /* not Linux, or not allowed: the same priority as the process */
}

/** Posted once the parsers are loaded: the pool starts a job's time budget from here. */
const READY = { ready: true };

parentPort!.on('message', async ({ id, job }: ToWorker) => {
  const result = await runParseJob(job);
  try {
    parentPort!.postMessage({ id, result });
  } catch (e) {
    parentPort!.postMessage({
      id,
      result: unreadResult(
        finding('input_unreadable', `读取结果无法传回：${e instanceof Error ? e.message : String(e)}`),
      ),
    });
  }
});

parentPort!.postMessage(READY);
