/** Every task the job runners run, by name: notices, the scheduled digests and reminders, 定时发布. */
import type { AppDeps } from '../deps.js';
import { noticeTasks } from '../notices/case-notices.js';
import { digestTasks, scheduleDue } from '../notices/staff-digest.js';
import { publicationTasks } from '../publication/scheduled-publication.js';
import { recordItemStep } from '../publication/items.js';

export function allTasks(deps: AppDeps) {
  return {
    ...noticeTasks(deps),
    ...digestTasks(deps),
    ...publicationTasks(deps, async (user, itemId, form) => {
      await recordItemStep(deps, user, itemId, 'published', form, '');
    }),
  };
}

/** Looks at the clock every minute (and now) for scheduled work; returns the function that stops it. */
export function startScheduler(deps: AppDeps, everyMs = 60_000): () => void {
  const tick = () => {
    scheduleDue(deps).catch(() => {
      // the database did not answer: the next minute tries again
    });
  };
  tick();
  const t = setInterval(tick, everyMs);
  t.unref();
  return () => clearInterval(t);
}
