/**
 * @module UI strings of delivery and public audit (agreement, progress,
 * payments, acceptance, the tracker, money, open data, print views, the
 * staff delivery desk), Chinese first. Same shape as messages.ts:
 * `td(locale, key, vars)` fills `{name}` placeholders. `describeEntry`
 * names the delivery facts of the audit log for timelines.
 */
import type { Locale } from './messages.ts';
import { isParticipationKey, pt } from './participation.ts';
import { formatFen } from '#domain/money.ts';
import { IMPLEMENTER_TYPE_NAMES, type ImplementerType } from '#domain/delivery.ts';

const zh = {
  'nav.tracker': '实施进度',
  'nav.openData': '开放数据',
  'delivery.title': '实施与验收',
  'delivery.overdue': '已逾期 {n} 天',
  'delivery.overdueLong': '计划 {end} 完工，已逾期 {n} 天，尚未验收。',
  'delivery.agreement': '立项与协议',
  'delivery.noAgreement': '尚未登记实施协议。',
  'delivery.implementer': '实施方',
  'delivery.implementerType': '实施方类型',
  'delivery.registrationNo': '统一社会信用代码（登记号）',
  'delivery.rating': '实施方评级',
  'delivery.ratingValue': '{n} / 5',
  'delivery.agreementDate': '协议签订日期',
  'delivery.agreedAmount': '协议金额',
  'delivery.plannedStart': '计划开工',
  'delivery.plannedEnd': '计划完工',
  'delivery.period': '{start} 至 {end}',
  'delivery.progress': '实施进度',
  'delivery.noProgress': '还没有进度报告。',
  'delivery.percent': '完成 {n}%',
  'delivery.photoAlt': '{date} 进度照片 {n}',
  'delivery.payments': '付款记录',
  'delivery.noPayments': '还没有付款。',
  'delivery.batch': '第 {n} 批',
  'delivery.paidOn': '付款日期',
  'delivery.amount': '金额',
  'delivery.note': '说明',
  'delivery.paidOf': '已付 {paid}，协议金额 {agreed}，未付 {left}',
  'delivery.acceptance': '验收',
  'delivery.noAcceptance': '尚未验收。',
  'delivery.pass': '验收合格',
  'delivery.fail': '验收不合格',
  'delivery.inspector': '验收人',
  'delivery.findings': '审计发现',
  'delivery.severity.info': '说明',
  'delivery.severity.issue': '问题',
  'delivery.severity.serious': '严重问题',
  'delivery.printForm': '打印申报书',
  'delivery.printAgreement': '打印协议书摘要',
  'delivery.desk': '办理实施与验收',
  'delivery.deskAudit': '记录审计发现',
  'tracker.title': '实施进度',
  'tracker.lead': '已立项项目的实施情况：谁来做、计划何时完成、做到哪一步、付了多少钱。逾期未验收的项目排在最前面。',
  'tracker.community': '社区',
  'tracker.state': '状态',
  'tracker.any': '全部',
  'tracker.apply': '筛选',
  'tracker.none': '没有符合条件的项目。',
  'tracker.count': '共 {n} 个项目，其中 {late} 个逾期',
  'tracker.today': '今天是 {today}（北京时间）',
  'tracker.plannedEnd': '计划完工 {date}',
  'tracker.noPlan': '未登记工期',
  'tracker.paid': '已付 {paid} / {agreed}',
  'tracker.progressLabel': '进度',
  'tracker.noReport': '暂无进度报告',
  'money.title': '资金 · {cycle}',
  'money.lead': '本轮预算、议事会通过的项目、已签协议、已支付和剩余资金。图和表是同一组数字。',
  'money.budget': '年度预算',
  'money.adopted': '议事会通过',
  'money.contracted': '已签协议',
  'money.paid': '已支付',
  'money.remaining': '未分配余额',
  'money.unpaid': '已签未付',
  'money.remainingNote': '未分配余额 = 年度预算 − 已通过项目的金额（已签协议的按协议金额，未签的按估算金额）。',
  'money.chartTitle': '{cycle}资金情况',
  'money.chartDesc': '年度预算 {budget}；议事会通过 {adopted}；已签协议 {contracted}；已支付 {paid}；未分配余额 {remaining}。',
  'money.item': '项目',
  'money.amount': '金额',
  'money.share': '占预算',
  'money.projects': '各项目',
  'money.estimated': '估算',
  'money.agreed': '协议',
  'money.paidCol': '已付',
  'money.noProjects': '本轮还没有议事会通过的项目。',
  'money.download': '下载本轮付款记录（CSV）',
  'money.findings': '审计发现（本轮）',
  'money.link': '资金情况',
  'community.allCycles': '全部年度轮次',
  'community.ballotsPb': '下载匿名选票（pabulib）',
  'openData.title': '开放数据',
  'openData.lead': '项目、决定、议事会会议、付款、实施进度和满意度评价都可以下载，任何人都可以自行统计和核对。数据中没有居民的姓名、电话、地址或账户。',
  'openData.datasets': '数据集',
  'openData.csv': 'CSV',
  'openData.json': 'JSON',
  'openData.ds.projects': '项目：编号、社区、类别、状态、决定理由、估算与协议金额、得票',
  'openData.ds.decisions': '决定：每一次状态变化、由谁（身份和公开姓名，居民只显示“居民”）、理由和审计日志哈希',
  'openData.ds.meetings': '议事会会议：时间、地点、应到与实到人数、议程及结果、会议纪要',
  'openData.ds.payments': '付款：每个项目的各批付款（分和元）',
  'openData.ds.progress': '实施进度：报告日期、完成百分比、说明和照片地址',
  'openData.ds.ratings': '满意度评价：分数、留言和日期（不含评价人）',
  'openData.filterHint': '可加参数筛选：?community=社区标识 或 ?cycle=轮次编号，例如 {example}',
  'openData.ballots': '居民投票的匿名选票',
  'openData.ballotsLead': '居民投票结束并计票后，公布打乱顺序的匿名选票（不含身份和回执码，投票人编号为 1…n）和官方结果，格式为 pabulib（.pb）。金额单位为元，project_id 为项目编号。',
  'openData.recount': '自行复核：npm run tally -- --rule {rule} 文件名.pb',
  'openData.receipts': '计入的回执指纹（.txt）',
  'openData.receiptsLead': '同时公布每张计入选票的回执码指纹：回执码（如 ABCDE-FGH23，大写、含连字符）的 SHA-256，小写十六进制，排序后每行一条，与选票内容没有对应关系。网上投票和两人录入一致的纸质选票都有回执码，被同一居民后来的选票替换的不计入也不列出；所以行数等于 .pb 文件中的选票数，减去从线下投票导入的选票（它们没有回执码）。计票时写入审计日志的“居民投票计票”条目记录了名单的行数和整份名单的 SHA-256。投票人可以在“自己核验”页面核对自己的回执是否在其中。',
  'openData.verifyInBrowser': '在浏览器里重新计票、核对回执',
  'openData.noBallots': '目前还没有已结束并计票的居民投票。',
  'openData.ballotsFor': '{cycle}：{n} 张选票，官方规则 {rule}',
  'openData.audit': '审计日志',
  'openData.auditLead': '所有决定和变化都写入哈希链审计日志，可在审计日志页面查看，或用 npm run audit:verify 核验。',
  'openData.format': 'CSV 为 UTF-8 编码（带 BOM，可直接用 Excel/WPS 打开）；以 = + - @ 开头的文字前加了单引号，防止被当作公式执行。',
  'form.title': '民生微实事项目申报书',
  'form.generated': '本申报书由系统根据项目记录生成，生成时间 {at}。核验：审计日志最新一条记录的哈希 {hash}',
  'form.print': '打印',
  'form.proposerNote': '（提议人个人信息不公开）',
  'form.submittedOn': '提交日期',
  'form.screening': '初审意见',
  'form.signature': '申报单位（盖章）：',
  'form.signDate': '日期：',
  'form.community': '所属社区',
  'form.cycle': '申报轮次',
  'agreement.title': '民生微实事项目实施协议（摘要）',
  'agreement.none': '这个项目还没有登记实施协议。',
  'agreement.partyA': '甲方（项目单位）',
  'agreement.partyB': '乙方（实施方）',
  'agreement.partyAValue': '{community}居民委员会 / 社区工作站',
  'agreement.project': '项目',
  'agreement.amountWords': '协议金额（大写）',
  'agreement.amountFigures': '协议金额（小写）',
  'agreement.term': '工期',
  'agreement.paymentTerms': '付款情况',
  'agreement.acceptanceTerms': '验收情况',
  'agreement.generated': '本摘要由系统根据协议登记记录生成，生成时间 {at}；以双方签署的协议原件为准。',
  'agreement.signA': '甲方代表签字：',
  'agreement.signB': '乙方代表签字：',
  'desk.title': '实施与验收 · {community}',
  'desk.lead': '本社区已立项的项目。每一项登记都写入公开的审计日志。',
  'desk.none': '本社区目前没有已立项的项目。',
  'desk.inNotice': '公示中，尚未立项（{n}）',
  'desk.inNoticeLead': '议事会通过的项目先公示。公示期满、没有成立的异议，系统自动立项；之后才能登记实施协议、开始实施。',
  'desk.waitsUntil': '公示至 {date} 结束；公示结束后才能开始实施。',
  'desk.waitsAnswers': '公示期已于 {date} 结束，还有 {n} 条异议待答复；答复后才能立项、开始实施。',
  'desk.waitsApproval': '公示期已于 {date} 结束，系统即将自动立项；立项后才能开始实施。',
  'desk.open': '办理',
  'desk.forbidden': '只有本社区工作人员、街道/区工作人员或审计人员可以打开这里：',
  'desk.project': '办理 · {title}',
  'desk.back': '返回列表',
  'desk.publicPage': '查看公开页面',
  'desk.recordAgreement': '登记实施协议（立项）',
  'desk.amendAgreement': '变更协议（补充协议）',
  'desk.amendReason': '变更理由（将公开）',
  'desk.startNow': '登记后立即开始实施',
  'desk.save': '保存',
  'desk.start': '开始实施',
  'desk.startHint': '协议已登记，确认施工/服务已开始后点击。',
  'desk.progress': '填报进度',
  'desk.reportedOn': '报告日期',
  'desk.percent': '完成百分比（0–100）',
  'desk.body': '进度说明',
  'desk.photos': '现场照片（JPEG、PNG 或 WebP，每张不超过 5 MB，最多 6 张）',
  'desk.payment': '登记付款',
  'desk.paymentHint': '累计付款不能超过协议金额。还可支付 {left}。',
  'desk.amountYuan': '金额（元）',
  'desk.amountHint': '如 82800 或 8.28万',
  'desk.acceptance': '登记验收',
  'desk.result': '验收结论',
  'desk.acceptedOn': '验收日期',
  'desk.notes': '验收意见（不合格时必填，将公开）',
  'desk.resume': '整改完成，继续实施',
  'desk.resumeReason': '整改说明（可选，将公开）',
  'desk.closeSurvey': '结束满意度测评',
  'desk.closeSurveyHint': '目前 {n} 位居民参与评价。结束后项目进入“已完成满意度测评”，等待审计。',
  'desk.archive': '归档',
  'desk.finding': '记录审计发现',
  'desk.severity': '性质',
  'desk.findingBody': '审计发现（将公开）',
  'desk.completeAudit': '完成审计',
  'desk.auditSummary': '审计结论（可选，将公开）',
  'desk.done': '已保存 ✓',
  'desk.nothing': '这个项目当前没有您可以办理的事项。',
  'desk.imports': '导入选票（pabulib）',
  'import.title': '导入选票 · {community}',
  'import.lead': '本轮居民投票在线下进行时，投票结束后把选票（pabulib .pb 文件）导入本站。文件中的 project_id 必须是本轮项目编号，voter_id 必须是本社区居民名册的登记号，每人只能出现一次。导入的选票先等待另一人（本社区另一位工作人员，或街道、区的工作人员）核对摘要后批准，批准后才计入并计票。',
  'import.cycle': '轮次',
  'import.file': '.pb 文件（不超过 16 MB）',
  'import.submit': '开始导入',
  'import.none': '本社区现在没有可以导入选票的轮次：须是规则写明“线下投票、导入选票”的轮次，投票已经结束、尚未计票，本站也没有它的选票。',
  'import.history': '导入记录',
  'import.noHistory': '还没有导入过。',
  'import.progress': '已处理 {processed} / {total} 张选票',
  'import.status.running': '正在导入',
  'import.status.pending': '等待另一人核对批准',
  'import.status.done': '已批准，已计入',
  'import.status.rejected': '已驳回',
  'import.status.failed': '失败',
  'import.summary': '核对摘要',
  'import.voters': '选票（投票人）数',
  'import.sha256': '文件 SHA-256',
  'import.uploadedBy': '上传人',
  'import.reviewedBy': '核对人',
  'import.reviewNote': '说明',
  'import.tally': '各项目得票',
  'import.tallyProject': '项目',
  'import.tallyVotes': '票数',
  'import.tallyPoints': '积分',
  'import.download': '下载原文件核对',
  'import.approve': '核对无误，批准计入',
  'import.reject': '驳回',
  'import.rejectNote': '驳回理由（将公开）',
  'import.approveNote': '说明（可不填，将公开）',
  'import.ownUpload': '这个文件是您上传的，须由另一人核对批准。',
  'import.reviewOnly': '选票文件由本社区工作人员上传；您可以在这里核对并批准或驳回等待中的导入。',
  'import.reviewHint': '请把下面的票数与线下投票的计票记录逐项核对，并核对文件的 SHA-256；批准后选票立即计入并计票，不能撤回。',
  'import.done.done': '已批准：导入的选票已计入，本轮已计票。',
  'import.done.rejected': '已驳回：导入的选票已删除。',
  'import.refresh': '本页每 2 秒自动刷新，直到导入完成。',
  'import.noFile': '请选择一个 .pb 文件。',
  'audit.subjectType': '对象类型',
  'audit.subjectType.any': '全部',
  'audit.subjectType.project': '项目',
  'audit.subjectType.cycle': '年度轮次',
  'audit.subjectType.project_rating': '满意度评价',
  'audit.subjectType.meeting': '议事会会议',
  'audit.subjectType.district': '区',
  'audit.subjectType.community': '社区',
  'audit.subjectType.project_draft': '提议草稿',
  'audit.subjectType.project_attachment': '提议附件',
  'audit.subjectType.project_comment': '居民评论',
  'audit.subjectType.rulebook': '规则版本',
  'audit.actionHint': '如 project.screen_out、delivery.payment_recorded',
  'audit.countLabel': '条目',
  'audit.reason': '理由',
  'audit.vote.heading': '居民投票进行中：选票只按天计数',
  'audit.vote.ballots': '{votes}的居民投票正在进行。投票期间，选票（网上投票和工作人员录入的纸质选票）不逐条公开，每天结束后公布当天的张数；投票结束后逐条公开，连同哈希值，整条链都可以核验。',
  'audit.vote.pending': '为了不让前后记录的编号和哈希值透露选票的张数和时间，{day}起写入的其他记录暂时只公开内容，不公开编号和哈希值；上面的链头是此前的最后一条记录。投票结束后全部补齐。',
  'audit.vote.caption': '每天的选票张数',
  'audit.vote.row': '{day} · {cycle}：网上投票 {online} 张，纸质选票录入 {paper} 次',
  'audit.vote.today': '当天的张数在当天结束后公布。',
  'audit.vote.noneYet': '还没有已结束的投票日。',
  'audit.pendingNote': '编号和哈希值在投票结束后公开',
  'audit.full': '您以审计人员身份登录：这里是全部记录，包括投票期间暂不公开的选票记录。',
} as const;

