/**
 * @module The demo's multi-year history (示例), generated: a second district,
 * a third street in 罗湖区, more communities, and finished cycles for 2023–2025
 * with their proposals, screening, resident votes, council meetings,
 * delivery, ratings and audit. Pure data from a seed (mulberry32): the same
 * seed always gives the same history, ids included. Nothing here touches a
 * database; server/services/demo-history.ts writes it through the services.
 *
 * Only lists of names are typed in (places, people, project ideas, firms);
 * everything else — how many of what, amounts, dates, who voted for what,
 * how each project ended — is drawn from the generator.
 *
 * The resident vote's outcome is not drawn: the generator counts the ballots
 * it drew with the site's own tally (greedy by votes, as the rulebook says),
 * so the projects it sends to the council are the ones the writer's count will
 * shortlist (the writer checks that they agree).
 */
import { tallyAll } from '../server/domain/tally/tally.ts';
import { formatProjectCode } from '../server/domain/project-code.ts';
import type { ProjectState } from '../server/domain/project-states.ts';
import type { CyclePhase } from '../server/domain/cycle-phases.ts';
import { mulberry32 } from '../server/domain/seeded-random.ts';

export const DEMO_HISTORY_SEED = 20_230_101;
export const HISTORY_YEARS = [2023, 2024, 2025] as const;
/** The day the demo's places are dated from when the history is seeded (before its first cycle). */
export const HISTORY_START = '2022-12-01';
const WAN = 1_000_000; // fen per 万元

// ---------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  weighted<T>(xs: readonly (readonly [T, number])[]): T {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1]![0];
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }
  /** k distinct numbers from 0..n-1 (Floyd's algorithm), in drawing order. */
  sample(n: number, k: number): number[] {
    const chosen = new Set<number>();
    for (let j = n - k; j < n; j++) {
      const t = this.int(0, j);
      chosen.add(chosen.has(t) ? j : t);
    }
    return this.shuffle([...chosen]);
  }
}

// ---------------------------------------------------------------------------
// Name lists
// ---------------------------------------------------------------------------

type PlaceName = { code: string; slug: string; zh: string; en: string };

/** New streets and communities. 罗湖区's first two streets and three communities are the existing demo's. */
const LH_NEW: { street: { code: string; zh: string; en: string } | 'LTJD' | 'SGJD'; communities: PlaceName[] }[] = [
  { street: 'LTJD', communities: [{ code: 'CLSQ', slug: 'cuiling', zh: '翠岭社区', en: 'Cuiling Community' }, { code: 'GYSQ', slug: 'guiyuan', zh: '桂园社区', en: 'Guiyuan Community' }] },
  { street: 'SGJD', communities: [{ code: 'SDSQ', slug: 'sundong', zh: '笋东社区', en: 'Sundong Community' }, { code: 'TBSQ', slug: 'tianbei', zh: '田贝社区', en: 'Tianbei Community' }, { code: 'HJSQ', slug: 'hujing', zh: '湖景社区', en: 'Hujing Community' }] },
  {
    street: { code: 'QSJD', zh: '清水街道', en: 'Qingshui Subdistrict' },
    communities: [
      { code: 'QQSQ', slug: 'qingquan', zh: '清泉社区', en: 'Qingquan Community' },
      { code: 'WTSQ', slug: 'wutong', zh: '梧桐社区', en: 'Wutong Community' },
      { code: 'SYSQ', slug: 'songyuan', zh: '松园社区', en: 'Songyuan Community' },
      { code: 'YHSQ', slug: 'yinhu', zh: '银湖社区', en: 'Yinhu Community' },
      { code: 'JXSQ', slug: 'jinxiu', zh: '锦绣社区', en: 'Jinxiu Community' },
    ],
  },
];
const FT = { code: 'FT', zh: '福田区', en: 'Futian District' };
const FT_STREETS: { code: string; zh: string; en: string; communities: PlaceName[] }[] = [
  { code: 'XLJD', zh: '香岭街道', en: 'Xiangling Subdistrict', communities: [{ code: 'XMSQ', slug: 'xiangmi', zh: '香蜜社区', en: 'Xiangmi Community' }, { code: 'LXSQ', slug: 'lingxiu', zh: '岭秀社区', en: 'Lingxiu Community' }, { code: 'LYSQ', slug: 'liyuan', zh: '荔园社区', en: 'Liyuan Community' }] },
  { code: 'FRJD', zh: '福荣街道', en: 'Furong Subdistrict', communities: [{ code: 'FRSQ', slug: 'furong', zh: '福荣社区', en: 'Furong Community' }, { code: 'HLSQ', slug: 'hongli', zh: '红荔社区', en: 'Hongli Community' }] },
];
const EXISTING: { id: string; slug: string; code: string; streetCode: 'LTJD' | 'SGJD'; zh: string }[] = [
  { id: 'c-lianhua', slug: 'lianhua', code: 'LHSQ', streetCode: 'LTJD', zh: '莲花社区' },
  { id: 'c-xianhu', slug: 'xianhu', code: 'XHSQ', streetCode: 'LTJD', zh: '仙湖社区' },
  { id: 'c-sunxi', slug: 'sunxi', code: 'SXSQ', streetCode: 'SGJD', zh: '笋西社区' },
];
/**
 * Years the existing communities already have (or that the browser journeys'
 * fixtures create for themselves: tests/e2e/fixtures): 莲花 2024 (offline-vote
 * import) and 2025 (delivery), 笋西 2024 (the demo's finished cycle) and 2025
 * (council). Cycles are unique per community and year, so the history skips them.
 */
export const TAKEN_YEARS: Readonly<Record<string, readonly number[]>> = { lianhua: [2024, 2025], sunxi: [2024, 2025] };

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
export const GIVEN = ['建华', '秀英', '志强', '丽娟', '国庆', '美玲', '海燕', '文杰', '晓东', '桂芳', '永红', '振宇', '淑珍', '子涵', '立新', '春梅', '德明', '凤霞', '家豪', '雪莲', '卫东', '玉兰', '伟光', '静怡', '思远', '金凤', '宏伟', '冬梅', '浩然', '惠敏', '少华', '彩霞', '俊杰', '月娥', '明辉', '婉清', '天佑', '瑞芬', '嘉欣', '国平'];

