/**
 * @module UI strings of the two checks on /audit/verify that run in the
 * browser: recounting a finished vote from its published `.pb`, and finding
 * one's receipt among the counted ones. Chinese first; same shape as
 * voting.ts (`tr(locale, key, vars)` fills `{name}` placeholders). Used by
 * the pages and by the islands, so nothing here imports server code.
 */
import type { Locale } from './messages.ts';

const zh = {
  'recount.title': '重新计票',
  'recount.lead': '选一次已经结束并计票的居民投票。浏览器会下载它公布的匿名选票（pabulib .pb 文件），用本站自己的计票程序在您的设备上重新计票，再逐个项目与公布的结果比较。',
  'recount.none': '目前还没有结束并计票的居民投票。',
  'recount.cycle': '哪一次投票',
  'recount.run': '重新计票',
  'recount.running': '正在下载选票并计票……',
  'recount.noScript': '重新计票在浏览器里运行，需要启用 JavaScript。也可以在“开放数据”页面下载 .pb 文件，用 npm run tally 自己计票。',
  'recount.download': '下载这次投票的 .pb 文件',
  'recount.summary': '{cycle}：{ballots} 张选票，预算 {budget}，规则：{rule}。',
  'recount.allMatch': '一致：重新计票资助的项目与公布的结果完全相同，{n} 个项目逐一相符（资助 {funded} 个）。',
  'recount.differ': '不一致：有 {n} 个项目重新计票的结果与公布的不同：{list}。',
  'recount.table': '逐个项目比较',
  'recount.project': '项目',
  'recount.published': '公布：资助？',
  'recount.recounted': '重新计票：资助？',
  'recount.match': '相符？',
  'recount.yes': '是',
  'recount.no': '否',
  'recount.votes': '{n} 票',
  'recount.points': '{n} 分',
  'recount.failed': '无法重新计票：{reason}',
  'recount.fetchFailed': '下载选票失败（HTTP {status}）。',
  'recount.network': '下载选票失败，请检查网络后重试。',
  'recount.unreadable': '文件无法读取（{detail}）。',
  'recount.unknownRule': '文件里的计票规则“{rule}”不是本站的规则。',
  'recount.noBigInt': '这个浏览器太旧，不支持计票所需的精确整数运算（BigInt），请换用较新的浏览器。',
  'recount.how': '计票程序与服务器计票时用的是同一份代码（server/domain/tally），金额按元精确计算，不用浮点数。',
  'rule.greedy': '按票数排序（贪心法）',
  'rule.mes-add1': '均等份额法（MES，Add1 补全）',

  'receiptCheck.title': '回执是否计入',
  'receiptCheck.lead': '投票结束后，本站随选票一起公布每张计入选票的回执码指纹（回执码的 SHA-256），排好序，不与任何选票的内容对应。在这里输入您的回执码，浏览器会算出它的指纹，在公布的名单里查找。回执码不会发送到服务器。',
  'receiptCheck.only': '这个核验只证明您的选票被计入，不证明它投了什么。这是有意的：名单只含指纹，与选票内容没有任何联系，回执不应让任何人能向别人证明自己是怎么投票的。',
  'receiptCheck.cycle': '哪一次投票',
  'receiptCheck.code': '回执码',
  'receiptCheck.codeHint': '10 位字母和数字，例如 ABCDE-FGH23；大小写均可，可以不输入连字符',
  'receiptCheck.check': '查找',
  'receiptCheck.checking': '正在下载名单并查找……',
  'receiptCheck.bad': '回执码应为 10 位字母和数字（不含 0、1、I、L、O）。',
  'receiptCheck.found': '找到了：回执码 {code} 的指纹在“{cycle}”计入的 {n} 张选票的回执指纹中。这张选票已计入。',
  'receiptCheck.notFound': '没有找到：回执码 {code} 的指纹不在“{cycle}”计入的 {n} 张选票的回执指纹中。请逐个字符核对回执码，并确认选的是您投票的那一次。如果回执码无误，这张选票没有计入（例如它已被同一位居民后来投的选票替换）。',
  'receiptCheck.fingerprint': '您输入的回执码的指纹：',
  'receiptCheck.listOk': '下载的名单共 {n} 条，SHA-256 为 {hash}，与计票时写入审计日志第 {seq} 条的记录相同。',
  'receiptCheck.listBad': '注意：下载的名单（{n} 条，SHA-256 {hash}）与计票时写入审计日志第 {seq} 条的记录（{m} 条，SHA-256 {want}）不同。',
  'receiptCheck.listUnlogged': '这次投票计票时，审计日志还没有记录回执名单的 SHA-256，名单无法与日志核对。',
  'receiptCheck.listUnreadable': '下载的名单格式不对，无法核对。',
  'receiptCheck.fetchFailed': '下载名单失败（HTTP {status}）。',
  'receiptCheck.network': '下载名单失败，请检查网络后重试。',
  'receiptCheck.noCrypto': '这个浏览器在本页不能计算 SHA-256（需要通过 https 打开本站），无法核对；可以在“回执核验”页面由服务器核对。',
  'receiptCheck.noScript': '这个核验在浏览器里运行，需要启用 JavaScript；也可以在“回执核验”页面由服务器核对。',
  'receiptCheck.imported': '从线下投票导入的选票没有回执码，不在名单中。',
  'receiptCheck.download': '下载这次投票计入的回执指纹',
} as const;

