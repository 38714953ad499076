/** Every task the job runners run, by name (notices today; digests and scheduled work join here). */
import type { AppDeps } from '../deps.js';
import { noticeTasks } from '../notices/case-notices.js';

export function allTasks(deps: AppDeps) {
  return { ...noticeTasks(deps) };
}
