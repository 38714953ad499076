/** Page layout and form components (server-rendered JSX, escaped by default; no JavaScript). */
import type { Child, FC } from 'hono/jsx';
import type { Organ, StaffUser } from '../../core/entities.js';

export interface PageProps {
  title: string;
  /** the staff member; a head's `pendingApprovals` (counted where the session's user is loaded) shows in the header */
  user?:
    | (StaffUser & {
        pendingApprovals?: number;
        organName?: string;
        /** the platform administrator edits the working-day calendar */
        editsCalendar?: boolean;
        unreadNotifications?: number;
        calendarWarning?: string | undefined;
      })
    | null;
  csrf?: string;
  flash?: { kind: 'ok' | 'err'; text: string } | null;
  children?: Child;
}

const ROLE_LABEL: Record<string, string> = {
  clerk: '经办人',
  head: '负责人',
  admin: '管理员',
  supervisor: '上级主管部门',
};

export const Layout: FC<PageProps> = ({ title, user, csrf, flash, children }) => (
  <html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width,initial-scale=1" />
      <title>{`${title} - 政府信息公开`}</title>
      <link rel="stylesheet" href="/assets/app.css" />
    </head>
    <body>
      <a class="skip" href="#main">
        跳到正文
      </a>
      <header class="site">
        {user ? (
          <>
            <a class="brand" href="/admin">
              政府信息公开 · 办理系统
            </a>
            <nav aria-label="后台导航">
              <a href="/admin">依申请公开</a>
              <a href="/admin/items">主动公开</a>
              {user.role === 'head' ? (
                <a href="/admin/approvals">
                  待我审批{user.pendingApprovals ? `（${user.pendingApprovals}）` : ''}
                </a>
              ) : null}
              {user.role === 'clerk' || user.role === 'head' ? <a href="/admin/cases/new">登记申请</a> : null}
              <a href="/admin/stats">统计</a>
              <a href="/admin/notifications" id="bell">
                提醒{user.unreadNotifications ? `（${user.unreadNotifications}）` : ''}
              </a>
              <a href="/admin/outbox">通知记录</a>
              {user.role === 'supervisor' ? <a href="/admin/supervise">监督</a> : null}
              {user.role !== 'supervisor' ? <a href="/admin/report">年度报告</a> : null}
              {user.role === 'admin' ? (
                <>
                  <a href="/admin/organ">机关信息</a>
                  <a href="/admin/staff">账号</a>
                  <a href="/admin/columns">栏目</a>
                  {user.editsCalendar ? (
                    <>
                      <a href="/admin/calendar">工作日历</a>
                      <a href="/admin/jobs">后台任务</a>
                    </>
                  ) : null}
                  <a href="/admin/deadlines">所属机关</a>
                  <a href="/admin/audit">操作日志</a>
                </>
              ) : null}
              <a href="/admin/password">修改密码</a>
              <span>
                <span id="staff-organ">{user.organName ?? ''}</span> {user.displayName}（
                {ROLE_LABEL[user.role]}）
              </span>
              <form method="post" action="/admin/logout">
                <input type="hidden" name="_csrf" value={csrf ?? ''} />
                <button type="submit">退出</button>
              </form>
            </nav>
          </>
        ) : (
          <>
            <a class="brand" href="/apply">
              政府信息公开
            </a>
            <nav aria-label="公众导航">
              <a href="/apply">申请公开</a>
              <a href="/status">查询办理进度</a>
            </nav>
          </>
        )}
      </header>
      <main id="main">
        {user?.calendarWarning ? (
          <p class="flash err" role="alert" id="calendar-warning">
            {user.calendarWarning} <a href="/admin/calendar">录入节假日安排</a>
          </p>
        ) : null}
        {flash ? (
          <p class={`flash ${flash.kind}`} role={flash.kind === 'err' ? 'alert' : 'status'}>
            {flash.text}
          </p>
        ) : null}
        {children}
      </main>
      <footer class="site">依据《中华人民共和国政府信息公开条例》（国务院令第711号）办理。</footer>
    </body>
  </html>
);

export const Csrf: FC<{ token: string }> = ({ token }) => <input type="hidden" name="_csrf" value={token} />;

export interface FieldProps {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
  type?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: 'numeric' | 'tel' | 'email' | 'text';
  textarea?: boolean;
  max?: string;
  /** the most characters it takes (the browser stops typing there; state it in the hint too) */
  maxlength?: number;
  /** the element id when a page has the same field in several forms (default `f-<name>`) */
  id?: string;
}

export const Field: FC<FieldProps> = (p) => {
  const id = p.id ?? `f-${p.name}`;
  const described =
    [p.hint ? `${id}-hint` : '', p.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: p.name,
    'aria-invalid': p.error ? 'true' : undefined,
    'aria-describedby': described,
    required: p.required,
    maxlength: p.maxlength,
    class: p.error ? 'invalid' : undefined,
  };
  return (
    <div class="field">
      <label for={id}>
        {p.label}
        {p.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.textarea ? (
        <textarea {...common}>{p.value ?? ''}</textarea>
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          value={p.value ?? ''}
          autocomplete={p.autocomplete}
          inputmode={p.inputmode}
          max={p.max}
        />
      )}
      {p.error ? (
        <p class="error" id={`${id}-err`}>
          {p.error}
        </p>
      ) : null}
    </div>
  );
};

export interface Option {
  value: string;
  label: string;
}

