/**
 * What the public pages need beyond a column, an item and a search: the platform's organs, an organ's
 * 政府信息公开指南 data, a published attachment's bytes, and the paths the sitemap lists.
 */
import type { Organ } from '../../core/entities.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { isPublicNow } from '../../core/publication/public-now.js';
import { ensureCatalogue } from './items.js';
import { publicFile } from './portal.js';

/** Every organ on the platform, in tree order (the platform home and the apply page list them). */
export async function listOrgans(deps: AppDeps): Promise<Organ[]> {
  return deps.store.organs.list();
}

/** One organ, or not found. */
export async function getOrgan(deps: AppDeps, organId: string): Promise<Organ> {
  const organ = await deps.store.organs.find(organId);
  if (!organ) throw new AppError('organ_not_found', '找不到该机关', 'not_found');
  return organ;
}

/** The organ and its parent: the 指南 names where to apply for 行政复议 (条例第十二条). */
export async function organGuide(
  deps: AppDeps,
  organId: string,
): Promise<{ organ: Organ; parent: Organ | undefined }> {
  const organ = await getOrgan(deps, organId);
  const parent = organ.parentId ? await deps.store.organs.find(organ.parentId) : undefined;
  return { organ, parent };
}

/** A published attachment with its bytes (only of the published version of a public item). */
export async function downloadPublicFile(deps: AppDeps, organId: string, fileId: string) {
  const f = await publicFile(deps, organId, fileId);
  return { filename: f.filename, mime: f.mime, bytes: await deps.files.get(f.storageKey) };
}

/** Site-relative paths of every public page: platform home, organ homes, 指南, columns and public items. */
export async function sitemapPaths(deps: AppDeps): Promise<string[]> {
  const organs = await deps.store.organs.list();
  const paths: string[] = ['/'];
  for (const o of organs) {
    paths.push(`/gk/${o.id}`, `/gk/${o.id}/guide`);
    for (const c of await ensureCatalogue(deps, o))
      if (c.kind !== 'guide') paths.push(`/gk/${o.id}/c/${c.key}`);
    const items = await deps.store.publication.items.listPublic({
      organIds: [o.id],
      today: today(deps),
      limit: 5000,
    });
    for (const i of items) paths.push(`/gk/${o.id}/i/${i.id}`);
  }
  return paths;
}

/** The newest public items (50), optionally of one organ, year or 有效性 — the API's list without a query. */
export async function latestPublicItems(
  deps: AppDeps,
  f: { organ?: string | undefined; year?: string | undefined; validity?: string | undefined },
) {
  return deps.store.publication.items.listPublic({
    today: today(deps),
    limit: 50,
    ...(f.organ ? { organIds: [f.organ] } : {}),
    ...(f.year ? { year: Number(f.year) } : {}),
    ...(f.validity ? { validity: f.validity } : {}),
  });
}

/** One item that is public today, or not found. */
export async function getPublicItem(deps: AppDeps, id: string) {
  const i = await deps.store.publication.items.find(id);
  if (!i || !isPublicNow(i, today(deps))) throw new AppError('item_not_found', '找不到该信息', 'not_found');
  return i;
}