export type Idea = { title: string; category: 'engineering' | 'goods' | 'services'; theme: string; description: string; beneficiaries: string; min: number; max: number };
/** Project ideas (costs in 万元, a range). Each community draws from them, at most once a cycle. */
export const IDEAS: Idea[] = [
  { title: '老旧楼栋楼道照明改造', category: 'engineering', theme: 'safety', description: '将老旧楼栋楼道的白炽灯更换为声控 LED 灯，修复损坏的线路和开关。', beneficiaries: '楼栋住户', min: 3, max: 12 },
  { title: '小区消防器材补充', category: 'goods', theme: 'safety', description: '为老旧小区各楼层补充灭火器、消防水带和应急照明灯。', beneficiaries: '小区住户', min: 2, max: 8 },
  { title: '背街小巷路面修补', category: 'engineering', theme: 'safety', description: '修补背街小巷坑洼路面和破损井盖，消除行人绊倒隐患。', beneficiaries: '沿线居民及行人', min: 8, max: 25 },
  { title: '高空抛物监控补点', category: 'goods', theme: 'safety', description: '在高层住宅楼下加装仰视摄像头，接入社区综治平台。', beneficiaries: '小区住户', min: 5, max: 18 },
  { title: '电梯加装前期安全评估', category: 'services', theme: 'safety', description: '委托专业机构对多层住宅加装电梯的结构安全进行评估并出具报告。', beneficiaries: '多层住宅住户', min: 3, max: 9 },
  { title: '社区微公园绿化提升', category: 'engineering', theme: 'environment', description: '对闲置边角地进行绿化，补种乔灌木，铺设透水步道和座椅。', beneficiaries: '周边居民', min: 10, max: 25 },
  { title: '垃圾分类投放点升级', category: 'goods', theme: 'environment', description: '更换破损分类垃圾桶，增设洗手池和遮雨棚，设置分类指引牌。', beneficiaries: '社区居民', min: 3, max: 10 },
  { title: '雨污分流沟渠清淤', category: 'engineering', theme: 'environment', description: '清理小区排水沟渠淤积，修复破损盖板，减少雨天积水和异味。', beneficiaries: '小区住户', min: 4, max: 15 },
  { title: '楼道“三线”整治', category: 'engineering', theme: 'environment', description: '整理楼道内杂乱的电力、通信和有线电视线路，统一套管敷设。', beneficiaries: '楼栋住户', min: 5, max: 16 },
  { title: '社区环境清洁志愿行动', category: 'services', theme: 'environment', description: '组织居民志愿者每月开展两次环境清洁行动，提供工具和保险。', beneficiaries: '社区居民', min: 1.5, max: 4 },
  { title: '邻里文化节', category: 'services', theme: 'culture_sports', description: '在社区广场举办邻里文化节：文艺表演、美食分享、手工市集。', beneficiaries: '社区全体居民', min: 2, max: 6 },
  { title: '长者合唱团和舞蹈队培训', category: 'services', theme: 'culture_sports', description: '聘请老师每周为长者合唱团和舞蹈队上课，全年 40 次。', beneficiaries: '社区长者', min: 2, max: 5 },
  { title: '青少年篮球训练营', category: 'services', theme: 'culture_sports', description: '暑期为社区青少年开设篮球训练营，共 20 次课，配备教练和保险。', beneficiaries: '社区青少年', min: 2, max: 6 },
  { title: '社区书屋图书更新', category: 'goods', theme: 'culture_sports', description: '为社区书屋采购新书约 800 册，添置书架和阅读桌椅。', beneficiaries: '社区居民', min: 2, max: 7 },
  { title: '健身路径器材更新', category: 'goods', theme: 'culture_sports', description: '更换小区健身路径上老化的健身器材，铺设防滑地垫。', beneficiaries: '社区居民', min: 4, max: 14 },
  { title: '独居长者探访服务', category: 'services', theme: 'care', description: '由社工每周探访独居长者，提供陪伴、健康监测和紧急呼叫登记。', beneficiaries: '独居长者', min: 3, max: 10 },
  { title: '长者饭堂助餐补贴运营', category: 'services', theme: 'care', description: '支持社区长者饭堂运营，工作日供应午餐，行动不便者送餐上门。', beneficiaries: '60 岁以上长者', min: 6, max: 20 },
  { title: '四点半课堂', category: 'services', theme: 'care', description: '工作日放学后为双职工家庭的小学生提供作业辅导和兴趣活动。', beneficiaries: '小学生及其家庭', min: 4, max: 12 },
  { title: '残障人士康复辅具配置', category: 'goods', theme: 'care', description: '为辖区残障人士配置轮椅、助行器等康复辅具，并上门指导使用。', beneficiaries: '残障人士', min: 2, max: 8 },
  { title: '心理健康讲座和咨询', category: 'services', theme: 'care', description: '全年举办 10 场心理健康讲座，并提供每月两次的免费咨询。', beneficiaries: '社区居民', min: 1.5, max: 5 },
  { title: '便民维修服务日', category: 'services', theme: 'convenience', description: '每月一次在社区广场为居民免费维修小家电、雨伞、自行车等。', beneficiaries: '社区居民', min: 1.5, max: 4 },
  { title: '智能快递柜和便民座椅', category: 'goods', theme: 'convenience', description: '在小区出入口设置遮雨棚下的智能快递柜和便民座椅。', beneficiaries: '小区住户', min: 3, max: 9 },
  { title: '无障碍坡道改造', category: 'engineering', theme: 'convenience', description: '在楼栋入口加建无障碍坡道和扶手，方便轮椅和婴儿车通行。', beneficiaries: '长者、残障人士和家庭', min: 4, max: 14 },
  { title: '公共晾晒架安装', category: 'goods', theme: 'convenience', description: '在小区空地安装可升降的公共晾晒架，解决低层住户晾晒难。', beneficiaries: '小区住户', min: 1.5, max: 5 },
  { title: '社区公告栏和导视牌更新', category: 'goods', theme: 'public_facilities', description: '更新小区出入口公告栏和楼栋导视牌，集中张贴公示和通知。', beneficiaries: '社区居民', min: 2, max: 6 },
  { title: '儿童游乐设施更新', category: 'goods', theme: 'public_facilities', description: '更换老化的滑梯、秋千等儿童游乐设施，铺设安全地垫。', beneficiaries: '小区儿童及家长', min: 5, max: 18 },
  { title: '社区活动室改造', category: 'engineering', theme: 'public_facilities', description: '改造社区活动室的墙面、地面和照明，添置桌椅和空调。', beneficiaries: '社区居民', min: 8, max: 25 },
  { title: '休闲凉亭和座椅修缮', category: 'engineering', theme: 'public_facilities', description: '修缮小区休闲凉亭的屋顶和立柱，更换破损座椅。', beneficiaries: '小区住户', min: 3, max: 10 },
  { title: '电动自行车充电棚建设', category: 'engineering', theme: 'safety', description: '建设带烟感和自动断电的电动自行车集中充电棚，减少入户充电。', beneficiaries: '电动自行车车主', min: 6, max: 20 },
  { title: '老旧小区二次供水水箱清洗', category: 'services', theme: 'convenience', description: '清洗消毒老旧小区楼顶水箱，并检测水质，结果张榜公布。', beneficiaries: '小区住户', min: 1.5, max: 5 },
];
export const ESTATES = ['花园', '新村', '小区', '苑', '雅居', '大厦', '北区', '南区', '东区', '西区'];
export const CONTRACTORS = ['市政工程有限公司', '建设工程有限公司', '装饰工程有限公司', '园林绿化有限公司', '智能科技有限公司', '设备安装有限公司'];
export const SUPPLIERS = ['商贸有限公司', '设备有限公司', '体育用品有限公司', '文化用品有限公司'];
export const SOCIAL_ORGS = ['社工服务中心', '社会工作服务社', '长者服务中心', '青少年发展中心', '文化艺术协会'];
export const FIRM_PREFIX = ['鹏城', '深南', '合力', '安泰', '绿源', '众诚', '乐龄', '同心', '新安', '华强', '宝安', '梧桐', '鸿图', '启明'];
export const COMMENTS = [
  '这个很需要，家里老人每天都经过这里。',
  '支持！希望施工时注意噪音，不要影响午休。',
  '建议先征求一下楼栋住户的意见再定方案。',
  '预算是不是偏高？可以多比较几家。',
  '去年也提过类似的，希望这次能做成。',
  '孩子们一定很喜欢，支持。',
  '希望做完以后有人负责日常维护。',
  '这件事物业一直推，社区能出面太好了。',
  '能不能把周末的时间也安排上？上班族也想参加。',
  '赞成，顺便把旁边那段路灯也修一下。',
];
export const SCREEN_OUT = [
  '属于物业服务企业职责范围内的事项，按负面清单不纳入民生微实事。',
  '与已列入街道政府投资计划的项目重复，按负面清单不予立项。',
  '涉及市政道路的建设维护，属于职能部门职责，不予立项。',
  '实施地点产权不清，暂不具备实施条件，建议明确产权后再申报。',
  '方案以发放购物卡为主，按负面清单不予立项。',
];
export const WITHDRAW = ['提议人表示已由业主委员会自筹资金解决，撤回申报。', '与另一项提议合并申报，本项撤回。', '提议人搬离本社区，撤回申报。'];
export const FAIL_NOTES = ['现场抽查发现部分点位施工不符合协议要求，需整改后复验。', '验收资料不全，缺少材料合格证和隐蔽工程记录，需补齐后复验。', '部分设施安装不牢固，存在安全隐患，需整改。'];
export const FINDINGS: [severity: 'info' | 'issue' | 'serious', body: string][] = [
  ['info', '抽查支付凭证与协议、验收记录一致。'],
  ['info', '项目档案完整，公示材料齐全。'],
  ['issue', '进度报告间隔超过两个月，建议按月报告进度。'],
  ['issue', '比选材料只有两家报价，建议今后不少于三家。'],
  ['serious', '协议签订早于公示期结束日，程序倒置，已要求社区说明情况并整改。'],
];

