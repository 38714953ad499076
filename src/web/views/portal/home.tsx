/** The 专栏 home pages (platform and organ) and the organ's 政府信息公开指南. */
import type { FC } from 'hono/jsx';
import type { ColumnRow, ItemRow, Organ } from '../../../core/entities.js';
import { OrganTree } from '../layout.js';
import { GkLayout, ItemList } from './layout.js';

export const PlatformHome: FC<{ organs: Organ[] }> = ({ organs }) => (
  <GkLayout title="政府信息公开">
    <h1>政府信息公开专栏</h1>
    <div class="grid2">
      <section class="card" aria-labelledby="organs-h">
        <h2 id="organs-h">各机关政府信息公开专栏</h2>
        <OrganTree organs={organs} href={(o) => `/gk/${o.id}`} />
      </section>
      <section class="card" aria-labelledby="apply-h">
        <h2 id="apply-h">依申请公开</h2>
        <p>无需注册，手机即可提交政府信息公开申请，凭案件编号和查询码查询进度。</p>
        <p>
          <a class="button" href="/apply">
            在线申请
          </a>{' '}
          <a class="button secondary" href="/status">
            查询进度
          </a>
        </p>
      </section>
      <section class="card" aria-labelledby="check-h">
        <h2 id="check-h">年度报告核对</h2>
        <p>上传任一机关的政府信息公开工作年度报告，逐格读取并核对勾稽关系。</p>
        <p>
          <a class="button secondary" href="/nianbao/check">
            核对年度报告
          </a>
        </p>
      </section>
    </div>
  </GkLayout>
);

export const OrganHome: FC<{
  organ: Organ;
  latest: ItemRow[];
  blocks: { column: ColumnRow; items: ItemRow[] }[];
}> = ({ organ, latest, blocks }) => (
  <GkLayout title={`${organ.name}政府信息公开`} organ={organ}>
    <h1>{organ.name}政府信息公开专栏</h1>
    <div class="grid2">
      <section class="card" aria-labelledby="latest-h">
        <h2 id="latest-h">最新信息</h2>
        <ItemList organ={organ} items={latest} />
      </section>
      <section class="card" aria-labelledby="guide-h">
        <h2 id="guide-h">政府信息公开指南</h2>
        <p>{organ.officeName}负责本机关政府信息公开日常工作。</p>
        <p>
          <a href={`/gk/${organ.id}/guide`}>查看指南</a> · <a href={`/apply/${organ.id}`}>申请公开</a>
        </p>
      </section>
      {blocks.map((b) => (
        <section class="card" aria-labelledby={`b-${b.column.key}`}>
          <h2 id={`b-${b.column.key}`}>
            <a href={`/gk/${organ.id}/c/${b.column.key}`}>{b.column.name}</a>
          </h2>
          <ItemList organ={organ} items={b.items} />
          <p class="small">
            <a href={`/gk/${organ.id}/c/${b.column.key}`}>更多</a> ·{' '}
            <a href={`/gk/${organ.id}/c/${b.column.key}/rss.xml`}>RSS</a>
          </p>
        </section>
      ))}
    </div>
  </GkLayout>
);

export const GuidePage: FC<{ organ: Organ; parent: Organ | undefined }> = ({ organ, parent }) => (
  <GkLayout title={`${organ.name}政府信息公开指南`} organ={organ}>
    <h1>{organ.name}政府信息公开指南</h1>
    <article class="card body">
      <p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。</p>
      <h2>一、主动公开</h2>
      <p>
        （一）公开范围：条例第二十条
        {organ.kind === 'township' || organ.kind === 'government' ? '、第二十一条' : ''}
        规定的政府信息，见本专栏“法定主动公开内容”。
      </p>
      <p>（二）公开方式：本专栏，以及政务服务中心、便民服务站、公开查阅点等场所。</p>
      <p>
        （三）公开时限：属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内予以公开（条例第二十六条）。
      </p>
      <h2>二、依申请公开</h2>
      <p>
        （一）受理机构：{organ.officeName}。地址：{organ.address}；邮编：{organ.postcode}；电话：{organ.phone}
        {organ.fax ? `；传真：${organ.fax}` : ''}；电子邮箱：{organ.email}
        {organ.website ? (
          <>
            ；网址：<a href={organ.website}>{organ.website}</a>
          </>
        ) : null}
        ；办公时间：{organ.hours}。
      </p>
      <p>
        （二）申请方式：网上申请（<a href={`/apply/${organ.id}`}>在线申请</a>
        ，无需注册），信函、当面{organ.fax ? '或传真' : ''}
        申请。申请应当包括申请人的姓名或者名称、身份证明、联系方式；所需政府信息的名称、文号或者便于查询的其他特征性描述；获取信息的形式要求、获取信息的方式（条例第二十九条）。以信函、当面
        {organ.fax ? '或传真' : ''}方式申请的，可下载
        <a href={`/gk/${organ.id}/application-form.docx`} id="form-download">
          政府信息公开申请表（Word）
        </a>
        填写。
      </p>
      <p>
        （三）办理时限：能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复；需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过20个工作日（条例第三十三条）。申请内容不明确的，本机关在7个工作日内一次性告知补正（条例第三十条）。
      </p>
      <p>
        （四）收费：提供政府信息不收取费用；申请数量、频次明显超过合理范围的，按《政府信息公开信息处理费管理办法》收取信息处理费（条例第四十二条）。
      </p>
      <h2>三、监督和救济</h2>
      <p>
        认为本机关在政府信息公开工作中侵犯其合法权益的，可以向{parent?.name ?? '上一级行政机关'}
        或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。
      </p>
    </article>
  </GkLayout>
);