export type DeliveryKey = keyof typeof zh;

const en: Record<DeliveryKey, string> = {
  'nav.tracker': 'Delivery',
  'nav.openData': 'Open data',
  'delivery.title': 'Delivery and acceptance',
  'delivery.overdue': '{n} days overdue',
  'delivery.overdueLong': 'Due on {end}: {n} days overdue and not yet accepted.',
  'delivery.agreement': 'Approval and agreement',
  'delivery.noAgreement': 'No agreement recorded yet.',
  'delivery.implementer': 'Implementer',
  'delivery.implementerType': 'Type of implementer',
  'delivery.registrationNo': 'Registration number',
  'delivery.rating': 'Implementer rating',
  'delivery.ratingValue': '{n} / 5',
  'delivery.agreementDate': 'Agreement signed',
  'delivery.agreedAmount': 'Agreed amount',
  'delivery.plannedStart': 'Planned start',
  'delivery.plannedEnd': 'Planned end',
  'delivery.period': '{start} to {end}',
  'delivery.progress': 'Progress',
  'delivery.noProgress': 'No progress reports yet.',
  'delivery.percent': '{n}% done',
  'delivery.photoAlt': 'Progress photo {n} of {date}',
  'delivery.payments': 'Payments',
  'delivery.noPayments': 'Nothing paid yet.',
  'delivery.batch': 'Batch {n}',
  'delivery.paidOn': 'Paid on',
  'delivery.amount': 'Amount',
  'delivery.note': 'Note',
  'delivery.paidOf': '{paid} paid of the agreed {agreed}; {left} still to pay',
  'delivery.acceptance': 'Acceptance',
  'delivery.noAcceptance': 'Not inspected yet.',
  'delivery.pass': 'Passed acceptance',
  'delivery.fail': 'Failed acceptance',
  'delivery.inspector': 'Inspected by',
  'delivery.findings': 'Audit findings',
  'delivery.severity.info': 'Note',
  'delivery.severity.issue': 'Issue',
  'delivery.severity.serious': 'Serious issue',
  'delivery.printForm': 'Print the proposal form',
  'delivery.printAgreement': 'Print the agreement summary',
  'delivery.desk': 'Record delivery and acceptance',
  'delivery.deskAudit': 'Record audit findings',
  'tracker.title': 'Delivery tracker',
  'tracker.lead': 'How approved projects are being delivered: who does the work, when it is due, how far it has got and how much has been paid. Projects overdue and not yet accepted come first.',
  'tracker.community': 'Community',
  'tracker.state': 'State',
  'tracker.any': 'All',
  'tracker.apply': 'Filter',
  'tracker.none': 'No projects match.',
  'tracker.count': '{n} projects, {late} overdue',
  'tracker.today': 'Today is {today} (China time)',
  'tracker.plannedEnd': 'Due {date}',
  'tracker.noPlan': 'No schedule recorded',
  'tracker.paid': '{paid} paid of {agreed}',
  'tracker.progressLabel': 'Progress',
  'tracker.noReport': 'No progress report yet',
  'money.title': 'Money · {cycle}',
  'money.lead': 'The cycle’s budget, the projects the council adopted, the agreements signed, what has been paid and what is left. The chart and the table show the same figures.',
  'money.budget': 'Budget',
  'money.adopted': 'Adopted by the council',
  'money.contracted': 'Agreements signed',
  'money.paid': 'Paid',
  'money.remaining': 'Not yet allocated',
  'money.unpaid': 'Signed but not yet paid',
  'money.remainingNote': 'Not yet allocated = budget − the adopted projects (at their agreed amount once signed, else at their estimate).',
  'money.chartTitle': 'Money of {cycle}',
  'money.chartDesc': 'Budget {budget}; adopted {adopted}; agreements signed {contracted}; paid {paid}; not yet allocated {remaining}.',
  'money.item': 'Item',
  'money.amount': 'Amount',
  'money.share': 'Share',
  'money.projects': 'Per project',
  'money.estimated': 'Estimate',
  'money.agreed': 'Agreed',
  'money.paidCol': 'Paid',
  'money.noProjects': 'The council has not adopted any project in this cycle yet.',
  'money.download': 'Download this cycle’s payments (CSV)',
  'money.findings': 'Audit findings (this cycle)',
  'money.link': 'Money',
  'community.allCycles': 'All cycles',
  'community.ballotsPb': 'Download the anonymised ballots (pabulib)',
  'openData.title': 'Open data',
  'openData.lead': 'Projects, decisions, council meetings, payments, progress and satisfaction ratings can all be downloaded, so anyone can count and check for themselves. The data holds no resident’s name, phone number, address or account.',
  'openData.datasets': 'Datasets',
  'openData.csv': 'CSV',
  'openData.json': 'JSON',
  'openData.ds.projects': 'Projects: code, community, category, state, published reason, estimated and agreed amounts, votes',
  'openData.ds.decisions': 'Decisions: every change of state, who made it (role and public name; residents only as “resident”), the reason and the audit-log hash',
  'openData.ds.meetings': 'Council meetings: time, place, members expected and present, agenda and outcomes, minutes',
  'openData.ds.payments': 'Payments: each project’s payment batches (in fen and yuan)',
  'openData.ds.progress': 'Progress: report date, percent done, text and photo addresses',
  'openData.ds.ratings': 'Satisfaction ratings: score, comment and day (never who rated)',
  'openData.filterHint': 'Filter with ?community=<slug> or ?cycle=<cycle id>, e.g. {example}',
  'openData.ballots': 'Anonymised ballots of resident votes',
  'openData.ballotsLead': 'Once a resident vote has closed and been counted, its ballots are published shuffled and anonymised (no identities, no receipt codes, voters numbered 1…n) with the official result, as a pabulib (.pb) file. Money is in yuan; project_id is the project code.',
  'openData.recount': 'Recount it yourself: npm run tally -- --rule {rule} file.pb',
  'openData.receipts': 'Counted receipt fingerprints (.txt)',
  'openData.receiptsLead': 'With them comes the fingerprint of each counted ballot’s receipt code: the SHA-256, in lower-case hex, of the code as printed (e.g. ABCDE-FGH23: upper case, with the hyphen), sorted, one per line, tied to no ballot’s content. Online ballots and paper ballots whose two entries agree have receipt codes; a ballot replaced by a later one of the same resident was not counted and is not listed. So the number of lines equals the number of ballots in the .pb file, less ballots imported from a vote held offline (they have no receipt code). The “Resident vote counted” entry written to the audit log at the count records the number of lines and the SHA-256 of the whole list. Voters can check their receipt on the “Check it yourself” page.',
  'openData.verifyInBrowser': 'Recount and check receipts in your browser',
  'openData.noBallots': 'No resident vote has closed and been counted yet.',
  'openData.ballotsFor': '{cycle}: {n} ballots, official rule {rule}',
  'openData.audit': 'Audit log',
  'openData.auditLead': 'Every decision and change is in the hash-chained audit log: read it on the audit log page, or check it with npm run audit:verify.',
  'openData.format': 'CSV files are UTF-8 (with a byte-order mark, so Excel and WPS open them directly); text starting with = + - @ gets a leading apostrophe so that it is never run as a formula.',
  'form.title': 'Micro-project proposal form (申报书)',
  'form.generated': 'Generated from the project record on {at}. To verify: hash of the latest audit-log entry {hash}',
  'form.print': 'Print',
  'form.proposerNote': '(the proposer’s personal details are not published)',
  'form.submittedOn': 'Submitted on',
  'form.screening': 'Screening opinion',
  'form.signature': 'Applicant (seal):',
  'form.signDate': 'Date:',
  'form.community': 'Community',
  'form.cycle': 'Cycle',
  'agreement.title': 'Micro-project implementation agreement (summary)',
  'agreement.none': 'No agreement has been recorded for this project.',
  'agreement.partyA': 'Party A (project owner)',
  'agreement.partyB': 'Party B (implementer)',
  'agreement.partyAValue': 'Residents’ committee / workstation of {community}',
  'agreement.project': 'Project',
  'agreement.amountWords': 'Agreed amount in words',
  'agreement.amountFigures': 'Agreed amount in figures',
  'agreement.term': 'Term',
  'agreement.paymentTerms': 'Payments',
  'agreement.acceptanceTerms': 'Acceptance',
  'agreement.generated': 'Generated from the recorded agreement on {at}; the agreement signed by both parties prevails.',
  'agreement.signA': 'For Party A:',
  'agreement.signB': 'For Party B:',
  'desk.title': 'Delivery · {community}',
  'desk.lead': 'This community’s approved projects. Everything recorded here goes into the public audit log.',
  'desk.none': 'This community has no approved projects at the moment.',
  'desk.inNotice': 'On public notice, not yet approved ({n})',
  'desk.inNoticeLead': 'Projects the council adopts go on public notice first. When the notice ends with no objection upheld, the system approves them; only then can an agreement be recorded and implementation start.',
  'desk.waitsUntil': 'On notice until {date}; implementation can start once the notice has ended.',
  'desk.waitsAnswers': 'The notice ended {date}, but {n} objection(s) await an answer; once answered the project can be approved and implemented.',
  'desk.waitsApproval': 'The notice ended {date}; the system is about to approve the project, and implementation can start then.',
  'desk.open': 'Open',
  'desk.forbidden': 'Only this community’s staff, street/district officers or auditors can open this page:',
  'desk.project': 'Delivery · {title}',
  'desk.back': 'Back to the list',
  'desk.publicPage': 'See the public page',
  'desk.recordAgreement': 'Record the agreement (approval)',
  'desk.amendAgreement': 'Amend the agreement',
  'desk.amendReason': 'Reason for the amendment (published)',
  'desk.startNow': 'Start the work straight away',
  'desk.save': 'Save',
  'desk.start': 'Start the work',
  'desk.startHint': 'The agreement is recorded; press this once the work has begun.',
  'desk.progress': 'Report progress',
  'desk.reportedOn': 'Report date',
  'desk.percent': 'Percent done (0–100)',
  'desk.body': 'What was done',
  'desk.photos': 'Photos (JPEG, PNG or WebP, up to 5 MB each, at most 6)',
  'desk.payment': 'Record a payment',
  'desk.paymentHint': 'Payments together cannot exceed the agreed amount. {left} can still be paid.',
  'desk.amountYuan': 'Amount (yuan)',
  'desk.amountHint': 'e.g. 82800 or 8.28万',
  'desk.acceptance': 'Record the acceptance inspection',
  'desk.result': 'Result',
  'desk.acceptedOn': 'Inspected on',
  'desk.notes': 'Inspection notes (required on failure; published)',
  'desk.resume': 'Rectified: resume the work',
  'desk.resumeReason': 'What was rectified (optional, published)',
  'desk.closeSurvey': 'Close the satisfaction survey',
  'desk.closeSurveyHint': '{n} residents have rated so far. Closing moves the project to “survey done”, ready for audit.',
  'desk.archive': 'Archive',
  'desk.finding': 'Record an audit finding',
  'desk.severity': 'Kind',
  'desk.findingBody': 'Finding (published)',
  'desk.completeAudit': 'Complete the audit',
  'desk.auditSummary': 'Audit conclusion (optional, published)',
  'desk.done': 'Saved ✓',
  'desk.nothing': 'There is nothing you can record on this project right now.',
  'desk.imports': 'Import ballots (pabulib)',
  'import.title': 'Import ballots · {community}',
  'import.lead': 'When this cycle’s resident vote is held offline, bring its ballots (a pabulib .pb file) in after the vote. Its project_id values must be this cycle’s project codes and its voter_id values register numbers of this community, each once. The imported ballots wait until a second person (another staff member of this community, or a street or district officer) checks the summary and approves them; only then do they count and the vote is counted.',
  'import.cycle': 'Cycle',
  'import.file': '.pb file (up to 16 MB)',
  'import.submit': 'Start the import',
  'import.none': 'No cycle of this community can take imported ballots now: it must be a cycle whose rulebook says its vote is held offline, whose vote has closed and not been counted, and that has no ballots on this site.',
  'import.history': 'Imports',
  'import.noHistory': 'Nothing imported yet.',
  'import.progress': '{processed} of {total} ballots processed',
  'import.status.running': 'Importing',
  'import.status.pending': 'Waiting for a second person to approve',
  'import.status.done': 'Approved and counted',
  'import.status.rejected': 'Rejected',
  'import.status.failed': 'Failed',
  'import.summary': 'Summary to check',
  'import.voters': 'Ballots (voters)',
  'import.sha256': 'File SHA-256',
  'import.uploadedBy': 'Uploaded by',
  'import.reviewedBy': 'Reviewed by',
  'import.reviewNote': 'Note',
  'import.tally': 'Votes per project',
  'import.tallyProject': 'Project',
  'import.tallyVotes': 'Votes',
  'import.tallyPoints': 'Points',
  'import.download': 'Download the file to check',
  'import.approve': 'Checked: approve and count',
  'import.reject': 'Reject',
  'import.rejectNote': 'Reason for rejecting (published)',
  'import.approveNote': 'Note (optional, published)',
  'import.ownUpload': 'You uploaded this file: someone else must review it.',
  'import.reviewOnly': 'The community’s staff upload ballot files; here you can check pending imports and approve or reject them.',
  'import.reviewHint': 'Check the votes below, project by project, against the offline count, and the file’s SHA-256. Approving counts the ballots and the vote at once; it cannot be undone.',
  'import.done.done': 'Approved: the imported ballots count and the vote has been counted.',
  'import.done.rejected': 'Rejected: the imported ballots were removed.',
  'import.refresh': 'This page refreshes every 2 seconds until the import is done.',
  'import.noFile': 'Choose a .pb file.',
  'audit.subjectType': 'Kind of subject',
  'audit.subjectType.any': 'All',
  'audit.subjectType.project': 'Project',
  'audit.subjectType.cycle': 'Cycle',
  'audit.subjectType.project_rating': 'Satisfaction rating',
  'audit.subjectType.meeting': 'Council meeting',
  'audit.subjectType.district': 'District',
  'audit.subjectType.community': 'Community',
  'audit.subjectType.project_draft': 'Proposal draft',
  'audit.subjectType.project_attachment': 'Proposal attachment',
  'audit.subjectType.project_comment': 'Resident comment',
  'audit.subjectType.rulebook': 'Rulebook version',
  'audit.actionHint': 'e.g. project.screen_out, delivery.payment_recorded',
  'audit.countLabel': 'Entries',
  'audit.reason': 'Reason',
  'audit.vote.heading': 'A resident vote is open: ballots are counted by day',
  'audit.vote.ballots': 'The resident vote of {votes} is open. While it is, ballots (cast online, or paper ballots typed in by staff) are not listed one by one: each day’s number is published once the day has ended. When the vote closes they are listed in full with their hashes, and the whole chain can be verified.',
  'audit.vote.pending': 'So that the numbers and hashes of the entries around them do not give away how many ballots there were and when, the other entries written since {day} are listed for now without their numbers and hashes; the head above is the last entry before that day. Everything is completed when the vote closes.',
  'audit.vote.caption': 'Ballots per day',
  'audit.vote.row': '{day} · {cycle}: {online} cast online, {paper} paper-ballot entries typed in',
  'audit.vote.today': 'Each day’s numbers appear once the day has ended.',
  'audit.vote.noneYet': 'No day of voting has ended yet.',
  'audit.pendingNote': 'Number and hash published when the vote closes',
  'audit.full': 'You are signed in as an auditor: this is every entry, including the ballots withheld from the public while a vote is open.',
};

