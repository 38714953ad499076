/**
 * The public JSON API (read-only), described by OpenAPI at /api/openapi.json: organs, published items with search
 * and filters, and the annual-report engine as a service (POST a report as text or HTML, get the interchange JSON
 * with every finding). Nothing personal is ever served here.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/deps.js';
import { AppError } from '../../app/deps.js';
import { searchItems } from '../../app/publication/portal.js';
import { getPublicItem, latestPublicItems, listOrgans } from '../../app/publication/public-pages.js';
import { checkReportBody } from '../../app/reports/check-submitted-report.js';

const itemSummary = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    indexNo: { type: 'string', description: '索引号' },
    title: { type: 'string' },
    organId: { type: 'string' },
    columnId: { type: 'string' },
    publishedOn: { type: 'string', format: 'date' },
    formedOn: { type: 'string', format: 'date', description: '成文日期' },
    docNumber: { type: 'string', description: '文号' },
    validity: { type: 'string', enum: ['valid', 'expired', 'repealed'] },
    url: { type: 'string' },
  },
} as const;

export async function registerApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { default: swagger } = await import('@fastify/swagger');
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'gongkai 政府信息公开 API',
        version: '1.0.0',
        description:
          '公开数据接口（只读，无需令牌）：机关、已发布的政府信息（含检索），以及年度报告的读取与核对。工作人员接口（/api/v1/staff/…）需要本机关管理员签发的令牌：Authorization: Bearer gk_…。',
      },
      servers: [],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: '管理员在“账号管理”页签发的接口令牌' },
        },
      },
    },
  });

  app.get(
    '/api/v1/organs',
    {
      schema: {
        summary: '机关列表',
        tags: ['公开'],
        response: {
          200: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                parentId: { type: ['string', 'null'] },
                name: { type: 'string' },
                kind: { type: 'string' },
              },
            },
          },
        },
      },
    },
    async () =>
      (await listOrgans(deps)).map((o) => ({
        id: o.id,
        parentId: o.parentId,
        name: o.name,
        kind: o.kind,
      })),
  );

  app.get<{
    Querystring: {
      q?: string;
      organ?: string;
      column?: string;
      year?: string;
      validity?: string;
      before?: string;
    };
  }>(
    '/api/v1/items',
    {
      schema: {
        summary: '已发布的政府信息；q 为检索词（单字、双字、多字均可，空格分隔为“并且”）',
        tags: ['公开'],
        querystring: {
          type: 'object',
          properties: {
            q: { type: 'string', maxLength: 100 },
            organ: { type: 'string' },
            column: { type: 'string' },
            year: { type: 'string', pattern: '^\\d{4}$' },
            validity: { type: 'string', enum: ['valid', 'expired', 'repealed'] },
            before: { type: 'string' },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              total: { type: 'integer' },
              next: { type: ['string', 'null'] },
              items: { type: 'array', items: itemSummary },
            },
          },
        },
      },
    },
    async (req) => {
      const q = req.query;
      const toJson = (i: {
        id: string;
        indexNo: string;
        title: string;
        organId: string;
        columnId: string;
        publishedOn: string | null;
        formedOn: string;
        docNumber: string;
        validity: string;
      }) => ({
        id: i.id,
        indexNo: i.indexNo,
        title: i.title,
        organId: i.organId,
        columnId: i.columnId,
        publishedOn: i.publishedOn,
        formedOn: i.formedOn,
        docNumber: i.docNumber,
        validity: i.validity,
        url: `/gk/${i.organId}/i/${i.id}`,
      });
      if (q.q) {
        const r = await searchItems(deps, {
          q: q.q,
          ...(q.organ ? { organ: q.organ } : {}),
          ...(q.column ? { column: q.column } : {}),
          ...(q.year ? { year: q.year } : {}),
          ...(q.validity ? { validity: q.validity } : {}),
          ...(q.before ? { before: q.before } : {}),
        });
        return { total: r.total, next: r.next, items: r.items.map(toJson) };
      }
      const rows = await latestPublicItems(deps, q);
      return { total: rows.length, next: null, items: rows.map(toJson) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/items/:id',
    {
      schema: {
        summary: '一条已发布的政府信息（元数据和正文文字）',
        tags: ['公开'],
        params: { type: 'object', properties: { id: { type: 'string' } } },
      },
    },
    async (req) => {
      const i = await getPublicItem(deps, req.params.id);
      return {
        id: i.id,
        indexNo: i.indexNo,
        title: i.title,
        organId: i.organId,
        columnId: i.columnId,
        topic: i.topic,
        publisher: i.publisher,
        formedOn: i.formedOn,
        publishedOn: i.publishedOn,
        docNumber: i.docNumber,
        validity: i.validity,
        validityDate: i.validityDate,
        openMode: i.openMode,
        version: i.publishedVersion,
        text: i.bodyText,
      };
    },
  );

  app.post(
    '/api/v1/reports/check',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        summary:
          '读取并核对一份政府信息公开工作年度报告（请求体为纯文本或HTML），返回交换格式JSON和全部核对结果',
        tags: ['年度报告'],
        consumes: ['text/plain', 'text/html'],
      },
    },
    async (req, reply) => {
      const body = typeof req.body === 'string' ? req.body : '';
      if (!body.trim())
        throw new AppError('input_empty', '请求体为空：请提交年度报告的文字或HTML', 'invalid');
      const html = String(req.headers['content-type'] ?? '').includes('html');
      return reply.send(await checkReportBody(body, html));
    },
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
