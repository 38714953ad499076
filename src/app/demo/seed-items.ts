/**
 * Demo 主动公开 content: a few hundred realistic items across the columns and the last years, each with a full
 * recorded workflow (拟稿 → 公开属性认定 → 保密审查 → 审核 → 发布), written straight to the store with their dates.
 */
import { randomBytes } from 'node:crypto';
import type { ColumnRow, ItemRow, Organ } from '../../core/entities.js';
import type { ItemEvent, ItemMeta } from '../../core/publication/item-model.js';
import { DEFAULT_INDEX_PATTERN, indexNumber } from '../../core/publication/item-model.js';
import { bigrams, normalizeSearchText, unigrams } from '../../core/publication/search-text.js';
import { addDays } from '../../core/calendar/iso-date.js';
import { addWorkingDays, nextWorkdayOnOrAfter } from '../../core/calendar/working-days.js';
import { sanitizeBody } from '../../adapters/render/sanitize-html.js';
import { type AppDeps, today } from '../deps.js';
import { ensureCatalogue } from '../publication/items.js';

const TOPICS: Record<string, string[]> = {
  briefing: ['{org}工作简报（第{n}期）', '{org}关于{m}月份重点工作推进情况的简报'],
  news: [
    '{org}召开{m}月份安全生产工作会议',
    '{org}开展“政府开放日”活动',
    '{org}组织开展防汛应急演练',
    '{org}推进农村人居环境整治工作',
    '{org}召开政务公开工作专题会议',
    '{org}开展行政复议和政府信息公开业务培训',
  ],
  'art20-1': ['{org}关于印发《行政规范性文件管理办法》的通知', '{org}关于规范农村宅基地审批管理的通知'],
  'art20-2': ['{org}机构职能', '{org}领导分工调整情况'],
  'art20-5': ['{org}{y}年{m}月行政许可办理结果公示', '{org}政务服务事项清单（{y}年版）'],
  'art20-6': ['{org}行政处罚决定书（{y}年第{n}号）', '{org}行政执法事项清单'],
  'art20-7': ['{org}{y}年部门预算', '{org}{y}年度财政决算', '{org}{y}年“三公”经费预算说明'],
  'art20-9': ['{org}{y}年政府集中采购项目实施情况'],
  'art20-11': [
    '{org}{y}年城乡居民基本医疗保险参保缴费政策解读',
    '{org}{y}年度城乡低保对象名单公示',
    '{org}农村危房改造补助对象公示',
  ],
  'art20-12': ['{org}突发事件总体应急预案', '{org}森林火灾应急预案'],
  'art20-13': ['{org}{y}年{m}月安全生产监督检查情况', '{org}食品安全监督抽检结果公告'],
  rules: ['{org}政府信息公开保密审查制度', '{org}政府信息主动公开工作制度', '{org}依申请公开工作规程'],
  'area-9': ['{org}{y}年农村危房改造对象公示'],
  'area-18': ['{org}{y}年{m}月社会救助资金发放情况'],
  'area-21': ['{org}{y}年耕地地力保护补贴发放公示'],
};

const BODY = [
  '为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步提高政府工作透明度，现将有关情况公开如下。',
  '一、基本情况。本年度共办理相关事项，依法依规公开办理依据、条件、程序和结果，接受社会监督。',
  '二、工作措施。坚持“公开为常态、不公开为例外”，严格执行保密审查制度，做到先审查、后公开，一事一审、全面审查。',
  '三、下一步工作。持续完善主动公开目录，及时回应社会关切，提升政务公开质效。如有疑问，请与政府信息公开工作机构联系。',
];

