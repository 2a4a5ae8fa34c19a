/**
 * @module Demo data (示例): one district (罗湖区), two streets, three
 * communities, their people, and the sample projects of DOMAIN.md. Data only;
 * server/services/demo-seed.ts writes it through the services so every demo
 * project has a real, hash-chained history. All names are invented.
 */
import type { Role } from '../server/domain/permissions.ts';
import type { ProjectEvent } from '../server/domain/project-states.ts';

/**
 * The day the demo data is written for: its cycles' phases, notices and
 * meetings are dated around it. The tests and the browser journeys run on a
 * clock that starts here (CLOCK_START, tests/fixtures.ts), so they behave
 * the same whatever day they run on.
 */
export const DEMO_CLOCK_START = '2026-12-07T10:00:00+08:00';

export const DEMO_PASSWORD = 'demo12345';
export const WAN = 1_000_000; // fen per 万元

export type DemoAccount = { username: string; displayName: string; roles: { role: Role; scope: 'district' | 'street' | 'community'; at: string }[]; note: string };

/** Every demo account, also listed in the README. Password for all: demo12345. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'officer', displayName: '李建国（示例）', roles: [{ role: 'officer', scope: 'district', at: 'LH' }], note: '区民生微实事办 officer' },
  { username: 'auditor', displayName: '陈静（示例）', roles: [{ role: 'auditor', scope: 'district', at: 'LH' }], note: '审计 auditor' },
  { username: 'street_lt', displayName: '赵磊（示例）', roles: [{ role: 'officer', scope: 'street', at: 'LTJD' }], note: '莲塘街道 street officer' },
  { username: 'staff_lt', displayName: '王芳（示例）', roles: [{ role: 'staff', scope: 'community', at: 'lianhua' }], note: '莲花社区工作站 staff' },
  { username: 'staff_xh', displayName: '周敏（示例）', roles: [{ role: 'staff', scope: 'community', at: 'xianhu' }], note: '仙湖社区工作站 staff' },
  { username: 'staff_sx', displayName: '吴勇（示例）', roles: [{ role: 'staff', scope: 'community', at: 'sunxi' }], note: '笋西社区工作站 staff' },
  { username: 'staff2_lt', displayName: '孙倩（示例）', roles: [{ role: 'staff', scope: 'community', at: 'lianhua' }], note: '莲花社区工作站 second staff (paper ballots are entered twice)' },
  { username: 'staff2_xh', displayName: '钱进（示例）', roles: [{ role: 'staff', scope: 'community', at: 'xianhu' }], note: '仙湖社区工作站 second staff' },
  { username: 'staff3_xh', displayName: '林晓（示例）', roles: [{ role: 'staff', scope: 'community', at: 'xianhu' }], note: '仙湖社区工作站 third staff (settles paper-ballot mismatches)' },
  { username: 'staff2_sx', displayName: '马超（示例）', roles: [{ role: 'staff', scope: 'community', at: 'sunxi' }], note: '笋西社区工作站 second staff' },
  { username: 'council_lt', displayName: '孙丽华（示例）', roles: [{ role: 'council_member', scope: 'community', at: 'lianhua' }, { role: 'resident', scope: 'community', at: 'lianhua' }], note: '莲花社区议事会 council member' },
  { username: 'council_xh', displayName: '郑国强（示例）', roles: [{ role: 'council_member', scope: 'community', at: 'xianhu' }, { role: 'resident', scope: 'community', at: 'xianhu' }], note: '仙湖社区议事会 council member' },
  { username: 'council_sx', displayName: '黄秀英（示例）', roles: [{ role: 'council_member', scope: 'community', at: 'sunxi' }, { role: 'resident', scope: 'community', at: 'sunxi' }], note: '笋西社区议事会 council member' },
  { username: 'resident_lt', displayName: '莲花居民（示例）', roles: [{ role: 'resident', scope: 'community', at: 'lianhua' }], note: '莲花社区 verified resident' },
  { username: 'resident_xh', displayName: '仙湖居民（示例）', roles: [{ role: 'resident', scope: 'community', at: 'xianhu' }], note: '仙湖社区 verified resident' },
  { username: 'resident_sx', displayName: '笋西居民（示例）', roles: [{ role: 'resident', scope: 'community', at: 'sunxi' }], note: '笋西社区 verified resident' },
  { username: 'newcomer', displayName: '新用户（示例）', roles: [], note: 'signed up, not yet verified' },
];

export const COUNCIL_NAMES: Record<string, string[]> = {
  lianhua: ['刘志明', '何秀兰', '林建华', '高玉梅', '罗伟', '梁淑芬'],
  xianhu: ['谢文斌', '韩桂英', '唐海涛', '冯丽娟', '邓志强', '曹雪梅'],
  sunxi: ['彭建军', '曾凤英', '蒋涛', '蔡美玲', '余国平', '杜小燕'],
};

export type Step = { day: string; event: ProjectEvent; by: 'staff' | 'officer' | 'system' | 'proposer'; reason?: string };
export type DemoProject = {
  community: 'lianhua' | 'xianhu' | 'sunxi';
  title: string;
  category: 'engineering' | 'goods' | 'services';
  theme: string;
  description: string;
  address: string;
  costWan: number;
  proposerType: 'resident' | 'paper' | 'residents_committee' | 'workstation' | 'social_org';
  beneficiaries: string;
  beneficiaryCount: number;
  created: string;
  steps: Step[];
};

/** DOMAIN.md's realistic sample projects, spread over the three cycles. */
export const DEMO_PROJECTS: DemoProject[] = [
  // 莲花社区 — collecting proposals.
  { community: 'lianhua', title: '中秋邻里节', category: 'services', theme: 'culture_sports', description: '在社区广场举办中秋邻里节：猜灯谜、做月饼、邻里百家宴（自带菜品），促进邻里相识。', address: '莲花社区文化广场', costWan: 3.5, proposerType: 'resident', beneficiaries: '社区全体居民', beneficiaryCount: 800, created: '2026-11-03', steps: [{ day: '2026-11-04', event: 'submit', by: 'proposer' }] },
  { community: 'lianhua', title: '议事会议事规则培训', category: 'services', theme: 'care', description: '请专业社工为议事会成员和居民代表开展三次议事规则（罗伯特议事规则简版）培训。', address: '莲花社区党群服务中心二楼', costWan: 2, proposerType: 'workstation', beneficiaries: '议事会成员、居民代表', beneficiaryCount: 40, created: '2026-11-05', steps: [{ day: '2026-11-05', event: 'submit', by: 'staff' }] },
  { community: 'lianhua', title: '长者助餐服务（每日约20份）', category: 'services', theme: 'care', description: '为辖区独居、高龄长者提供工作日午餐配送，每日约20份，由签约社会组织运营。', address: '莲花社区长者服务站', costWan: 18, proposerType: 'paper', beneficiaries: '独居及80岁以上长者', beneficiaryCount: 20, created: '2026-11-08', steps: [{ day: '2026-11-08', event: 'submit', by: 'staff' }] },
  { community: 'lianhua', title: '城中村儿童“一米书桌”学习角', category: 'goods', theme: 'care', description: '为城中村出租屋内的学龄儿童配置折叠书桌、台灯和书架，每户一米空间的学习角。', address: '莲花社区城中村片区', costWan: 6, proposerType: 'social_org', beneficiaries: '城中村学龄儿童', beneficiaryCount: 60, created: '2026-11-10', steps: [{ day: '2026-11-11', event: 'submit', by: 'staff' }] },
  // 仙湖社区 — resident vote open.
  { community: 'xianhu', title: '消防安全体验馆及微型消防站器材', category: 'engineering', theme: 'safety', description: '改造社区闲置用房为消防安全体验馆，并为微型消防站补充灭火器、水带等器材。', address: '仙湖社区东区闲置用房', costWan: 48, proposerType: 'residents_committee', beneficiaries: '社区居民、学生', beneficiaryCount: 3000, created: '2026-03-02', steps: [{ day: '2026-03-03', event: 'submit', by: 'staff' }, { day: '2026-04-10', event: 'screen_in', by: 'officer' }] },
  { community: 'xianhu', title: '十项小服务：暑期托管、亲子阅读、长者照护、篮球训练等', category: 'services', theme: 'culture_sports', description: '打包十项小型服务：暑期托管班、亲子阅读会、长者照护探访、青少年篮球训练营等，全年实施。', address: '仙湖社区党群服务中心', costWan: 24, proposerType: 'social_org', beneficiaries: '儿童、长者及家庭', beneficiaryCount: 1200, created: '2026-03-05', steps: [{ day: '2026-03-05', event: 'submit', by: 'staff' }, { day: '2026-04-10', event: 'screen_in', by: 'officer' }] },
  { community: 'xianhu', title: '无主地块人行道、围墙及栏杆修缮', category: 'engineering', theme: 'safety', description: '修复一段无人管理地块上破损的人行道、倾斜围墙和锈蚀栏杆，消除行人安全隐患。', address: '仙湖路 12 号旁无主地块', costWan: 35, proposerType: 'resident', beneficiaries: '沿线居民及行人', beneficiaryCount: 2000, created: '2026-03-08', steps: [{ day: '2026-03-09', event: 'submit', by: 'proposer' }, { day: '2026-04-11', event: 'screen_in', by: 'officer' }] },
  { community: 'xianhu', title: '连廊改造及透水铺装（工期40天）', category: 'engineering', theme: 'environment', description: '改造老旧小区连廊，路面改为透水砖铺装，解决雨天积水，工期约40天。', address: '仙湖社区今日家园小区', costWan: 62, proposerType: 'resident', beneficiaries: '小区居民', beneficiaryCount: 900, created: '2026-03-12', steps: [{ day: '2026-03-12', event: 'submit', by: 'proposer' }, { day: '2026-04-11', event: 'screen_in', by: 'officer' }] },
  { community: 'xianhu', title: '老旧小区管道燃气入户', category: 'engineering', theme: 'convenience', description: '为尚未通管道燃气的老旧小区铺设庭院管网并入户，替代瓶装液化气。', address: '仙湖社区怡景花园', costWan: 95, proposerType: 'resident', beneficiaries: '小区住户', beneficiaryCount: 300, created: '2026-03-15', steps: [{ day: '2026-03-15', event: 'submit', by: 'proposer' }, { day: '2026-04-12', event: 'screen_out', by: 'officer', reason: '该小区已列入区燃气管道入户改造政府投资计划（2027 年实施），按负面清单“已列入政府投资计划的项目不得重复申报”，不予立项。' }] },
  // 笋西社区 — implementation.
  { community: 'sunxi', title: '老旧小区视频监控（天网补点）', category: 'engineering', theme: 'safety', description: '在老旧小区出入口和楼道加装高清摄像头，接入社区综治平台。', address: '笋西社区民新小区', costWan: 28, proposerType: 'resident', beneficiaries: '小区住户', beneficiaryCount: 1100, created: '2026-02-20', steps: [{ day: '2026-02-21', event: 'submit', by: 'proposer' }, { day: '2026-03-20', event: 'screen_in', by: 'officer' }, { day: '2026-05-06', event: 'shortlist', by: 'staff' }, { day: '2026-05-12', event: 'send_to_deliberation', by: 'staff' }, { day: '2026-05-20', event: 'adopt', by: 'staff', reason: '议事会 2026-05-20 会议：应到 7 人，实到 6 人，赞成 6 票，通过。' }, { day: '2026-05-26', event: 'end_notice', by: 'system' }, { day: '2026-06-15', event: 'start_implementation', by: 'staff' }] },
  { community: 'sunxi', title: '社区公共信息公告栏', category: 'goods', theme: 'public_facilities', description: '在小区主要出入口设置三块防雨公告栏，集中张贴公示、通知和民生微实事进度。', address: '笋西社区各小区出入口', costWan: 4.2, proposerType: 'resident', beneficiaries: '社区居民', beneficiaryCount: 5000, created: '2026-02-22', steps: [{ day: '2026-02-22', event: 'submit', by: 'proposer' }, { day: '2026-03-20', event: 'screen_in', by: 'officer' }, { day: '2026-05-06', event: 'shortlist', by: 'staff' }, { day: '2026-05-12', event: 'send_to_deliberation', by: 'staff' }, { day: '2026-05-20', event: 'adopt', by: 'staff', reason: '议事会 2026-05-20 会议：应到 7 人，实到 6 人，赞成 5 票，通过。' }, { day: '2026-05-26', event: 'end_notice', by: 'system' }, { day: '2026-06-10', event: 'start_implementation', by: 'staff' }, { day: '2026-08-30', event: 'pass_acceptance', by: 'staff' }] },
  { community: 'sunxi', title: '楼顶防水补漏', category: 'engineering', theme: 'safety', description: '对 3 栋、5 栋楼顶进行防水层翻新，解决顶层住户漏水。', address: '笋西社区民新小区 3 栋、5 栋', costWan: 22, proposerType: 'resident', beneficiaries: '顶层住户', beneficiaryCount: 24, created: '2026-02-25', steps: [{ day: '2026-02-25', event: 'submit', by: 'proposer' }, { day: '2026-03-21', event: 'screen_in', by: 'officer' }, { day: '2026-05-06', event: 'shortlist', by: 'staff' }, { day: '2026-05-12', event: 'send_to_deliberation', by: 'staff' }, { day: '2026-05-20', event: 'reject', by: 'staff', reason: '议事会 2026-05-20 会议：赞成 2 票，未过半数。楼顶防水属房屋共有部位维修，应使用住宅专项维修资金。' }] },
  { community: 'sunxi', title: '电动自行车集中充电点（委托企业运营）', category: 'goods', theme: 'safety', description: '在小区空地建设两处电动自行车集中充电点，由签约企业运营维护，减少入户充电火灾隐患。', address: '笋西社区笋岗路南侧空地', costWan: 15, proposerType: 'residents_committee', beneficiaries: '电动自行车车主', beneficiaryCount: 600, created: '2026-03-01', steps: [{ day: '2026-03-01', event: 'submit', by: 'staff' }, { day: '2026-03-22', event: 'screen_in', by: 'officer' }, { day: '2026-05-06', event: 'shortlist', by: 'staff' }, { day: '2026-11-16', event: 'send_to_deliberation', by: 'staff' }, { day: '2026-11-18', event: 'adopt', by: 'staff', reason: '议事会 2026-11-18 会议：应到 7 人，实到 7 人，赞成 6 票，通过。' }] },
];