export const Radios: FC<{
  name: string;
  legend: string;
  options: Option[];
  value?: string | undefined;
  error?: string | undefined;
}> = (p) => (
  <fieldset
    class="choices"
    aria-invalid={p.error ? 'true' : undefined}
    aria-describedby={p.error ? `f-${p.name}-err` : undefined}
  >
    <legend>{p.legend} *</legend>
    {p.options.map((o) => (
      <label>
        <input type="radio" name={p.name} value={o.value} checked={p.value === o.value} required /> {o.label}
      </label>
    ))}
    {p.error ? (
      <p class="error" id={`f-${p.name}-err`}>
        {p.error}
      </p>
    ) : null}
  </fieldset>
);

export const Select: FC<{
  name: string;
  label: string;
  options: Option[];
  value?: string | undefined;
  error?: string | undefined;
  /** the element id when a page has the same field in several forms (default `f-<name>`) */
  id?: string;
}> = (p) => (
  <div class="field">
    <label for={p.id ?? `f-${p.name}`}>{p.label}</label>
    <select
      id={p.id ?? `f-${p.name}`}
      name={p.name}
      class={p.error ? 'invalid' : undefined}
      aria-invalid={p.error ? 'true' : undefined}
    >
      {p.options.map((o) => (
        <option value={o.value} selected={p.value === o.value}>
          {o.label}
        </option>
      ))}
    </select>
    {p.error ? <p class="error">{p.error}</p> : null}
  </div>
);

/** The form's errors in the order its fields appear (the order of `labels`), each linked to its field. */
/**
 * How the applicant wants to be told of each step of the case (e-mail, SMS). `fresh`: a new form, e-mail ticked.
 * The letters themselves stay on the status page.
 */
export const NotifyChoices: FC<{
  values: Record<string, string>;
  fields: Record<string, string>;
  fresh: boolean;
}> = ({ values, fields, fresh }) => (
  <fieldset aria-describedby="notify-hint">
    <legend>办理进度通知（选填）</legend>
    <p class="hint" id="notify-hint">
      登记、补正、延期、收费、答复等每一步都会通知您；通知只写明机关和案件编号，告知书和答复书请在查询页面查看。
    </p>
    {(
      [
        ['notifyEmail', '通过电子邮件通知（需填写电子邮箱）', fresh || values.notifyEmail === 'yes'],
        ['notifySms', '通过短信通知（需以11位手机号码作为联系电话）', values.notifySms === 'yes'],
      ] as const
    ).map(([name, label, checked]) => (
      <div class="field">
        <label>
          <input
            type="checkbox"
            id={`f-${name}`}
            name={name}
            value="yes"
            checked={checked}
            aria-invalid={fields[name] ? 'true' : undefined}
            aria-describedby={fields[name] ? `f-${name}-err` : undefined}
          />{' '}
          {label}
        </label>
        {fields[name] ? (
          <p class="error" id={`f-${name}-err`}>
            {fields[name]}
          </p>
        ) : null}
      </div>
    ))}
  </fieldset>
);

export const ErrorSummary: FC<{ fields: Record<string, string>; labels: Record<string, string> }> = ({
  fields,
  labels,
}) => {
  const order = Object.keys(labels);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const keys = Object.keys(fields).sort((a, b) => rank(a) - rank(b));
  if (!keys.length) return null;
  return (
    <div class="flash err" role="alert">
      <p>
        <strong>请修改以下{keys.length}处：</strong>
      </p>
      <ul>
        {keys.map((k) => (
          <li>
            <a href={`#f-${k}`}>
              {labels[k] ?? k}：{fields[k]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
};

/** Renders a JSX page to an HTML string. */
export async function page(el: unknown): Promise<string> {
  return (
    '<!doctype html>' + (await Promise.resolve((el as { toString(): string | Promise<string> }).toString()))
  );
}

/** The organ tree as nested links (roots are organs without a listed parent). */
export const OrganTree: FC<{ organs: Organ[]; href: (o: Organ) => string }> = ({ organs, href }) => {
  const roots = organs.filter((o) => !o.parentId || !organs.some((p) => p.id === o.parentId));
  const Node: FC<{ o: Organ }> = ({ o }) => {
    const kids = organs.filter((k) => k.parentId === o.id);
    return (
      <li>
        <a href={href(o)}>{o.name}</a>
        {kids.length ? (
          <ul>
            {kids.map((k) => (
              <Node o={k} />
            ))}
          </ul>
        ) : null}
      </li>
    );
  };
  return (
    <ul>
      {roots.map((o) => (
        <Node o={o} />
      ))}
    </ul>
  );
};

/** Page links for long lists: previous, a window of numbers, next. */
export const Pager: FC<{ page: number; pages: number; href: (p: number) => string }> = ({
  page,
  pages,
  href,
}) => {
  const nums: number[] = [];
  for (let p = Math.max(1, page - 3); p <= Math.min(pages, page + 3); p++) nums.push(p);
  return (
    <nav class="pager" aria-label="分页">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          上一页
        </a>
      ) : null}
      {nums.map((p) => (p === page ? <span aria-current="page">{p}</span> : <a href={href(p)}>{p}</a>))}
      {page < pages ? (
        <a href={href(page + 1)} rel="next">
          下一页
        </a>
      ) : null}
      <span class="muted small">
        第{page}页，共{pages}页
      </span>
    </nav>
  );
};
