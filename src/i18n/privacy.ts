/**
 * @module UI strings of 我的信息 (a person's own data: seeing, downloading,
 * correcting, closing the account) and of the privacy notice (隐私政策),
 * Chinese first. Same shape as messages.ts: `pv(locale, key, vars)` fills
 * `{name}` placeholders.
 */
import type { Locale } from './messages.ts';

import zh from '#messages/zh-CN/privacy.json' with { type: 'json' };
import en from '#messages/en/privacy.json' with { type: 'json' };
import { formatMessage } from '#messages/format.ts';

export type PrivacyKey = keyof typeof zh;

const TABLE: Record<Locale, Record<PrivacyKey, string>> = { 'zh-CN': zh, en };

export function pv(locale: Locale, key: PrivacyKey, vars: Record<string, string | number> = {}): string {
  const s: string = TABLE[locale][key] ?? zh[key] ?? key;
  return formatMessage(locale, s, vars);
}

export function pvtranslator(locale: Locale) {
  return (key: PrivacyKey, vars?: Record<string, string | number>) => pv(locale, key, vars);
}

/**
 * The privacy notice (隐私政策) itself, in plain words, section by section.
 * `{days}` is the security log's retention (SECURITY_LOG_DAYS).
 */
export type NoticeSection = { id: string; heading: string; items: string[] };

