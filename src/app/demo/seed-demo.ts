/**
 * The demo installation: a county with departments and townships (田湖镇人民政府 among them), staff of every
 * role, and a few dozen cases in every state spread over two years, recorded through the case machine.
 */
import { randomBytes } from 'node:crypto';
import type { Organ, StaffRole } from '../../core/entities.js';
import type { Store } from '../../core/ports.js';
import type { CaseEvent } from '../../core/case/case-event.js';
import type { CaseFacts, OutcomeCode } from '../../core/case/case-model.js';
import { replay } from '../../core/case/case-machine.js';
import { replyClock } from '../../core/case/deadlines.js';
import { addDays, dayNumber } from '../../core/calendar/iso-date.js';
import { addWorkingDays, nextWorkdayOnOrAfter } from '../../core/calendar/working-days.js';
import { hashPassword, queryCode } from '../../adapters/security/password-hasher.js';
import { type AppDeps, today } from '../deps.js';
import { queryCodeHash } from '../cases/create-case.js';
import { DEFAULT_INDEX_PATTERN } from '../../core/publication/item-model.js';

const org = (
  id: string,
  parentId: string | null,
  name: string,
  code: string,
  kind: Organ['kind'],
  officeName: string,
  address: string,
): Organ => ({
  id,
  parentId,
  name,
  code,
  kind,
  officeName,
  sealName: name,
  address,
  postcode: '276000',
  phone: '0539-1234567',
  hours: '工作日 上午8:30-12:00，下午14:00-17:30',
  email: `gk-${id}@example.gov.cn`,
  indexPattern: DEFAULT_INDEX_PATTERN,
  reportDeadline: null,
});

export const DEMO_ORGANS: Organ[] = [
  org(
    'county',
    null,
    '某县人民政府',
    'XJ',
    'government',
    '县人民政府办公室（县政务公开办）',
    '某县人民路1号',
  ),
  org('county-zrj', 'county', '某县自然资源局', 'ZRJ', 'department', '局办公室', '某县建设路18号'),
  org('county-hbj', 'county', '某县生态环境局', 'HBJ', 'department', '局办公室', '某县青年路6号'),
  org('tianhu', 'county', '田湖镇人民政府', 'TH', 'township', '田湖镇党政办公室', '某县田湖镇政府街1号'),
  org('shuangshan', 'county', '双山乡人民政府', 'SS', 'township', '双山乡党政办公室', '某县双山乡振兴路2号'),
];

/** An open demo case a newcomer can follow on the applicant's side: its number and working query code. */
export interface DemoCase {
  caseId: string;
  queryCode: string;
  state: string;
}

export interface DemoLogin {
  username: string;
  password: string;
  role: StaffRole;
  organ: string;
  displayName: string;
}

const USERS: Omit<DemoLogin, 'password'>[] = [
  { username: 'th-clerk', role: 'clerk', organ: 'tianhu', displayName: '李经办' },
  { username: 'th-head', role: 'head', organ: 'tianhu', displayName: '王主任' },
  { username: 'th-admin', role: 'admin', organ: 'tianhu', displayName: '赵管理员' },
  { username: 'county-super', role: 'supervisor', organ: 'county', displayName: '县政务公开办' },
  { username: 'county-admin', role: 'admin', organ: 'county', displayName: '平台管理员' },
  { username: 'county-clerk', role: 'clerk', organ: 'county', displayName: '县办经办人' },
  { username: 'county-head', role: 'head', organ: 'county', displayName: '县办负责人' },
  { username: 'zrj-clerk', role: 'clerk', organ: 'county-zrj', displayName: '资源局经办人' },
  { username: 'zrj-head', role: 'head', organ: 'county-zrj', displayName: '资源局负责人' },
  { username: 'ss-clerk', role: 'clerk', organ: 'shuangshan', displayName: '双山乡经办人' },
];

