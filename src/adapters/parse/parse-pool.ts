/**
 * The worker-thread pool that reads reports from anonymous input (the public 年度报告核对 page and API, the
 * clerk's import), so that no parse runs on the web server's event loop.
 *
 * Every job runs in a worker thread (parse-worker.ts) within budgets, each of which, when exceeded, gives the
 * job one `input_unreadable` finding that says so ("报告过大或过于复杂，已停止读取：…"), never a throw:
 * - time: a job running longer than `timeMs` has its worker terminated; a new worker replaces it;
 * - memory: the worker's heap is capped (`memoryMb`, worker resourceLimits), and while jobs run the process's
 *   resident memory is watched, because buffers (a PDF stream that inflates to gigabytes) live outside the heap:
 *   growth past 1.25 × `memoryMb` per running job ends the running jobs. Either way the worker is replaced;
 * - size, PDF pages, nesting: ParseLimits, checked by the parsers in the worker (size also before sending);
 * - waiting: at most `maxQueue` jobs wait, each at most `timeMs`, then the job is answered "busy".
 * Workers are unref'd while idle, so the pool never keeps a process alive; close() answers waiting jobs, lets
 * running ones finish (each within its time budget) and terminates the workers.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Finding, finding } from '../../core/annual-report/report-findings.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits, limitFinding } from './parse-limits.js';
import { type ParseJob, type ParseJobResult, sizeLimitResult, sizeOf, unreadResult } from './parse-job.js';
import type { ToWorker } from './parse-worker.js';

export interface ParsePoolOptions extends Partial<ParseLimits> {
  /** time budget of one job, from the moment its worker is ready (default 10 s) */
  timeMs?: number;
  /** heap of one worker in MB (default 512) */
  memoryMb?: number;
  /** worker threads (default: the cores less one, 1 to 4) */
  workers?: number;
  /** jobs that may wait for a worker (default 32) */
  maxQueue?: number;
}

export const DEFAULT_POOL_OPTIONS = {
  timeMs: 10_000,
  memoryMb: 512,
  workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
  maxQueue: 32,
};

/** What a worker may take to load the parsers before its first job's time budget starts. */
const BOOT_MS = 20_000;

const WORKER_URL = new URL('./parse-worker.mjs', import.meta.url);

/** Something that runs parse jobs: the pool, or `{ run: runParseJob }` in-process (the fuzz script, tests). */
export interface ParseRunner {
  run(job: ParseJob): Promise<ParseJobResult>;
}

export interface ParsePool extends ParseRunner {
  /** never rejects: every failure is a finding */
  run(job: ParseJob): Promise<ParseJobResult>;
  close(): Promise<void>;
  readonly closed: boolean;
  /** jobs in a worker now (for monitoring, and tests that measure the server while a parse runs) */
  readonly running: number;
  /** workers started, killed by the time budget, lost otherwise (memory, crash); jobs completed */
  readonly stats: { started: number; timedOut: number; lost: number; completed: number };
}

