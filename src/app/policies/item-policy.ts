/** Who may see and work on 主动公开 items: staff of the item's organ; a supervisor reads its subtree only. */
import type { ItemRow, Organ } from '../../core/entities.js';
import { policy } from './authorize.js';
import { visibleOrganIds } from './case-policy.js';

/** Read an item in the back office: within the user's organs, otherwise it does not exist for them. */
export const canReadItem = policy<{ item: ItemRow; organs: readonly Organ[] }>(
  'item_not_found',
  '找不到该信息',
  (user, { item, organs }) => visibleOrganIds(user, organs).includes(item.organId),
  'not_found',
);

/** Draft, attach, review, approve, publish: anyone of the organ but a supervisor (the table decides the step). */
export const canWorkOnItems = policy(
  'forbidden',
  '上级主管部门只能查看',
  (user) => user.role !== 'supervisor',
);