// ---------------------------------------------------------------------------
// The shape of the history
// ---------------------------------------------------------------------------

export type HistoryRole = { role: 'resident' | 'council_member' | 'staff' | 'officer' | 'auditor'; scopeKind: 'community' | 'street' | 'district'; scopeId: string };
export type HistoryAccount = {
  id: string;
  username: string;
  displayName: string;
  roles: HistoryRole[];
  /** Accounts of people who held the role only during the history (the existing demo's places have today's staff). */
  leftOn: string | null;
  /** Sign-in accounts listed in the README (demo password); the rest exist so that records have a person behind them. */
  listed: boolean;
};
export type HistoryStreet = { id: string; districtId: string; code: string; nameZh: string; nameEn: string };
export type HistoryCommunity = {
  id: string;
  streetId: string;
  districtId: string;
  streetCode: string;
  code: string;
  slug: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  /** One of the existing demo's three communities (its row is the main seed's). */
  existing: boolean;
  registerSize: number;
  /** Ids of the register entries claimed by accounts (residents and council members), in order. */
  claimed: { registerEntryId: string; accountId: string }[];
  staff: [string, string];
  residents: string[];
  /** The council of the history: a chair first, then six members; term dates. */
  council: { accountIds: string[]; startsOn: string; endsOn: string };
  officer: string;
  auditor: string;
};

/** How a project's story ends. */
export type HistoryOutcome = 'withdrawn' | 'screened_out' | 'not_shortlisted' | 'rejected' | 'overdue' | 'accepted' | 'evaluated' | 'audited' | 'archived';
export const OUTCOME_STATE: Readonly<Record<HistoryOutcome, ProjectState>> = {
  withdrawn: 'withdrawn',
  screened_out: 'screened_out',
  not_shortlisted: 'not_shortlisted',
  rejected: 'rejected',
  overdue: 'in_progress',
  accepted: 'accepted',
  evaluated: 'evaluated',
  audited: 'audited',
  archived: 'archived',
};

