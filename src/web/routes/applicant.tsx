/** The applicant's service (no account, no JavaScript): apply, receipt, status by number and code, 补正, letters. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findSubmission, newSubmissionKey, submitApplication } from '../../app/cases/create-case.js';
import { AppError } from '../../app/deps.js';
import { supplyClarification } from '../../app/cases/supply-clarification.js';
import { downloadReleasedFile, filesForApplicant } from '../../app/cases/released-files.js';
import { applicantLetters, pickLetter } from '../../app/cases/case-letters.js';
import type { CaseView } from '../../app/cases/case-view.js';
import {
  APPLICANT_PASS_SECONDS,
  issueApplicantPass,
  openCaseWithCode,
  openCaseWithPass,
} from '../../app/auth/applicant-pass.js';
import { getOrgan, listOrgans } from '../../app/publication/public-pages.js';
import { APPLICANT_COOKIE, type WebContext } from '../http/context.js';
import { formFields, uploadedFile } from '../http/request.js';
import { sendDownload, sendHtml } from '../http/reply.js';
import { submitForm, type FormFailure } from '../http/form.js';
import { sendLetter } from '../http/letters.js';
import { page } from '../views/layout.js';
import { ApplyForm, ApplyOrgans, Receipt } from '../views/applicant/apply.js';
import { StatusPage, StatusQuery } from '../views/applicant/status.js';

export async function applicantRoutes(app: FastifyInstance, { deps, opts }: WebContext): Promise<void> {
  const protect = { preHandler: app.csrfProtection };
  const limit = (max: number) => ({ config: { rateLimit: { max, timeWindow: '1 minute' } } });
  const statusLimit = limit(opts.statusPerMinute ?? 20);
  const applyLimit = limit(opts.applyPerMinute ?? 10);
  const letterLimit = limit(opts.lettersPerMinute ?? 30);

  const setPass = (reply: FastifyReply, pass: string) =>
    reply.setCookie(APPLICANT_COOKIE, pass, {
      path: '/status',
      httpOnly: true,
      sameSite: 'lax',
      secure: !!opts.secureCookies,
      maxAge: APPLICANT_PASS_SECONDS,
    });
  const openCase = (req: FastifyRequest, caseId: string) =>
    openCaseWithPass(deps, req.cookies[APPLICANT_COOKIE], caseId);
  const statusPage = async (reply: FastifyReply, v: CaseView, failure?: FormFailure) =>
    page(
      <StatusPage
        v={v}
        letters={await applicantLetters(deps, v)}
        released={await filesForApplicant(deps, v)}
        csrf={reply.generateCsrf()}
        {...(failure ? { fields: { text: failure.summary }, flash: failure.flash } : {})}
      />,
    );

  app.get('/apply', async (_req, reply) =>
    sendHtml(reply, await page(<ApplyOrgans organs={await listOrgans(deps)} />)),
  );
  app.get<{ Params: { organId: string } }>('/apply/:organId', async (req, reply) => {
    const organ = await getOrgan(deps, req.params.organId);
    return sendHtml(
      reply,
      await page(
        <ApplyForm
          organ={organ}
          csrf={reply.generateCsrf()}
          values={{ idem: newSubmissionKey() }}
          fields={{}}
        />,
      ),
    );
  });
  app.post<{ Params: { organId: string } }>(
    '/apply/:organId',
    { ...applyLimit, ...protect },
    async (req, reply) => {
      const organ = await getOrgan(deps, req.params.organId);
      const values = formFields(req);
      return submitForm(
        reply,
        async () =>
          submitApplication(deps, organ.id, values, req.ip, values.idem, {
            idCopy: await uploadedFile(req, 'idCopy'),
            authorization: await uploadedFile(req, 'authorization'),
          }),
        async (c) => {
          setPass(reply, issueApplicantPass(deps, c.caseId));
          // post/redirect/get: a reload shows the receipt again, it never files the application twice
          if (values.idem && (await findSubmission(deps, values.idem)))
            return reply.redirect(`/status/receipt/${encodeURIComponent(values.idem)}`, 303);
          return sendHtml(reply, await page(<Receipt organ={organ} {...c} code={c.queryCode} />), 201);
        },
        async (f) =>
          page(<ApplyForm organ={organ} csrf={reply.generateCsrf()} values={values} fields={f.fields} />),
        ['invalid'],
      );
    },
  );

  app.get<{ Params: { key: string } }>('/status/receipt/:key', async (req, reply) => {
    const c = await findSubmission(deps, req.params.key);
    if (!c) throw new AppError('receipt_not_found', '回执已过期，请用案件编号和查询码查询', 'not_found');
    await openCase(req, c.caseId); // only the browser that submitted it
    const organ = await getOrgan(deps, c.organId);
    return sendHtml(reply, await page(<Receipt organ={organ} {...c} code={c.queryCode} />));
  });

  app.get<{ Params: { caseId: string; aid: string } }>(
    '/status/:caseId/files/:aid',
    letterLimit,
    async (req, reply) => {
      const v = await openCase(req, req.params.caseId);
      const f = await downloadReleasedFile(deps, v, req.params.aid, req.ip);
      return sendDownload(reply, f.mime, f.filename, f.bytes);
    },
  );
  app.get('/status', async (_req, reply) =>
    sendHtml(reply, await page(<StatusQuery csrf={reply.generateCsrf()} />)),
  );
  app.post('/status', { ...statusLimit, ...protect }, async (req, reply) => {
    const f = formFields(req);
    return submitForm(
      reply,
      () => openCaseWithCode(deps, f.caseId ?? '', f.code ?? ''),
      ({ view, pass }) => {
        setPass(reply, pass);
        return reply.redirect(`/status/${encodeURIComponent(view.row.id)}`, 303);
      },
      async (e) => page(<StatusQuery csrf={reply.generateCsrf()} error={e.message} caseId={f.caseId} />),
      ['not_found'],
    );
  });
  app.get<{ Params: { caseId: string } }>('/status/:caseId', async (req, reply) =>
    sendHtml(reply, await statusPage(reply, await openCase(req, req.params.caseId))),
  );
  app.post<{ Params: { caseId: string } }>('/status/:caseId/clarification', protect, async (req, reply) => {
    const v = await openCase(req, req.params.caseId);
    const input = { text: formFields(req).text ?? '', file: await uploadedFile(req) };
    return submitForm(
      reply,
      () => supplyClarification(deps, v, input, req.ip),
      () => reply.redirect(`/status/${encodeURIComponent(v.row.id)}`, 303),
      (f) => statusPage(reply, v, f),
      ['invalid'],
    );
  });
  app.get<{ Params: { caseId: string; letter: string } }>(
    '/status/:caseId/letters/:letter',
    letterLimit,
    async (req, reply) => {
      const v = await openCase(req, req.params.caseId);
      return sendLetter(reply, pickLetter(await applicantLetters(deps, v), req.params.letter));
    },
  );
}