const TABLE: Record<Locale, Record<DeliveryKey, string>> = { 'zh-CN': zh, en };

export function td(locale: Locale, key: DeliveryKey, vars: Record<string, string | number> = {}): string {
  const s: string = TABLE[locale][key] ?? zh[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
}

export function deliveryTranslator(locale: Locale) {
  return (key: DeliveryKey, vars?: Record<string, string | number>) => td(locale, key, vars);
}

export function implementerTypeName(locale: Locale, type: string): string {
  return IMPLEMENTER_TYPE_NAMES[type as ImplementerType]?.[locale] ?? type;
}

const ACTION_NAMES: Record<string, Record<Locale, string>> = {
  'delivery.agreement_recorded': { 'zh-CN': '登记实施协议', en: 'Agreement recorded' },
  'delivery.agreement_amended': { 'zh-CN': '变更实施协议', en: 'Agreement amended' },
  'delivery.progress_reported': { 'zh-CN': '进度报告', en: 'Progress report' },
  'delivery.payment_recorded': { 'zh-CN': '付款', en: 'Payment' },
  'delivery.acceptance_recorded': { 'zh-CN': '验收记录', en: 'Acceptance record' },
  'audit.finding_recorded': { 'zh-CN': '审计发现', en: 'Audit finding' },
  'rating.added': { 'zh-CN': '居民满意度评价', en: 'Satisfaction rating' },
  'comment.added': { 'zh-CN': '居民留言', en: 'Comment' },
  'comment.hidden': { 'zh-CN': '留言被隐藏', en: 'Comment hidden' },
  'comment.replied': { 'zh-CN': '官方回复', en: 'Official reply' },
  'attachment.added': { 'zh-CN': '添加附件', en: 'Attachment added' },
  'project.created': { 'zh-CN': '项目登记', en: 'Project recorded' },
  'proposal.draft_edited': { 'zh-CN': '修改草稿', en: 'Draft edited' },
  'proposal.attachment_added': { 'zh-CN': '添加附件', en: 'Attachment added' },
  'ballot.cast': { 'zh-CN': '居民投票', en: 'Ballot cast' },
  'paper_ballot.entered': { 'zh-CN': '录入纸质选票', en: 'Paper ballot entered' },
  'register.imported': { 'zh-CN': '导入居民名册', en: 'Resident register imported' },
  'resident.verified': { 'zh-CN': '居民身份核验', en: 'Residency verified' },
  'register.exported': { 'zh-CN': '导出居民名册（下载或打印核验纸条）', en: 'Resident register exported (downloaded or slips printed)' },
  'resident.register_corrected': { 'zh-CN': '居民更正名册上的本人信息', en: 'A resident corrected their register entry' },
  'account.details_corrected': { 'zh-CN': '更正账号信息', en: 'Account details corrected' },
  'account.closed': { 'zh-CN': '注销账号', en: 'Account closed' },
  'proposal.draft_deleted': { 'zh-CN': '删除草稿（提议人注销账号）', en: 'Draft deleted (its proposer closed their account)' },
  'rulebook.version_added': { 'zh-CN': '新增规则版本', en: 'Rulebook version added' },
  'cycle.created': { 'zh-CN': '创建年度轮次', en: 'Cycle created' },
  'places.created': { 'zh-CN': '建立区、街道、社区', en: 'Places created' },
  'accounts.seeded': { 'zh-CN': '建立示例账户', en: 'Demo accounts created' },
  'proposal.attachment_removed': { 'zh-CN': '删除附件', en: 'Attachment removed' },
  'ballots.import_started': { 'zh-CN': '开始导入选票', en: 'Ballot import started' },
  'ballots.imported': { 'zh-CN': '导入选票', en: 'Ballots imported' },
  'ballots.import_pending': { 'zh-CN': '导入的选票等待核对', en: 'Imported ballots await review' },
  'ballots.import_approved': { 'zh-CN': '批准导入的选票', en: 'Imported ballots approved' },
  'ballots.import_rejected': { 'zh-CN': '驳回导入的选票', en: 'Imported ballots rejected' },
  'ballots.import_failed': { 'zh-CN': '选票导入失败', en: 'Ballot import failed' },
  'cycle.vote_counted': { 'zh-CN': '居民投票计票', en: 'Resident vote counted' },
  'cycle.phase_opened': { 'zh-CN': '开启阶段', en: 'Phase opened' },
  'cycle.phase_closed_on_time': { 'zh-CN': '阶段按计划结束（系统自动）', en: 'Phase closed on its planned end (automatic)' },
  'cycle.phase_extended': { 'zh-CN': '延长阶段', en: 'Phase extended' },
  'cycle.phase_change_requested': { 'zh-CN': '申请调整阶段（退回或跳过）', en: 'Asked to move the cycle back or skip a phase' },
  'cycle.phase_change_confirmed': { 'zh-CN': '确认阶段调整', en: 'Phase change confirmed' },
  'cycle.phase_change_declined': { 'zh-CN': '驳回阶段调整申请', en: 'Phase change declined' },
};

/** The name of an audit-log action that is not a state-machine step, or null when unknown here. */
export function actionName(action: string, locale: Locale): string | null {
  return ACTION_NAMES[action]?.[locale] ?? null;
}

/** Every action this module names, for the audit page's action filter. */
export const NAMED_ACTIONS = Object.keys(ACTION_NAMES);

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const num = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * One line saying what a delivery fact in the log was ("第 2 批付款 8.28万元，
 * 累计 16.56万元 / 协议 27.6万元"), from the entry's public `after`; null when
 * the entry is not one of these.
 */
export function entryDetail(e: { action: string; after: string | null }, locale: Locale): string | null {
  const a = parse(e.after);
  if (!a) return null;
  const en = locale === 'en';
  const money = (v: unknown) => (num(v) !== null ? formatFen(num(v)!, locale) : '');
  switch (e.action) {
    case 'delivery.agreement_recorded':
      return en
        ? `${str(a.implementerName)} (${implementerTypeName(locale, String(a.implementerType))}), ${money(a.agreedAmountFen)}, ${str(a.plannedStart)} to ${str(a.plannedEnd)}`
        : `${str(a.implementerName)}（${implementerTypeName(locale, String(a.implementerType))}），协议金额 ${money(a.agreedAmountFen)}，工期 ${str(a.plannedStart)} 至 ${str(a.plannedEnd)}`;
    case 'delivery.agreement_amended': {
      const parts = Object.entries(a).map(([k, v]) => (k === 'agreedAmountFen' ? `${en ? 'amount' : '协议金额'} ${money(v)}` : k === 'plannedEnd' ? `${en ? 'planned end' : '计划完工'} ${str(v)}` : `${k}: ${String(v)}`));
      return parts.join(en ? '; ' : '；');
    }
    case 'delivery.progress_reported': {
      const photos = Array.isArray(a.photos) ? a.photos.length : 0;
      const head = en ? `${num(a.percent)}% done (${str(a.reportedOn)})` : `完成 ${num(a.percent)}%（${str(a.reportedOn)}）`;
      const pics = photos ? (en ? `, ${photos} photo${photos > 1 ? 's' : ''}` : `，照片 ${photos} 张`) : '';
      return `${head}${pics}${en ? ': ' : '：'}${str(a.body) ?? ''}`;
    }
    case 'delivery.payment_recorded':
      return en
        ? `Batch ${num(a.batchNo)} on ${str(a.paidOn)}: ${money(a.amountFen)} (${money(a.paidTotalFen)} paid of ${money(a.agreedAmountFen)})${str(a.note) ? ` — ${str(a.note)}` : ''}`
        : `第 ${num(a.batchNo)} 批，${str(a.paidOn)} 支付 ${money(a.amountFen)}（累计 ${money(a.paidTotalFen)} / 协议 ${money(a.agreedAmountFen)}）${str(a.note) ? `：${str(a.note)}` : ''}`;
    case 'delivery.acceptance_recorded':
    case 'project.pass_acceptance':
    case 'project.fail_acceptance': {
      const acc = (e.action === 'delivery.acceptance_recorded' ? a : (a.acceptance as Record<string, unknown> | undefined)) ?? null;
      if (!acc) return null;
      // On a pass/fail step the notes are the entry's published reason, shown right under this line.
      const notes = e.action === 'delivery.acceptance_recorded' ? str(acc.notes) : null;
      return en ? `Inspected ${str(acc.acceptedOn)} by ${str(acc.inspector)}${notes ? `: ${notes}` : ''}` : `${str(acc.acceptedOn)} 验收，验收人：${str(acc.inspector)}${notes ? `。${notes}` : ''}`;
    }
    case 'project.close_survey': {
      const s = a.satisfaction as Record<string, unknown> | undefined;
      if (!s) return null;
      const n = num(s.responses) ?? 0;
      if (n === 0) return en ? 'No responses' : '无人参与评价';
      const mean = ((num(s.scoreSum) ?? 0) / n).toFixed(1);
      return en ? `${n} responses, mean ${mean}, ${num(s.satisfied)} satisfied (4 or 5)` : `${n} 人评价，平均 ${mean} 分，满意（4–5 分）${num(s.satisfied)} 人`;
    }
    case 'project.start_implementation':
      return str(a.plannedEnd) ? (en ? `Due ${str(a.plannedEnd)}` : `计划 ${str(a.plannedEnd)} 完工`) : null;
    case 'project.record_audit':
      return num(a.findings) !== null ? (en ? `${num(a.findings)} findings` : `审计发现 ${num(a.findings)} 条`) : null;
    case 'audit.finding_recorded':
      return `${td(locale, `delivery.severity.${String(a.severity)}` as DeliveryKey)}${en ? ': ' : '：'}${str(a.body) ?? ''}`;
    case 'project.submit':
      // What was submitted: a draft is private until then (server/services/projects.ts).
      return str(a.title) ? (en ? `“${str(a.title)}”, estimated ${money(a.estimatedCostFen)}` : `${str(a.title)}，估算金额 ${money(a.estimatedCostFen)}`) : null;
    case 'proposal.draft_edited': {
      // Only which fields changed: a draft's content is its proposer's until submitted.
      if (!Array.isArray(a.changed)) return null;
      const names = (a.changed as unknown[]).map((f) => String(f)).map((f) => {
        const key = `field.${f === 'estimatedCostFen' ? 'estimatedCost' : f}`;
        return isParticipationKey(key) ? pt(locale, key) : f;
      });
      return en ? `Changed: ${names.join(', ')}` : `修改了：${names.join('、')}`;
    }
    case 'rating.added':
      return num(a.score) !== null ? (en ? `${num(a.score)} of 5` : `${num(a.score)} 分（满分 5 分）`) : null;
    case 'register.exported': {
      // How many rows and in what form; never the rows.
      const how = a.format === 'slips' ? (en ? 'slips printed' : '打印核验纸条') : en ? 'downloaded' : '下载';
      const which = a.all === false ? (en ? ' (unclaimed entries)' : '（未认领的条目）') : '';
      return en ? `${num(a.rows)} rows, ${how}${which}` : `${num(a.rows)} 行，${how}${which}`;
    }
    case 'resident.register_corrected':
    case 'account.details_corrected': {
      // Which fields, never their values.
      if (!Array.isArray(a.fields)) return null;
      const names: Record<string, [string, string]> = { name: ['姓名', 'name'], address: ['住址', 'address'], phone: ['电话', 'phone'], displayName: ['称呼', 'name to show'], mobile: ['手机号', 'mobile number'] };
      const list = (a.fields as unknown[]).map((f) => names[String(f)]?.[en ? 1 : 0] ?? String(f));
      const again = a.reverify === true ? (en ? '; residency to be verified again' : '；居民身份需重新核验') : '';
      return en ? `Corrected: ${list.join(', ')}${again}` : `更正了：${list.join('、')}${again}`;
    }
    default:
      return null;
  }
}