export type HistoryDelivery = {
  agreement: { implementerName: string; implementerType: 'contractor' | 'social_org' | 'community'; registrationNo: string; implementerRating: number; agreementDate: string; agreedAmountFen: number; plannedStart: string; plannedEnd: string; recordedOn: string };
  progress: { on: string; percent: number; body: string }[];
  payments: { on: string; amountFen: number; note: string }[];
  /** Inspections in order; a failed one is followed by `resumeOn` and a later one. */
  acceptances: { on: string; result: 'pass' | 'fail'; inspector: string; notes: string }[];
  resumeOn: string | null;
  ratings: { on: string; accountId: string; score: number; comment: string | null }[];
  surveyClosedOn: string | null;
  findings: { on: string; severity: 'info' | 'issue' | 'serious'; body: string }[];
  auditedOn: string | null;
  archivedOn: string | null;
};

export type HistoryProject = {
  key: string;
  seq: number;
  code: string;
  title: string;
  category: 'engineering' | 'goods' | 'services';
  theme: string;
  description: string;
  address: string;
  estimatedCostFen: number;
  proposerType: 'resident' | 'paper' | 'residents_committee' | 'workstation' | 'social_org';
  /** The resident's account for a resident's own proposal; null for those staff enter. */
  proposerAccountId: string | null;
  beneficiaries: string;
  beneficiaryCount: number;
  createdOn: string;
  screenedOn: string;
  screenOutReason: string | null;
  withdrawnOn: string | null;
  withdrawReason: string | null;
  comments: { on: string; accountId: string; body: string }[];
  /** For projects the vote shortlists: what the council decides. */
  council: 'adopt' | 'reject' | null;
  delivery: HistoryDelivery | null;
  outcome: HistoryOutcome;
};

export type CouncilMode = 'meeting' | 'no_meeting' | 'no_quorum';
export type HistoryMeeting = {
  day: string;
  title: string;
  place: string;
  present: string[];
  /** Per project key: each present member's vote. Empty when the meeting had no quorum. */
  votes: Record<string, Record<string, 'for' | 'against' | 'abstain'>>;
  quorate: boolean;
};

export type HistoryBallot = { day: string; registerEntryId: string; accountId: string | null; paperSerial: string | null; choices: string[] };

export type HistoryFlag = 'no_meeting' | 'no_quorum' | 'staff_only' | 'low_turnout';

export type HistoryCycle = {
  id: string;
  communityId: string;
  slug: string;
  year: number;
  districtId: string;
  titleZh: string;
  titleEn: string;
  budgetFen: number;
  phases: [CyclePhase, string, string][];
  projects: HistoryProject[];
  ballots: HistoryBallot[];
  /** Project keys the count shortlists (the generator's own count with the site's tally). */
  shortlist: string[];
  councilMode: CouncilMode;
  meeting: HistoryMeeting | null;
  /** The day staff record adoptions when the council did not decide at a quorate meeting. */
  staffDecisionOn: string | null;
  findings: { on: string; severity: 'info' | 'issue' | 'serious'; body: string }[];
  flags: HistoryFlag[];
};

export type DemoHistory = {
  seed: number;
  district: { id: string; code: string; nameZh: string; nameEn: string };
  streets: HistoryStreet[];
  communities: HistoryCommunity[];
  accounts: HistoryAccount[];
  cycles: HistoryCycle[];
};

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');
/** A day `n` days after `day` (calendar arithmetic in UTC: no time zone can shift it). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
const between = (rng: Rng, from: string, to: string) => {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return addDays(from, rng.int(0, Math.max(0, span)));
};

/** The phases of a history cycle: the whole cycle within its year, so the audit log stays in date order before the 2026 demo. */
export function historyPhases(y: number): [CyclePhase, string, string][] {
  return [
    ['collection', `${y}-01-06`, `${y}-02-10`],
    ['screening', `${y}-02-11`, `${y}-02-28`],
    ['resident_vote', `${y}-03-10`, `${y}-03-20`],
    ['deliberation', `${y}-03-25`, `${y}-04-10`],
    ['public_notice', `${y}-04-11`, `${y}-04-20`],
    ['implementation', `${y}-05-01`, `${y}-10-31`],
    ['acceptance', `${y}-11-01`, `${y}-11-30`],
    ['audit', `${y}-12-01`, `${y}-12-20`],
    ['closed', `${y}-12-21`, `${y + 1}-12-31`],
  ];
}

const fenToYuan = (fen: number) => String(fen / 100);

// ---------------------------------------------------------------------------
// Generating
// ---------------------------------------------------------------------------

/** Which community is made to look inactive, and how (the council-health flags need something to find). */
export const INACTIVE_COUNCILS: readonly { slug: string; year: number; flag: HistoryFlag }[] = [
  // 仙湖's 2025 council never met: staff recorded the adoptions.
  { slug: 'xianhu', year: 2025, flag: 'no_meeting' },
  // 田贝's 2024 meeting lacked a quorum, and the projects were adopted all the same.
  { slug: 'tianbei', year: 2024, flag: 'no_quorum' },
  // 梧桐's 2025 adopted projects were all proposed by the workstation or the residents' committee.
  { slug: 'wutong', year: 2025, flag: 'staff_only' },
  // 湖景's turnout is a fraction of its street's every year.
  { slug: 'hujing', year: 2023, flag: 'low_turnout' },
  { slug: 'hujing', year: 2024, flag: 'low_turnout' },
  { slug: 'hujing', year: 2025, flag: 'low_turnout' },
];