interface Task {
  id: number;
  job: ParseJob;
  resolve: (r: ParseJobResult) => void;
  queued?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  gone: boolean;
  task: Task | null;
  timer?: NodeJS.Timeout;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))}秒`;

export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const cfg = {
    timeMs: options.timeMs ?? DEFAULT_POOL_OPTIONS.timeMs,
    memoryMb: options.memoryMb ?? DEFAULT_POOL_OPTIONS.memoryMb,
    workers: Math.max(1, options.workers ?? DEFAULT_POOL_OPTIONS.workers),
    maxQueue: options.maxQueue ?? DEFAULT_POOL_OPTIONS.maxQueue,
  };
  const limits: ParseLimits = {
    maxBytes: options.maxBytes ?? DEFAULT_PARSE_LIMITS.maxBytes,
    maxPdfPages: options.maxPdfPages ?? DEFAULT_PARSE_LIMITS.maxPdfPages,
    maxDepth: options.maxDepth ?? DEFAULT_PARSE_LIMITS.maxDepth,
  };
  const stats = { started: 0, timedOut: 0, lost: 0, completed: 0 };
  const slots: Slot[] = [];
  const queue: Task[] = [];
  const pending = new Set<Promise<ParseJobResult>>();
  let nextId = 1;
  let closed = false;
  let closing: Promise<void> | null = null;

  // resident memory while jobs run, sampled every 25 ms (a cheap system call) against the level before they started
  const MB = 1024 * 1024;
  let watch: NodeJS.Timeout | undefined;
  let baseline = 0;
  // jobs being parsed (a worker still loading the parsers is not counted: its job has not started)
  const busySlots = () => slots.filter((s) => s.task && s.ready && !s.gone);
  const watchMemory = () => {
    const rss = process.memoryUsage.rss();
    if (busySlots().length <= 1) baseline = rss;
    if (watch) return;
    watch = setInterval(() => {
      const busy = busySlots();
      if (!busy.length) {
        clearInterval(watch);
        watch = undefined;
        return;
      }
      const now = process.memoryUsage.rss();
      baseline = Math.min(baseline, now);
      if (now - baseline <= busy.length * cfg.memoryMb * 1.25 * MB) return;
      for (const s of busy) {
        stats.lost++;
        lose(s, limitFinding(`读取所需内存超过${cfg.memoryMb} MB的上限`), true);
      }
    }, 25);
    watch.unref();
  };

  const startTimer = (slot: Slot, ms: number) => {
    clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      if (!slot.gone) stats.timedOut++;
      lose(slot, limitFinding(`读取超过${seconds(cfg.timeMs)}的时间上限`), true);
    }, ms);
    slot.timer.unref();
  };

  const spawn = (): Slot => {
    const worker = new Worker(WORKER_URL, {
      // the worker registers its own TypeScript loader (parse-worker.mjs); the process's flags are not for it
      execArgv: [],
      resourceLimits: {
        maxOldGenerationSizeMb: cfg.memoryMb,
        maxYoungGenerationSizeMb: Math.max(8, Math.min(64, Math.floor(cfg.memoryMb / 8))),
      },
    });
    worker.unref();
    const slot: Slot = { worker, ready: false, gone: false, task: null };
    stats.started++;
    worker.on('message', (m: { ready?: true; id?: number; result?: ParseJobResult }) => {
      if (m.ready) {
        slot.ready = true;
        if (slot.task) {
          startTimer(slot, cfg.timeMs);
          watchMemory();
        }
        return;
      }
      const task = slot.task;
      if (!task || task.id !== m.id || !m.result) return;
      clearTimeout(slot.timer);
      slot.task = null;
      worker.unref();
      stats.completed++;
      task.resolve(m.result);
      pump();
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (!slot.gone) stats.lost++;
      lose(
        slot,
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? limitFinding(`读取所需内存超过${cfg.memoryMb} MB的上限`)
          : finding('input_unreadable', `读取时出现内部错误：${e.message}`),
        slot.ready,
      );
    });
    worker.on('exit', (code) => {
      if (!slot.gone) stats.lost++;
      lose(slot, finding('input_unreadable', `读取时出现内部错误：读取线程意外退出（${code}）`), slot.ready);
    });
    slots.push(slot);
    return slot;
  };

  /** A worker is gone (killed by the time budget, out of memory, crashed): its job gets `f`; it is replaced. */
  const lose = (slot: Slot, f: Finding, replace: boolean) => {
    if (slot.gone) return;
    slot.gone = true;
    clearTimeout(slot.timer);
    slots.splice(slots.indexOf(slot), 1);
    void slot.worker.terminate();
    const task = slot.task;
    slot.task = null;
    task?.resolve(unreadResult(f));
    // a healthy worker is replaced at once, so the next job does not wait for one to load; one that failed
    // to start is not (a worker is started again only for a waiting job)
    if (replace && !closed) spawn();
    pump();
  };

  const assign = (slot: Slot, task: Task) => {
    clearTimeout(task.queued);
    slot.task = task;
    slot.worker.ref();
    // sent in a turn of its own: copying megabytes to the worker does not lengthen the caller's turn (receiving
    // the request body), so other requests are answered in between
    setImmediate(() => {
      if (slot.gone || slot.task !== task) return;
      // the bytes are copied into a buffer of their own and moved to the worker (a text is copied as it is)
      const bytes = task.job.bytes.slice();
      const msg: ToWorker = { id: task.id, job: { ...task.job, bytes, limits } };
      try {
        slot.worker.postMessage(msg, [bytes.buffer]);
      } catch (e) {
        // a job that cannot be copied to a worker (never the case for bytes, text and a report)
        slot.task = null;
        slot.worker.unref();
        task.resolve(
          unreadResult(
            finding('input_unreadable', `读取时出现内部错误：${e instanceof Error ? e.message : String(e)}`),
          ),
        );
        pump();
        return;
      }
      startTimer(slot, slot.ready ? cfg.timeMs : cfg.timeMs + BOOT_MS);
      if (slot.ready) watchMemory();
    });
  };

  const pump = () => {
    while (queue.length && !closed) {
      const slot = slots.find((s) => !s.task && !s.gone) ?? (slots.length < cfg.workers ? spawn() : null);
      if (!slot) return;
      assign(slot, queue.shift()!);
    }
  };

  const run = (job: ParseJob): Promise<ParseJobResult> => {
    if (closed)
      return Promise.resolve(unreadResult(finding('input_unreadable', '核对服务已关闭，请稍后再试')));
    const tooBig = sizeLimitResult(sizeOf(job), limits.maxBytes);
    if (tooBig) return Promise.resolve(tooBig);
    const busy = () =>
      unreadResult(finding('input_unreadable', `核对服务繁忙（等待超过${seconds(cfg.timeMs)}），请稍后再试`));
    if (queue.length >= cfg.maxQueue) return Promise.resolve(busy());
    const p = new Promise<ParseJobResult>((resolve) => {
      const task: Task = { id: nextId++, job, resolve };
      task.queued = setTimeout(() => {
        const i = queue.indexOf(task);
        if (i < 0) return;
        queue.splice(i, 1);
        resolve(busy());
      }, cfg.timeMs);
      task.queued.unref();
      queue.push(task);
      pump();
    });
    pending.add(p);
    void p.then(() => pending.delete(p));
    return p;
  };

  const close = (): Promise<void> =>
    (closing ??= (async () => {
      closed = true;
      for (const t of queue.splice(0)) {
        clearTimeout(t.queued);
        t.resolve(unreadResult(finding('input_unreadable', '核对服务已关闭，请稍后再试')));
      }
      // running jobs finish (or run out of time) first
      await Promise.all([...pending]);
      clearInterval(watch);
      await Promise.all(
        slots.splice(0).map((s) => {
          s.gone = true;
          clearTimeout(s.timer);
          return s.worker.terminate();
        }),
      );
    })());

  return {
    run,
    close,
    get closed() {
      return closed;
    },
    get running() {
      return slots.filter((s) => s.task && !s.gone).length;
    },
    stats,
  };
}

// ---------------------------------------------------------------- the process's pool

let shared: ParsePool | null = null;
let sharedOptions: ParsePoolOptions = {};

/** The pool the use cases share: created on first use (and again after it was closed). */
export function sharedParsePool(): ParsePool {
  if (!shared || shared.closed) shared = createParsePool(sharedOptions);
  return shared;
}

/** Sets the budgets of the shared pool (wiring, tests); the current pool is closed and the next use starts one. */
export async function configureSharedParsePool(options: ParsePoolOptions): Promise<void> {
  sharedOptions = { ...options };
  await closeSharedParsePool();
}

/** Closes the shared pool (the web app's onClose); a later use starts a new one. */
export async function closeSharedParsePool(): Promise<void> {
  const p = shared;
  shared = null;
  await p?.close();
}