const DESCRIPTIONS = [
  '2024年本镇农村危房改造补助对象名单及补助标准',
  '某村土地征收补偿安置方案及批复文件',
  '本镇2023年度财政预算、决算',
  '某养殖场环境影响评价批复',
  '某道路改造工程招标文件及中标结果',
  '本镇低保对象名单（已公示部分）',
  '某村宅基地审批情况',
  '2022年以来本镇行政处罚决定书',
  '某小区规划许可证及总平面图',
  '农田水利工程建设项目资金使用情况',
  '本镇防汛应急预案',
  '某企业安全生产检查记录',
];
const NAMES = [
  '张伟',
  '王芳',
  '李娜',
  '刘洋',
  '陈静',
  '杨磊',
  '黄敏',
  '赵强',
  '某建材有限公司',
  '某律师事务所',
  '某环保公益协会',
  '某农业科学研究院',
];

function facts(i: number): CaseFacts {
  const name = NAMES[i % NAMES.length]!;
  const type = name.includes('公司')
    ? 'commercial_enterprise'
    : name.includes('律师')
      ? 'legal_service_organization'
      : name.includes('协会')
        ? 'social_welfare_organization'
        : name.includes('研究院')
          ? 'research_institution'
          : 'natural_person';
  return {
    applicant: {
      type,
      name,
      idNumber: type === 'natural_person' ? '370102199003071238' : '91371300MA3C1234XK',
      phone: `1380539${String(1000 + i).slice(-4)}`,
      address: `某县某路${i + 1}号`,
      ...(type !== 'natural_person' ? { representative: '孙某' } : {}),
    },
    channel: (['online', 'letter', 'in_person', 'online', 'fax', 'email'] as const)[i % 6]!,
    description: DESCRIPTIONS[i % DESCRIPTIONS.length]!,
    requestedForm: i % 3 === 0 ? 'paper' : 'electronic',
    delivery: i % 3 === 0 ? 'post' : 'email',
  };
}

/** Seeds an empty store; returns the logins. `passwords` fixes passwords (tests); otherwise random ones. */
export async function seedDemo(
  deps: AppDeps,
  opts: { passwords?: Record<string, string>; cases?: boolean; items?: number } = {},
): Promise<{ logins: DemoLogin[]; cases: DemoCase[] }> {
  const store: Store = deps.store;
  for (const o of DEMO_ORGANS) await store.organs.create(o);
  const logins: DemoLogin[] = [];
  const userIds = new Map<string, string>();
  for (const u of USERS) {
    const password = opts.passwords?.[u.username] ?? randomBytes(6).toString('base64url');
    const id = `u-${u.username}`;
    userIds.set(u.username, id);
    await store.users.create({
      id,
      organId: u.organ,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      passwordHash: await hashPassword(password),
      failedLogins: 0,
      lockedUntil: null,
      disabled: false,
    });
    logins.push({ ...u, password });
  }
  const cases = opts.cases !== false ? await seedCases(deps, userIds) : [];
  const { seedItems } = await import('./seed-items.js');
  const { ensureCatalogue } = await import('../publication/items.js');
  for (const o of DEMO_ORGANS) await ensureCatalogue(deps, o);
  if (opts.items !== undefined ? opts.items > 0 : opts.cases !== false) {
    const per = opts.items ?? 80;
    const staffOf: Record<string, [string, string]> = {
      tianhu: ['th-clerk', 'th-head'],
      county: ['county-clerk', 'county-head'],
      'county-zrj': ['zrj-clerk', 'zrj-head'],
    };
    for (const [organId, [c, h]] of Object.entries(staffOf)) {
      const cu = USERS.find((u) => u.username === c)!;
      const hu = USERS.find((u) => u.username === h)!;
      await seedItems(deps, DEMO_ORGANS.find((o) => o.id === organId)!, per, {
        clerk: userIds.get(c)!,
        head: userIds.get(h)!,
        clerkName: cu.displayName,
        headName: hu.displayName,
      });
    }
    // last year's 年报, compiled from the demo data and published on time (needs the cases)
    if (opts.cases !== false) await (await import('./seed-reports.js')).seedReports(deps);
  }
  return { logins, cases };
}