export function generateDemoHistory(seed: number = DEMO_HISTORY_SEED): DemoHistory {
  const rng = new Rng(seed);
  const usedNames = new Set<string>();
  const personName = () => {
    for (;;) {
      const n = `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
  };
  const accounts: HistoryAccount[] = [];
  const account = (id: string, username: string, displayName: string, roles: HistoryRole[], leftOn: string | null, listed = false) => {
    accounts.push({ id, username, displayName, roles, leftOn, listed });
    return id;
  };

  const district = { id: 'd-ft', code: FT.code, nameZh: FT.zh, nameEn: FT.en };
  const streets: HistoryStreet[] = [];
  const communities: HistoryCommunity[] = [];
  // Officers and auditors of the history. 罗湖's today (officer, auditor, street_lt) are the main seed's; its history had others.
  const officerOf = new Map<string, string>();
  const auditorLh = account('h-auditor-lh', 'h_auditor_lh', `${personName()}（示例，前任审计）`, [{ role: 'auditor', scopeKind: 'district', scopeId: 'd-lh' }], '2025-12-31');
  const auditorFt = account('h-auditor-ft', 'auditor_ft', `${personName()}（示例）`, [{ role: 'auditor', scopeKind: 'district', scopeId: 'd-ft' }], null, true);
  account('h-officer-ft', 'officer_ft', `${personName()}（示例）`, [{ role: 'officer', scopeKind: 'district', scopeId: 'd-ft' }], null, true);
  const streetOfficer = (streetId: string, code: string, former: boolean) => {
    const id = `h-officer-${code.toLowerCase()}`;
    officerOf.set(streetId, account(id, former ? `h_street_${code.toLowerCase()}` : `street_${code.toLowerCase().replace(/jd$/, '')}`, `${personName()}（示例${former ? '，前任街道干部' : ''}）`, [{ role: 'officer', scopeKind: 'street', scopeId: streetId }], former ? '2025-12-31' : null, !former));
  };
  // 莲塘's street officer today is the main seed's (street_lt); 笋岗 has none, so its history officer stays.
  streetOfficer('s-ltjd', 'LTJD', true);
  streetOfficer('s-sgjd', 'SGJD', false);

  const addCommunity = (c: Omit<HistoryCommunity, 'registerSize' | 'claimed' | 'staff' | 'residents' | 'council' | 'officer' | 'auditor'>) => {
    const existing = c.existing;
    const left = existing ? '2025-12-31' : null;
    const scope = (role: HistoryRole['role']): HistoryRole => ({ role, scopeKind: 'community', scopeId: c.id });
    const staff: [string, string] = [1, 2].map((i) =>
      account(`h-staff-${c.slug}-${i}`, existing ? `h_staff_${c.slug}_${i}` : `staff_${c.slug}${i === 1 ? '' : '_2'}`, `${personName()}（示例${existing ? '，前任工作人员' : ''}）`, [scope('staff')], left, !existing),
    ) as [string, string];
    const councilIds = Array.from({ length: 7 }, (_, i) => account(`h-council-${c.slug}-${i + 1}`, `h_council_${c.slug}_${i + 1}`, `${personName()}（示例）`, [scope('council_member'), scope('resident')], existing ? '2024-12-31' : null));
    const nResidents = rng.int(6, 12);
    const residents = Array.from({ length: nResidents }, (_, i) => account(`h-res-${c.slug}-${i + 1}`, `h_res_${c.slug}_${i + 1}`, `${c.nameZh.replace('社区', '')}居民${i + 1}（示例）`, [scope('resident')], null));
    // The existing demo's staff pages list their community's unclaimed slips on one page (and the browser
    // journeys check every one of them), so their registers stay at a few hundred; the new communities' go up to 3,000.
    const registerSize = existing ? rng.int(200, 320) : rng.int(300, 3000);
    const claimed = [...residents, ...councilIds].map((accountId, i) => ({ registerEntryId: `h-reg-${c.slug}-${i + 1}`, accountId }));
    communities.push({
      ...c,
      registerSize,
      claimed,
      staff,
      residents,
      // The existing communities' council of today began on 2025-01-01 (the main seed's); theirs before it is the history's.
      council: { accountIds: councilIds, startsOn: '2022-01-01', endsOn: existing ? '2024-12-31' : '2027-12-31' },
      officer: officerOf.get(c.streetId)!,
      auditor: c.districtId === 'd-lh' ? auditorLh : auditorFt,
    });
  };
  const describe = (streetZh: string) => ({
    descriptionZh: `（示例）${streetZh}下辖的社区，${rng.pick(['老旧小区较多', '城中村与商品房混合', '新建住宅为主', '长者比例较高', '年轻家庭较多'])}，常住人口约 ${rng.int(6, 30) / 10} 万。`,
  });
  for (const e of EXISTING) {
    addCommunity({ id: e.id, streetId: `s-${e.streetCode.toLowerCase()}`, districtId: 'd-lh', streetCode: e.streetCode, code: e.code, slug: e.slug, nameZh: e.zh, nameEn: '', descriptionZh: '', descriptionEn: '', existing: true });
  }
  const streetZh: Record<string, string> = { LTJD: '莲塘街道', SGJD: '笋岗街道' };
  for (const group of LH_NEW) {
    const s = typeof group.street === 'string' ? null : group.street;
    const code = typeof group.street === 'string' ? group.street : group.street.code;
    const streetId = `s-${code.toLowerCase()}`;
    if (s) {
      streets.push({ id: streetId, districtId: 'd-lh', code: s.code, nameZh: s.zh, nameEn: s.en });
      streetZh[code] = s.zh;
      streetOfficer(streetId, code, false);
    }
    for (const c of group.communities) {
      const d = describe(streetZh[code]!);
      addCommunity({ id: `c-${c.slug}`, streetId, districtId: 'd-lh', streetCode: code, code: c.code, slug: c.slug, nameZh: c.zh, nameEn: c.en, descriptionZh: d.descriptionZh, descriptionEn: `(Demo) A community of ${s?.en ?? (code === 'LTJD' ? 'Liantang Subdistrict' : 'Sungang Subdistrict')}, invented for the demo.`, existing: false });
    }
  }
  for (const s of FT_STREETS) {
    const streetId = `s-${s.code.toLowerCase()}`;
    streets.push({ id: streetId, districtId: 'd-ft', code: s.code, nameZh: s.zh, nameEn: s.en });
    streetOfficer(streetId, s.code, false);
    for (const c of s.communities) {
      const d = describe(s.zh);
      addCommunity({ id: `c-${c.slug}`, streetId, districtId: 'd-ft', streetCode: s.code, code: c.code, slug: c.slug, nameZh: c.zh, nameEn: c.en, descriptionZh: d.descriptionZh, descriptionEn: `(Demo) A community of ${s.en}, invented for the demo.`, existing: false });
    }
  }

  // Each community's usual turnout; 湖景's is a fraction of everyone else's.
  const baseTurnout = new Map(communities.map((c) => [c.slug, c.slug === 'hujing' ? 0.006 + rng.next() * 0.004 : 0.03 + rng.next() * 0.12]));
  const cycles: HistoryCycle[] = [];
  for (const year of HISTORY_YEARS) {
    for (const c of communities) {
      if (TAKEN_YEARS[c.slug]?.includes(year)) continue;
      cycles.push(generateCycle(rng, c, year, baseTurnout.get(c.slug)!));
    }
  }
  return { seed, district, streets, communities, accounts, cycles };
}

function generateCycle(rng: Rng, c: HistoryCommunity, year: number, turnoutBase: number): HistoryCycle {
  const id = `cy-${c.slug}-${year}`;
  const flags = INACTIVE_COUNCILS.filter((f) => f.slug === c.slug && f.year === year).map((f) => f.flag);
  const phases = historyPhases(year);
  const day = (phase: CyclePhase, which: 1 | 2) => phases.find((p) => p[0] === phase)![which];
  const budgetFen = rng.int(30, 80) * WAN;
  const staffOnly = flags.includes('staff_only');

  // Proposals.
  const n = rng.int(4, 12);
  const ideas = rng.shuffle(IDEAS).slice(0, n);
  const drafted: HistoryProject[] = ideas.map((idea, i) => {
    const seq = i + 1;
    let proposerType = rng.weighted<HistoryProject['proposerType']>([['resident', 38], ['paper', 14], ['residents_committee', 18], ['workstation', 20], ['social_org', 10]]);
    if (staffOnly && i > 0) proposerType = rng.chance(0.5) ? 'workstation' : 'residents_committee';
    if (staffOnly && i === 0) proposerType = 'resident';
    const costFen = Math.round((idea.min + rng.next() * (idea.max - idea.min)) * 100) * 10_000;
    const createdOn = between(rng, day('collection', 1), addDays(day('collection', 2), -3));
    return {
      key: `${id}-${pad(seq)}`,
      seq,
      code: formatProjectCode(c.streetCode, c.code, year, seq),
      title: idea.title,
      category: idea.category,
      theme: idea.theme,
      description: idea.description,
      address: `${c.nameZh}${rng.pick(['翠竹', '金湖', '松泉', '荔景', '安居', '福源', '怡景', '锦华'])}${rng.pick(ESTATES)}`,
      estimatedCostFen: costFen,
      proposerType,
      proposerAccountId: proposerType === 'resident' ? rng.pick(c.residents) : null,
      beneficiaries: idea.beneficiaries,
      beneficiaryCount: rng.int(2, 60) * 50,
      createdOn,
      screenedOn: between(rng, addDays(day('screening', 1), 2), addDays(day('screening', 2), -2)),
      screenOutReason: null,
      withdrawnOn: null,
      withdrawReason: null,
      comments: [],
      council: null,
      delivery: null,
      outcome: 'screened_out',
    };
  });
  // Codes number the proposals in the order they came in.
  const projects = drafted
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.createdOn.localeCompare(b.p.createdOn) || a.i - b.i)
    .map(({ p }, i) => ({ ...p, seq: i + 1, key: `${id}-${pad(i + 1)}`, code: formatProjectCode(c.streetCode, c.code, year, i + 1) }));
  // Screening: some out (with a published reason), an occasional withdrawal after it. Keep at least two on the ballot.
  for (const p of projects) {
    const out = (staffOnly && p.proposerType === 'resident') || rng.chance(0.13);
    if (out) p.screenOutReason = rng.pick(SCREEN_OUT);
    else if (rng.chance(0.06)) {
      p.withdrawnOn = addDays(p.screenedOn, rng.int(2, 6));
      p.withdrawReason = rng.pick(WITHDRAW);
    }
  }
  const onBallot = () => projects.filter((p) => !p.screenOutReason && !p.withdrawnOn);
  for (const p of projects) {
    if (onBallot().length >= 2) break;
    if (p.screenOutReason && !(staffOnly && p.proposerType === 'resident')) p.screenOutReason = null;
    else if (p.withdrawnOn) p.withdrawnOn = p.withdrawReason = null;
  }
  for (const p of projects) p.outcome = p.screenOutReason ? 'screened_out' : p.withdrawnOn ? 'withdrawn' : 'not_shortlisted';
  // Comments by residents with accounts, while the proposals are public.
  for (const p of projects) {
    const k = rng.weighted([[0, 4], [1, 3], [2, 2], [3, 1]] as const);
    for (let i = 0; i < k; i++) p.comments.push({ on: between(rng, addDays(p.createdOn, 1), addDays(p.screenedOn, -1)), accountId: rng.pick(c.residents), body: rng.pick(COMMENTS) });
    p.comments.sort((a, b) => a.on.localeCompare(b.on));
  }

  // The resident vote: a sample of the register, each ballot up to five projects by their popularity.
  const candidates = onBallot();
  const popularity = new Map(candidates.map((p) => [p.key, 0.15 + rng.next()]));
  const turnout = flags.includes('low_turnout') ? turnoutBase : Math.min(0.4, turnoutBase * (0.75 + rng.next() * 0.5));
  const nBallots = Math.max(flags.includes('low_turnout') ? 3 : 8, Math.round(c.registerSize * turnout));
  const voters = rng.sample(c.registerSize, nBallots);
  const claimedByIndex = new Map(c.claimed.map((x, i) => [i, x]));
  const residentsSet = new Set(c.residents);
  let serial = 0;
  const ballots: HistoryBallot[] = voters.map((v) => {
    const claimed = claimedByIndex.get(v);
    const online = claimed && residentsSet.has(claimed.accountId) ? claimed.accountId : null;
    const k = Math.min(candidates.length, rng.weighted([[1, 3], [2, 4], [3, 3], [4, 1], [5, 1]] as const));
    const choices: string[] = [];
    const pool = [...candidates];
    while (choices.length < k) {
      const chosen = rng.weighted(pool.map((p) => [p, popularity.get(p.key)!] as const));
      choices.push(chosen.key);
      pool.splice(pool.indexOf(chosen), 1);
    }
    return {
      day: between(rng, day('resident_vote', 1), day('resident_vote', 2)),
      registerEntryId: `h-reg-${c.slug}-${v + 1}`,
      accountId: online,
      paperSerial: online ? null : `${c.code}-${year}-${String(++serial).padStart(4, '0')}`,
      choices: choices.sort(),
    };
  });
  ballots.sort((a, b) => a.day.localeCompare(b.day));
  // Count them as the site will: the official rule (greedy) over the projects on the ballot, in yuan, by project code.
  const codeOf = new Map(candidates.map((p) => [p.key, p.code]));
  const keyOf = new Map(candidates.map((p) => [p.code, p.key]));
  const result = tallyAll(
    { budget: fenToYuan(budgetFen), projects: candidates.map((p) => ({ id: p.code, cost: fenToYuan(p.estimatedCostFen), name: p.title })), ballots: ballots.map((b) => b.choices.map((k) => codeOf.get(k)!)), voteType: 'approval' },
    ['greedy'],
  ).greedy;
  const shortlist = result.selected.map((code) => keyOf.get(code)!);

  // The council. Staff-only and no-quorum cycles adopt everything shortlisted.
  const councilMode: CouncilMode = flags.includes('no_meeting') ? 'no_meeting' : flags.includes('no_quorum') ? 'no_quorum' : 'meeting';
  const byKey = new Map(projects.map((p) => [p.key, p]));
  for (const key of shortlist) {
    const p = byKey.get(key)!;
    p.council = councilMode === 'meeting' && shortlist.length > 1 && rng.chance(0.14) && !(staffOnly && p.proposerType === 'resident') ? 'reject' : 'adopt';
  }
  if (staffOnly) for (const key of shortlist) if (byKey.get(key)!.proposerType === 'resident') byKey.get(key)!.council = 'reject';
  // A council that decided something adopted at least one project.
  const firstStaffMade = shortlist.find((k) => !(staffOnly && byKey.get(k)!.proposerType === 'resident'));
  if (firstStaffMade && !shortlist.some((k) => byKey.get(k)!.council === 'adopt')) byKey.get(firstStaffMade)!.council = 'adopt';
  for (const key of shortlist) byKey.get(key)!.outcome = byKey.get(key)!.council === 'reject' ? 'rejected' : 'archived';
  // Only the council made to look staff-led looks it: elsewhere at least one adopted project is a resident's.
  const adoptedNow = shortlist.map((k) => byKey.get(k)!).filter((p) => p.council === 'adopt');
  if (!staffOnly && adoptedNow.length && adoptedNow.every((p) => p.proposerType === 'workstation' || p.proposerType === 'residents_committee')) {
    adoptedNow[0]!.proposerType = 'resident';
    adoptedNow[0]!.proposerAccountId = rng.pick(c.residents);
  }
  const members = c.council.accountIds;
  let meeting: HistoryMeeting | null = null;
  const meetingDay = between(rng, day('deliberation', 1), addDays(day('deliberation', 2), -4));
  if (councilMode !== 'no_meeting') {
    const quorate = councilMode === 'meeting';
    const nPresent = quorate ? rng.int(5, 7) : 3;
    const present = [members[0]!, ...rng.shuffle(members.slice(1)).slice(0, nPresent - 1)];
    const votes: HistoryMeeting['votes'] = {};
    if (quorate) {
      for (const key of shortlist) {
        const p = byKey.get(key)!;
        const need = Math.floor(present.length / 2) + 1;
        const nFor = p.council === 'adopt' ? rng.int(need, present.length) : rng.int(0, need - 1);
        const order = rng.shuffle(present);
        votes[key] = Object.fromEntries(order.map((m, i) => [m, i < nFor ? 'for' : rng.chance(0.6) ? 'against' : 'abstain'] as const));
      }
    }
    meeting = { day: meetingDay, title: `${c.nameZh}居民议事会 ${year} 年度项目评议会`, place: `${c.nameZh}党群服务中心会议室`, present, votes, quorate };
  }
  const staffDecisionOn = councilMode === 'meeting' ? null : addDays(meetingDay, 2);

  // Delivery of the adopted, and how each one ends.
  const adopted = shortlist.map((k) => byKey.get(k)!).filter((p) => p.council === 'adopt');
  const noticeEnd = addDays(staffDecisionOn ?? meetingDay, 6);
  let overdueLeft = year === 2025 ? (rng.chance(0.6) ? 1 : 0) : year === 2024 && rng.chance(0.2) ? 1 : 0;
  for (const [i, p] of adopted.entries()) {
    let outcome: HistoryOutcome;
    if (overdueLeft > 0 && i === adopted.length - 1 && adopted.length > 1) {
      outcome = 'overdue';
      overdueLeft--;
    } else if (year === 2023) outcome = rng.chance(0.75) ? 'archived' : 'audited';
    else if (year === 2024) outcome = rng.chance(0.45) ? 'archived' : 'audited';
    else outcome = rng.weighted([['audited', 45], ['evaluated', 35], ['accepted', 20]] as const);
    p.outcome = outcome;
    p.delivery = deliver(rng, p, c, year, noticeEnd, outcome);
  }
  const findings: HistoryCycle['findings'] = [];
  if (adopted.length && rng.chance(0.5)) {
    const agreed = adopted.reduce((s, p) => s + p.delivery!.agreement.agreedAmountFen, 0);
    findings.push({ on: `${year}-12-1${rng.int(0, 8)}`, severity: 'info', body: `本轮预算 ${budgetFen / WAN} 万元，协议金额合计 ${(agreed / WAN).toFixed(2)} 万元；资金使用与公示一致。` });
  }
  return {
    id,
    communityId: c.id,
    slug: c.slug,
    year,
    districtId: c.districtId,
    titleZh: `${c.nameZh} ${year} 年度民生微实事`,
    titleEn: `${c.nameEn ? c.nameEn.replace(' Community', '') : c.slug[0]!.toUpperCase() + c.slug.slice(1)} micro-projects ${year}`,
    budgetFen,
    phases,
    projects,
    ballots,
    shortlist,
    councilMode,
    meeting,
    staffDecisionOn,
    findings,
    flags,
  };
}

function deliver(rng: Rng, p: HistoryProject, c: HistoryCommunity, year: number, noticeEnd: string, outcome: HistoryOutcome): HistoryDelivery {
  const type = p.category === 'services' ? 'social_org' : rng.chance(0.1) ? 'community' : 'contractor';
  const firm = type === 'social_org' ? rng.pick(SOCIAL_ORGS) : type === 'community' ? '社区居民自治小组' : p.category === 'goods' ? rng.pick(SUPPLIERS) : rng.pick(CONTRACTORS);
  const implementerName = type === 'community' ? `${c.nameZh}${firm}（示例）` : `深圳市${rng.pick(FIRM_PREFIX)}${firm}（示例）`;
  const regAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const registrationNo = `${type === 'social_org' ? '52440300' : '91440300'}${Array.from({ length: 10 }, () => rng.pick(regAlphabet.split(''))).join('')}`;
  const agreementDate = addDays(noticeEnd, rng.int(5, 20));
  const agreed = Math.round((p.estimatedCostFen * (0.88 + rng.next() * 0.12)) / 10_000) * 10_000;
  const plannedStart = addDays(agreementDate, rng.int(3, 10));
  const plannedEnd = outcome === 'overdue' ? `${year}-${rng.pick(['08', '09'])}-${pad(rng.int(10, 28))}` : addDays(plannedStart, rng.int(50, 120));
  const d: HistoryDelivery = {
    agreement: { implementerName, implementerType: type, registrationNo, implementerRating: rng.int(3, 5), agreementDate, agreedAmountFen: agreed, plannedStart, plannedEnd, recordedOn: addDays(agreementDate, 1) },
    progress: [],
    payments: [],
    acceptances: [],
    resumeOn: null,
    ratings: [],
    surveyClosedOn: null,
    findings: [],
    auditedOn: null,
    archivedOn: null,
  };
  const advance = Math.round((agreed * 0.3) / 100) * 100;
  d.payments.push({ on: addDays(plannedStart, rng.int(3, 12)), amountFen: advance, note: '预付款（30%）' });
  const done = outcome !== 'overdue';
  // Work on schedule (mostly); the overdue project stalls part-way.
  const lastReport = done ? addDays(plannedEnd, rng.int(-12, 6)) : addDays(plannedEnd, rng.int(-20, -5));
  const reports = rng.int(1, 3);
  for (let i = 1; i <= reports; i++) {
    const pct = done ? Math.round((100 * i) / reports) : Math.round(((30 + rng.int(0, 40)) * i) / reports);
    const on = i === reports ? lastReport : addDays(plannedStart, Math.round(((Date.parse(lastReport) - Date.parse(plannedStart)) / 86_400_000) * (i / reports)));
    d.progress.push({ on, percent: pct, body: pct >= 100 ? '全部完成，申请验收。' : `已完成约 ${pct}%，按计划推进。` });
  }
  if (!done) {
    d.progress.push({ on: addDays(plannedEnd, rng.int(10, 30)), percent: d.progress.at(-1)!.percent, body: '施工单位人手不足，部分住户对方案有异议，工期延误，社区正在协调。' });
    return d;
  }
  const inspector = `${c.nameZh}工作站、居民议事会代表（示例）`;
  let acceptOn = addDays(lastReport, rng.int(3, 10));
  if (rng.chance(0.12)) {
    d.acceptances.push({ on: acceptOn, result: 'fail', inspector, notes: rng.pick(FAIL_NOTES) });
    d.resumeOn = addDays(acceptOn, 1);
    acceptOn = addDays(acceptOn, rng.int(10, 20));
  }
  d.acceptances.push({ on: acceptOn, result: 'pass', inspector, notes: '验收合格。' });
  d.payments.push({ on: addDays(acceptOn, rng.int(5, 15)), amountFen: agreed - advance, note: '尾款（验收合格后）' });
  // The survey: residents with accounts rate it while it is open.
  const quality = 2.6 + rng.next() * 2.3;
  const surveyEnd = addDays(acceptOn, rng.int(20, 30));
  for (const accountId of c.residents) {
    if (!rng.chance(0.7)) continue;
    const score = Math.max(1, Math.min(5, Math.round(quality + (rng.next() - 0.5) * 2)));
    d.ratings.push({ on: between(rng, addDays(acceptOn, 1), addDays(surveyEnd, -1)), accountId, score, comment: score <= 2 ? rng.pick(['效果一般，希望后续有人维护。', '施工期间影响出行，完工后问题仍没解决好。']) : null });
  }
  d.ratings.sort((a, b) => a.on.localeCompare(b.on));
  if (outcome === 'accepted') return d;
  d.surveyClosedOn = surveyEnd;
  if (outcome === 'evaluated') return d;
  const auditStart = `${year}-12-0${rng.int(2, 6)}`;
  if (rng.chance(0.3)) {
    const [severity, body] = rng.pick(FINDINGS);
    d.findings.push({ on: auditStart, severity, body });
  }
  d.auditedOn = addDays(auditStart, rng.int(2, 8));
  if (outcome === 'archived') d.archivedOn = addDays(d.auditedOn, rng.int(1, 4));
  return d;
}

/** Counts, for the README and the tests. */
export function historySummary(h: DemoHistory) {
  const projects = h.cycles.flatMap((c) => c.projects);
  const outcomes: Partial<Record<HistoryOutcome, number>> = {};
  for (const p of projects) outcomes[p.outcome] = (outcomes[p.outcome] ?? 0) + 1;
  return {
    communities: h.communities.length,
    cycles: h.cycles.length,
    projects: projects.length,
    ballots: h.cycles.reduce((s, c) => s + c.ballots.length, 0),
    registerEntries: h.communities.reduce((s, c) => s + c.registerSize, 0),
    ratings: projects.reduce((s, p) => s + (p.delivery?.ratings.length ?? 0), 0),
    outcomes,
  };
}