/** Publishes `n` items per organ across columns, dated over the last two years. */
export async function seedItems(
  deps: AppDeps,
  organ: Organ,
  n: number,
  users: { clerk: string; head: string; clerkName: string; headName: string },
): Promise<void> {
  const columns = await ensureCatalogue(deps, organ);
  const keys = Object.keys(TOPICS).filter((k) => columns.some((c) => c.key === k));
  const t = today(deps);
  // oldest first, so 索引号 serials rise with the publication dates
  for (let i = n - 1; i >= 0; i--) {
    const key = keys[i % keys.length]!;
    const col = columns.find((c) => c.key === key) as ColumnRow;
    const publishedOn = nextWorkdayOnOrAfter(addDays(t, -Math.floor((i / n) * 730) - 1), deps.calendar);
    const y = Number(publishedOn.slice(0, 4));
    const m = Number(publishedOn.slice(5, 7));
    const tpl = TOPICS[key]![i % TOPICS[key]!.length]!;
    const title = tpl
      .replace('{org}', organ.name)
      .replace('{n}', String((i % 24) + 1))
      .replace('{m}', String(m))
      .replace('{y}', String(y))
      .replace('{py}', String(y - 1));
    // most items formed a few working days before publication; every 17th late (条例第二十六条)
    const formedOn = addWorkingDays(
      addDays(publishedOn, -(i % 17 === 0 ? 45 : 3 + (i % 9))),
      0,
      deps.calendar,
    );
    const docType = key === 'art20-1' ? 'normative' : 'other';
    const meta: ItemMeta = {
      title,
      columnId: col.id,
      topic: key.startsWith('art20-7') ? '财政、金融、审计\\财政' : '综合政务\\政务公开',
      publisher: organ.name,
      formedOn,
      docNumber: key === 'art20-1' ? `${organ.code}政发〔${y}〕${(i % 30) + 1}号` : '',
      docType,
      validity: 'valid',
      validityDate: null,
      repealedBy: null,
      openMode: '主动公开',
    };
    const body = sanitizeBody(`${title}\n${BODY.join('\n')}`);
    const id = randomBytes(8).toString('hex');
    await deps.store.transaction(async (tx) => {
      const serial = await tx.publication.items.nextSerial(organ.id, y);
      const at = (d: string, h: number) => `${d}T0${h}:00:00.000Z`;
      const row: ItemRow = {
        ...meta,
        id,
        organId: organ.id,
        indexNo: indexNumber(DEFAULT_INDEX_PATTERN, { code: organ.code, year: y, month: m, serial }),
        state: 'published',
        version: 1,
        publishedVersion: null,
        publishedOn: null,
        firstPublishedOn: null,
        searchRowid: null,
        bodyHtml: '',
        bodyText: '',
        createdAt: at(formedOn, 1),
        updatedAt: at(publishedOn, 5),
        createdBy: users.clerk,
      };
      const events: ItemEvent[] = [
        { kind: 'created', at: at(formedOn, 1), by: users.clerkName, version: 1 },
        {
          kind: 'attributed',
          at: at(publishedOn, 2),
          by: users.clerkName,
          disclosure: 'proactive',
          basis: '条例第二十条',
        },
        {
          kind: 'reviewed',
          at: at(publishedOn, 3),
          by: users.headName,
          version: 1,
          passed: true,
          basis: '经审查，不涉及国家秘密、工作秘密和个人隐私',
        },
        { kind: 'approved', at: at(publishedOn, 4), by: users.headName, version: 1 },
        {
          kind: 'published',
          at: at(publishedOn, 5),
          by: users.clerkName,
          version: 1,
          publishOn: publishedOn,
        },
      ];
      await tx.publication.items.create(
        row,
        {
          itemId: id,
          version: 1,
          title,
          bodyHtml: body.html,
          bodyText: body.text,
          meta,
          createdAt: at(formedOn, 1),
          createdBy: users.clerk,
        },
        { itemId: id, seq: 1, event: events[0]!, actorId: users.clerk, actorRole: 'clerk' },
      );
      for (let k = 1; k < events.length; k++) {
        const e = events[k]!;
        const head = e.kind === 'reviewed' || e.kind === 'approved';
        await tx.publication.items.appendEvent(
          {
            itemId: id,
            seq: k + 1,
            event: e,
            actorId: head ? users.head : users.clerk,
            actorRole: head ? 'head' : 'clerk',
          },
          {
            state:
              k === events.length - 1
                ? 'published'
                : (['draft', 'attributed', 'reviewed', 'approved'] as const)[k]!,
            version: 1,
            updatedAt: e.at,
          },
        );
      }
      const norm = normalizeSearchText(`${title}\n${body.text}`);
      await tx.publication.items.publish(id, {
        title,
        bodyHtml: body.html,
        bodyText: body.text,
        searchText: norm,
        unigrams: unigrams(norm),
        bigrams: bigrams(norm),
        publishedOn,
        publishedVersion: 1,
        meta,
      });
    });
  }
}