/** The demo's cases; returns the open ones of 田湖镇 with their query codes (the others' codes are not kept). */
async function seedCases(deps: AppDeps, userIds: Map<string, string>): Promise<DemoCase[]> {
  const tryable: DemoCase[] = [];
  const t = today(deps);
  const ctx = { calendar: deps.calendar, rules: deps.rules };
  const outcomes: OutcomeCode[] = [
    'disclosed',
    'disclosed',
    'partially_disclosed',
    'unavailable_not_held',
    'withheld_third_party_rights',
    'not_processed_repeat',
    'withheld_process_information',
    'unavailable_needs_creation',
    'not_processed_petition',
  ];
  const organs = ['tianhu', 'tianhu', 'tianhu', 'county-zrj', 'county', 'shuangshan'];
  const clerkOf: Record<string, string> = {
    tianhu: 'th-clerk',
    'county-zrj': 'zrj-clerk',
    county: 'county-clerk',
    shuangshan: 'ss-clerk',
  };
  const headOf: Record<string, string> = {
    tianhu: 'th-head',
    'county-zrj': 'zrj-head',
    county: 'county-head',
    shuangshan: 'th-head',
  };
  const N = 48;
  for (let i = 0; i < N; i++) {
    const organId = organs[i % organs.length]!;
    const organ = DEMO_ORGANS.find((o) => o.id === organId)!;
    // spread over two years: older cases concluded, the latest ones open in every state
    const age = i < 36 ? 40 + Math.floor((i / 36) * 680) : 2 + (i - 36) * 4;
    const received = nextWorkdayOnOrAfter(addDays(t, -age), deps.calendar);
    const f = facts(i);
    const events: CaseEvent[] = [{ kind: 'registered', on: received, submittedOn: received, facts: f }];
    const w = (n: number) => addWorkingDays(received, n, deps.calendar);
    const kind = i < 36 ? i % 6 : i - 36;
    const push = (e: CaseEvent) => {
      if (dayNumber(e.on) <= dayNumber(t)) events.push(e);
    };
    const head =
      DEMO_ORGANS.find((o) => o.id === organId) &&
      USERS.find((u) => u.username === headOf[organId])!.displayName;
    if (i < 36) {
      if (kind === 1) {
        push({
          kind: 'clarification_requested',
          on: w(3),
          items: ['请写明所需文件的年度和村名'],
          replyWithinDays: 15,
        });
        push({ kind: 'clarification_received', on: w(8) });
      }
      if (kind === 2) {
        push({ kind: 'third_party_consulted', on: w(4), party: '某建设工程有限公司' });
        push({ kind: 'third_party_replied', on: w(12), answer: i % 2 ? 'objection' : 'consent' });
      }
      if (kind === 3)
        push({
          kind: 'extended',
          on: w(18),
          days: 15,
          approvedBy: head!,
          reason: '所需信息涉及多个村，需要调取档案核对',
        });
      if (kind === 4 && i % 4 === 0) {
        push({ kind: 'clarification_requested', on: w(2), items: ['请说明所需信息的名称或文号'] });
        push({ kind: 'clarification_lapsed', on: w(30) });
      } else if (kind === 5 && i % 5 === 0) push({ kind: 'withdrawn', on: w(5) });
      else {
        const last = events[events.length - 1]!.on;
        const decideOn = addWorkingDays(last, 3 + (i % 9), deps.calendar);
        push({ kind: 'decided', on: decideOn, outcome: outcomes[i % outcomes.length]!, signedBy: head! });
        push({
          kind: 'delivered',
          on: addWorkingDays(decideOn, 1, deps.calendar),
          method: f.delivery === 'post' ? '邮寄（EMS）' : '电子邮件',
        });
      }
    } else {
      // open cases, one of each state, some due soon or overdue
      if (kind === 1)
        push({
          kind: 'clarification_requested',
          on: w(1),
          items: ['请写明所需信息的具体名称', '请补充身份证明'],
        });
      if (kind === 2) push({ kind: 'third_party_consulted', on: w(1), party: '某混凝土有限公司' });
      if (kind === 3) push({ kind: 'fee_notice_issued', on: w(1), method: 'per_piece', amountYuan: 300 });
      if (kind === 4) {
        push({ kind: 'co_producer_consulted', on: w(1), organ: '某县住房和城乡建设局' });
      }
      if (kind === 5) {
        push({ kind: 'decided', on: w(2), outcome: 'disclosed', signedBy: head! });
      }
    }
    const r = replay(events, ctx);
    if (r.error) continue;
    const year = Number(received.slice(0, 4));
    const serial = await deps.store.cases.nextSerial(organId, year);
    const caseId = `${organ.code}-${year}-${String(serial).padStart(4, '0')}`;
    const now = deps.now().toISOString();
    const clerkId = userIds.get(clerkOf[organId]!)!;
    const code = queryCode();
    if (i >= 36 && organId === 'tianhu') tryable.push({ caseId, queryCode: code, state: r.snapshot.state });
    await deps.store.transaction(async (tx) => {
      const first = replay(events.slice(0, 1), ctx).snapshot;
      await tx.cases.create(
        {
          id: caseId,
          organId,
          year,
          serial,
          queryCodeHash: queryCodeHash(deps.secret, caseId, code),
          applicantName: f.applicant.name,
          applicantType: f.applicant.type,
          channel: f.channel,
          description: f.description,
          receivedOn: received,
          state: first.state,
          dueOn: replyClock(first, deps.calendar, deps.rules)?.due ?? null,
          assigneeId: i % 3 === 0 ? clerkId : null,
          createdAt: now,
          updatedAt: now,
        },
        {
          caseId,
          seq: 1,
          event: events[0]!,
          actorId: f.channel === 'online' ? null : clerkId,
          actorRole: f.channel === 'online' ? 'applicant' : 'clerk',
          recordedAt: `${received}T01:00:00.000Z`,
        },
      );
      for (let k = 1; k < events.length; k++) {
        const part = replay(events.slice(0, k + 1), ctx).snapshot;
        const ev = events[k]!;
        const role = ev.kind === 'decided' || ev.kind === 'extended' ? 'head' : 'clerk';
        await tx.cases.appendEvent(
          {
            caseId,
            seq: k + 1,
            event: ev,
            actorId: userIds.get(role === 'head' ? headOf[organId]! : clerkOf[organId]!) ?? null,
            actorRole: role,
            recordedAt: `${ev.on}T02:00:00.000Z`,
          },
          {
            state: part.state,
            dueOn: replyClock(part, deps.calendar, deps.rules)?.due ?? null,
            updatedAt: now,
          },
        );
      }
      const s = r.snapshot;
      if (s.outcome === 'withheld_third_party_rights' && i % 2 === 0) {
        await tx.reviews.create({
          id: `rv-${caseId}`,
          caseId,
          organId,
          kind: i % 4 === 0 ? 'review' : 'litigation_direct',
          reference: `某复决字〔${year}〕${i}号`,
          filedOn: addWorkingDays(s.concludedOn!, 20, deps.calendar),
          concludedOn:
            dayNumber(addWorkingDays(s.concludedOn!, 60, deps.calendar)) < dayNumber(t)
              ? addWorkingDays(s.concludedOn!, 60, deps.calendar)
              : null,
          result:
            dayNumber(addWorkingDays(s.concludedOn!, 60, deps.calendar)) < dayNumber(t) ? 'upheld' : null,
          createdAt: now,
        });
      }
    });
  }
  return tryable;
}
