/**
 * The 政府信息公开专栏 catalogue as data: the four unified columns (国办公开办函〔2019〕61号, [M] names as
 * commonly used), 法定主动公开内容 by 条例第二十条 item and 第二十一条 (for city, county and township governments),
 * the 基层政务公开 standard areas (国办发〔2019〕54号) and the organ's own columns. An administrator edits it.
 */
import type { OrganKind } from '../entities.js';

export type ColumnKind = 'guide' | 'rules' | 'statutory' | 'reports' | 'own' | 'area';

export interface ColumnDef {
  /** stable key within the organ */
  key: string;
  parentKey: string | null;
  name: string;
  kind: ColumnKind;
  /** 条例第二十条 item (1–15) or 第二十一条 ('21') this column holds, if any */
  article: string | null;
  sort: number;
}

/** 条例第二十条 (一)–(十五). */
export const ARTICLE_20: readonly string[] = [
  '行政法规、规章和规范性文件',
  '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  '国民经济和社会发展规划、专项规划、区域规划及相关政策',
  '国民经济和社会发展统计信息',
  '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  '财政预算、决算信息',
  '行政事业性收费项目及其依据、标准',
  '政府集中采购项目的目录、标准及实施情况',
  '重大建设项目的批准和实施情况',
  '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  '突发公共事件的应急预案、预警信息及应对情况',
  '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  '公务员招考的职位、名额、报考条件等事项以及录用结果',
  '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
];

const CN = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
];

/** 条例第二十一条 content for townships [M: list as remembered] and for city/county governments. */
export const ARTICLE_21_TOWNSHIP =
  '贯彻落实农业农村政策、农田水利工程建设运营、农村土地承包经营权流转、宅基地使用情况审核、土地征收、房屋征收、筹资筹劳、社会救助等方面的政府信息';
export const ARTICLE_21_COUNTY =
  '市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等方面的政府信息';

/** The 26 基层政务公开 standard areas (shared/docs/regulation.md §5), stored as data. */
export const BASIC_AREAS: readonly string[] = [
  '重大建设项目',
  '公共资源交易',
  '财政预决算',
  '安全生产',
  '税收管理',
  '国土空间规划',
  '农村集体土地征收',
  '国有土地上房屋征收与补偿',
  '农村危房改造',
  '城市综合执法',
  '保障性住房',
  '市政服务',
  '生态环境',
  '公共文化服务',
  '公共法律服务',
  '扶贫',
  '救灾',
  '社会救助',
  '养老服务',
  '户籍管理',
  '涉农补贴',
  '义务教育',
  '卫生健康',
  '食品药品监管',
  '就业',
  '社会保险',
];

/** The default catalogue of an organ of the given kind. */
export function defaultCatalogue(kind: OrganKind): ColumnDef[] {
  const cols: ColumnDef[] = [
    { key: 'guide', parentKey: null, name: '政府信息公开指南', kind: 'guide', article: null, sort: 1 },
    { key: 'rules', parentKey: null, name: '政府信息公开制度', kind: 'rules', article: null, sort: 2 },
    {
      key: 'statutory',
      parentKey: null,
      name: '法定主动公开内容',
      kind: 'statutory',
      article: null,
      sort: 3,
    },
    { key: 'reports', parentKey: null, name: '政府信息公开年报', kind: 'reports', article: null, sort: 4 },
  ];
  ARTICLE_20.forEach((name, i) =>
    cols.push({
      key: `art20-${i + 1}`,
      parentKey: 'statutory',
      name: `（${CN[i]}）${name}`,
      kind: 'statutory',
      article: String(i + 1),
      sort: 10 + i,
    }),
  );
  if (kind === 'township')
    cols.push({
      key: 'art21',
      parentKey: 'statutory',
      name: `第二十一条：${ARTICLE_21_TOWNSHIP}`,
      kind: 'statutory',
      article: '21',
      sort: 30,
    });
  if (kind === 'government')
    cols.push({
      key: 'art21',
      parentKey: 'statutory',
      name: `第二十一条：${ARTICLE_21_COUNTY}`,
      kind: 'statutory',
      article: '21',
      sort: 30,
    });
  cols.push(
    { key: 'briefing', parentKey: null, name: '工作简报', kind: 'own', article: null, sort: 40 },
    { key: 'news', parentKey: null, name: '政务动态', kind: 'own', article: null, sort: 41 },
    { key: 'key-areas', parentKey: null, name: '重点领域信息', kind: 'own', article: null, sort: 42 },
  );
  if (kind === 'township' || kind === 'government')
    BASIC_AREAS.forEach((a, i) =>
      cols.push({
        key: `area-${i + 1}`,
        parentKey: 'key-areas',
        name: a,
        kind: 'area',
        article: null,
        sort: 50 + i,
      }),
    );
  return cols;
}