export const PRIVACY_NOTICE: Record<Locale, { title: string; lead: string; sections: NoticeSection[] }> = {
  'zh-CN': {
    title: '隐私政策',
    lead: '本站用于社区民生微实事：居民提出项目、投票，议事会评议决议，全过程公开。下面用平实的话说明我们收集哪些个人信息、为什么、谁能看到、保存多久，以及您怎样查看、下载、更正或删除它们（《个人信息保护法》第四十四至四十七条）。',
    sections: [
      {
        id: 'what',
        heading: '我们收集什么',
        items: [
          '账号：手机号或用户名（用于登录）、称呼、密码（只保存加密后的摘要，谁也读不出原密码）、语言选择。',
          '社区居民名册：社区工作人员根据社区的登记资料导入，包括登记号、姓名、住址、电话（可选）和一张一次性核验纸条上的码。您在“核验居民身份”页输入纸条上的码，认领名册上自己的那一条，账号就成为该社区的核验居民。',
          '您在本站做的事：提议（包括草稿和上传的照片、文件）、留言、满意度评价、公示期异议、投票（选票内容和回执码）、本站发给您的通知。',
          '纸质材料：您交给社区的纸质问需表和纸质选票，由工作人员录入本站。',
          '登录与安全：登录、退出、失败的登录尝试、被拒绝的操作、信息导出等事件，记录时间和网络地址（IP）；登录会话和受信任的浏览器（只保存摘要）。',
          '担任职务的人（议事会成员、社区工作人员、街道和区的工作人员、审计人员）以职务身份所做的事，连同其姓名一起记录。',
        ],
      },
      {
        id: 'why',
        heading: '为什么收集',
        items: [
          '确认“一位居民一张选票”：居民身份以社区名册为准，选票对应名册上的条目。',
          '让您能提议、留言、投票、评价和提出异议，并在您的提议有进展、您的留言得到官方回复时通知您。',
          '让整个过程公开、可以核查：每一步都记入公开的审计日志。',
          '保护网站和您的账号的安全。',
          '我们不出售个人信息，不做广告，不把个人信息交给第三方。',
        ],
      },
      {
        id: 'who',
        heading: '谁能看到',
        items: [
          '所有人：提交后的提议内容、留言内容、计票后的匿名选票、满意度评分和审计日志。其中居民一律只显示为“居民”，从不显示姓名、手机号或住址。议事会成员和工作人员以其姓名公开履职。',
          '只有本社区的工作人员：名册上的个人信息（姓名、住址、电话、核验码）。街道、区的工作人员也看不到。每次下载名册或打印核验纸条都会记入公开的审计日志：谁、何时、多少行，不含名册内容。',
          '只有您本人：您的草稿、通知、登录记录，以及投票期间在投票页上您自己当前的选票。选票内容不与您的身份一起公开；回执码只在投票时显示一次，可以用来核对选票是否计入，但看不出投了什么。',
          '区级工作人员和审计人员：安全日志（账号编号、网络地址、时间和事件，不含姓名），用于排查安全问题。',
        ],
      },
      {
        id: 'how-long',
        heading: '保存多久',
        items: [
          '账号信息：保存到您注销账号为止。',
          '安全日志：保存 {days} 天，之后自动删除（法律要求网络日志至少保存六个月）。',
          '登录会话 30 天不用即失效；受信任的浏览器一年不用即删除。',
          '公共程序的公开记录（已提交的提议、留言、已计入的选票、评价、审计日志）长期保存：这是公共资金使用过程的公开记录，任何人都可以核查。其中没有居民的姓名。',
          '社区居民名册由社区保管，由社区决定何时更新或删除其中的条目。',
        ],
      },
      {
        id: 'rights',
        heading: '您可以怎样查看、下载、更正或删除',
        items: [
          '查看：登录后打开“我的账户”→“我的信息”，那里列出本站保存的关于您的全部信息。',
          '下载和打印：在“我的信息”页可以下载全部信息（JSON 文件），也可以直接打印该页。每次查看或下载都会记入安全日志（谁、何时），不记录内容。',
          '更正：在“我的信息”页可以更正称呼、手机号，以及名册上您的姓名、住址和电话。更正姓名或住址后需要重新核验居民身份：社区工作人员核对后把新的核验纸条送到更正后的住址。',
          '删除：在“我的信息”页可以注销账号。注销后，用户名、手机号、称呼、密码、所有登录、通知和草稿都会删除；已提交的提议、留言、已计入的选票、评价和审计日志作为公开记录保持原样，其中您只显示为“居民”。名册条目属于社区，会保留，可凭新的核验纸条重新认领。正在担任职务的人需先由所在单位结束职务。',
          '有疑问，或想更正、删除名册上的信息，请联系您所在社区的工作人员。',
        ],
      },
    ],
  },
  en: {
    title: 'Privacy notice',
    lead: 'This site runs a community’s micro-projects (民生微实事): residents propose and vote, the residents’ council decides, and every step is public. Here, in plain words: what personal information we collect, why, who sees it, how long it is kept, and how you can see, download, correct or erase it (Personal Information Protection Law, articles 44–47).',
    sections: [
      {
        id: 'what',
        heading: 'What we collect',
        items: [
          'Your account: a mobile number or username (to sign in), a name to show, your password (only a one-way hash is stored: nobody can read it back) and your language.',
          'The community’s resident register: the community’s staff import it from the community’s own records — register number, name, address, phone (optional) and a one-time code printed on a slip. Entering your slip’s code on “Verify residency” claims your entry and makes your account a verified resident of that community.',
          'What you do here: proposals (drafts and uploaded photos and files included), comments, satisfaction ratings, objections during public notice, your ballot (what it said and its receipt code), and the notifications the site sends you.',
          'Paper: paper proposal forms and paper ballots you hand in, typed in by staff.',
          'Sign-ins and security: sign-ins, sign-outs, failed attempts, refused actions and exports of data, with the time and network address (IP); sessions and trusted browsers (only hashes are stored).',
          'People in an office (council members, community staff, street and district officers, auditors): what they do in that office, with their name.',
        ],
      },
      {
        id: 'why',
        heading: 'Why',
        items: [
          'To make sure each resident has one ballot: residency rests on the community’s register, and a ballot belongs to a register entry.',
          'So you can propose, comment, vote, rate and object, and hear when your proposal moves on or your comment gets an official reply.',
          'To keep the whole process public and checkable: every step goes into the public audit log.',
          'To keep the site and your account safe.',
          'We do not sell personal information, show advertising, or hand personal information to anyone else.',
        ],
      },
      {
        id: 'who',
        heading: 'Who sees it',
        items: [
          'Everyone: the text of submitted proposals, comments, the anonymised ballots once counted, satisfaction scores and the audit log. Residents always appear there only as “居民” (resident), never by name, phone or address. Council members and staff act in public under their names.',
          'Only the community’s own staff: the register’s personal fields (names, addresses, phones, slip codes) — not street or district officers. Every download of the register and every printing of slips is recorded in the public audit log: who, when, how many rows, never the rows.',
          'Only you: your drafts, notifications, sign-in history, and, while a vote is open, your own current ballot on the vote page. What a ballot said is never published with who cast it; the receipt code is shown once, when you vote, and proves that the ballot was counted without showing what it said.',
          'District officers and auditors: the security log (account numbers, network addresses, times and events; no names), to look into security problems.',
        ],
      },
      {
        id: 'how-long',
        heading: 'How long it is kept',
        items: [
          'Your account: until you close it.',
          'The security log: {days} days, then it is deleted (the law asks network logs to be kept for at least six months).',
          'A session ends after 30 days unused; a trusted browser is forgotten after a year unused.',
          'The public record of the public process (submitted proposals, comments, counted ballots, ratings, the audit log) is kept: it is the public record of how public money was spent, which anyone may check. It holds no resident’s name.',
          'The resident register is the community’s: the community decides when to update or remove its entries.',
        ],
      },
      {
        id: 'rights',
        heading: 'How to see, download, correct or erase it',
        items: [
          'See: sign in and open “My account” → “My data”: everything the site holds about you is listed there.',
          'Download and print: on “My data”, download all of it (a JSON file) or print the page. Each view or download is recorded in the security log (who and when), never what.',
          'Correct: on “My data”, correct your name and mobile number, and your name, address and phone on the register. A new name or address needs residency verified again: the community’s staff check it and bring a new slip to the corrected address.',
          'Erase: on “My data”, close your account. Your username, mobile number, name, password, sign-ins, notifications and drafts are erased; submitted proposals, comments, counted ballots, ratings and the audit log stay as the public record, in which you appear only as “居民” (resident). Your register entry belongs to the community and stays; a new slip claims it again. Someone holding an office has the office end the role first.',
          'Questions, or a correction or removal on the register: ask your community’s staff.',
        ],
      },
    ],
  },
};