export type RecountKey = keyof typeof zh;

const en: Record<RecountKey, string> = {
  'recount.title': 'Recount a vote',
  'recount.lead': 'Pick a resident vote that has closed and been counted. Your browser downloads its published anonymised ballots (a pabulib .pb file), recounts them on your device with the site’s own counting code, and compares the result with the published one, project by project.',
  'recount.none': 'No resident vote has closed and been counted yet.',
  'recount.cycle': 'Which vote',
  'recount.run': 'Recount',
  'recount.running': 'Downloading the ballots and counting…',
  'recount.noScript': 'The recount runs in your browser and needs JavaScript. You can also download the .pb file from the open data page and count it yourself with npm run tally.',
  'recount.download': 'Download this vote’s .pb file',
  'recount.summary': '{cycle}: {ballots} ballots, budget {budget}, rule: {rule}.',
  'recount.allMatch': 'They match: the recount funds exactly the published projects; all {n} projects agree ({funded} funded).',
  'recount.differ': 'They differ: for {n} projects the recount does not agree with the published result: {list}.',
  'recount.table': 'Project by project',
  'recount.project': 'Project',
  'recount.published': 'Funded as published',
  'recount.recounted': 'Funded in the recount',
  'recount.match': 'Same?',
  'recount.yes': 'yes',
  'recount.no': 'no',
  'recount.votes': '{n} votes',
  'recount.points': '{n} points',
  'recount.failed': 'The recount could not run: {reason}',
  'recount.fetchFailed': 'downloading the ballots failed (HTTP {status}).',
  'recount.network': 'downloading the ballots failed; check the connection and try again.',
  'recount.unreadable': 'the file cannot be read ({detail}).',
  'recount.unknownRule': 'the file’s rule “{rule}” is not one of this site’s rules.',
  'recount.noBigInt': 'this browser is too old for the exact integer arithmetic (BigInt) the count needs; please use a newer one.',
  'recount.how': 'The counting code is the very code the server counted with (server/domain/tally); money is exact, in yuan, never floating point.',
  'rule.greedy': 'Greedy by votes',
  'rule.mes-add1': 'Method of Equal Shares (Add1 completion)',

  'receiptCheck.title': 'Was my ballot counted?',
  'receiptCheck.lead': 'When a vote closes the site publishes, with its ballots, the fingerprint of every counted ballot’s receipt code (the SHA-256 of the code), sorted and tied to no ballot’s content. Type your receipt code here: your browser computes its fingerprint and looks for it in the published list. The code is not sent to the server.',
  'receiptCheck.only': 'This proves that your ballot was counted, not what it said. That is on purpose: the list holds only fingerprints, tied to no ballot’s content, and a receipt must never let anyone prove to someone else how they voted.',
  'receiptCheck.cycle': 'Which vote',
  'receiptCheck.code': 'Receipt code',
  'receiptCheck.codeHint': '10 letters and digits, e.g. ABCDE-FGH23; any case, the hyphen is optional',
  'receiptCheck.check': 'Look it up',
  'receiptCheck.checking': 'Downloading the list and looking…',
  'receiptCheck.bad': 'A receipt code has 10 letters and digits (no 0, 1, I, L or O).',
  'receiptCheck.found': 'Found: the fingerprint of receipt {code} is among the {n} counted receipts of “{cycle}”. This ballot was counted.',
  'receiptCheck.notFound': 'Not found: the fingerprint of receipt {code} is not among the {n} counted receipts of “{cycle}”. Check the code character by character, and that you picked the vote you voted in. If the code is right, this ballot was not counted (for example, a later ballot of the same resident replaced it).',
  'receiptCheck.fingerprint': 'Fingerprint of the code you typed: ',
  'receiptCheck.listOk': 'The downloaded list has {n} lines and SHA-256 {hash}, the same as the audit log recorded when the vote was counted (entry {seq}).',
  'receiptCheck.listBad': 'Warning: the downloaded list ({n} lines, SHA-256 {hash}) differs from what the audit log recorded when the vote was counted (entry {seq}: {m} lines, SHA-256 {want}).',
  'receiptCheck.listUnlogged': 'This vote was counted before the audit log recorded the SHA-256 of the receipt list, so the list cannot be checked against the log.',
  'receiptCheck.listUnreadable': 'The downloaded list is not in the published form and cannot be checked.',
  'receiptCheck.fetchFailed': 'Downloading the list failed (HTTP {status}).',
  'receiptCheck.network': 'Downloading the list failed; check the connection and try again.',
  'receiptCheck.noCrypto': 'This browser cannot compute SHA-256 on this page (the site must be opened over https), so it cannot check; the receipt check page can check the code on the server.',
  'receiptCheck.noScript': 'This check runs in your browser and needs JavaScript; the receipt check page can also check a code on the server.',
  'receiptCheck.imported': 'Ballots imported from a vote held offline have no receipt code and are not in the list.',
  'receiptCheck.download': 'Download this vote’s counted receipt fingerprints',
};

const TABLE: Record<Locale, Record<RecountKey, string>> = { 'zh-CN': zh, en };

export function tr(locale: Locale, key: RecountKey, vars: Record<string, string | number> = {}): string {
  const s: string = TABLE[locale][key] ?? zh[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
}
