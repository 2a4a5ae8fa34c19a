import { describe, expect, it } from 'vitest';
import { checkProposal as check, isOverCap, linkify, oneLine, cleanText, readNumber, type ExistingProject, type ProposalInput } from './proposal-checks.ts';
import { DEFAULT_RULEBOOK_SETTINGS as RB, type Bilingual } from './rulebook.ts';
import { capRuleText, proposalIssueText, warningText } from '#messages/proposal-words.ts';
import { say } from '#messages/say.ts';

/** The check with its words in both languages, as the pages and the API say them (messages/proposal-words.ts). */
const both = (f: (words: ReturnType<typeof say.participation.table>, locale: 'zh-CN' | 'en') => string): Bilingual => ({ zh: f(say.participation.table('zh-CN'), 'zh-CN'), en: f(say.participation.table('en'), 'en') });
const capRuleOf = (category: { name: Bilingual; capFen: number }) => both((w, l) => capRuleText(category, w, l));
function checkProposal(...args: Parameters<typeof check>) {
  const r = check(...args);
  return {
    ...r,
    fields: Object.fromEntries(Object.entries(r.fields).map(([k, issue]) => [k, both((w, l) => proposalIssueText(issue!, w, l))])) as Partial<Record<string, Bilingual>>,
    capRule: r.capCategory ? capRuleOf(r.capCategory) : null,
    warnings: r.warnings.map((x) => ({ ...x, message: both((w, l) => warningText(x, w, l)) })),
  };
}

const good: ProposalInput = {
  title: '小区健身路径更新',
  category: 'goods',
  theme: 'culture_sports',
  description: '更换小区中心花园里老化的健身器材，共八件。',
  address: '莲花社区中心花园',
  estimatedCost: '8万',
  beneficiaries: '小区居民',
  beneficiaryCount: '600',
};

const existing: ExistingProject[] = [
  { id: 'p1', code: 'SGJD-SXSQ-2026-02', title: '社区公共信息公告栏', address: '笋西社区各小区出入口' },
  { id: 'p2', code: 'LTJD-LHSQ-2026-01', title: '中秋邻里节', address: '莲花社区文化广场' },
];

describe('checkProposal', () => {
  it('a complete, sound proposal yields clean values with the cost in fen', () => {
    const r = checkProposal(RB, good, existing, { complete: true });
    expect(r.fields).toEqual({});
    expect(r.value).toEqual({
      title: '小区健身路径更新',
      category: 'goods',
      theme: 'culture_sports',
      description: '更换小区中心花园里老化的健身器材，共八件。',
      address: '莲花社区中心花园',
      lat: null,
      lng: null,
      estimatedCostFen: 8_000_000,
      beneficiaries: '小区居民',
      beneficiaryCount: 600,
    });
    expect(r.capRule).toEqual({ zh: '货物类项目上限 50万元', en: 'Goods projects: at most ¥500,000' });
  });

  it('over the category cap is a field error that names the rule and the cap', () => {
    const r = checkProposal(RB, { ...good, category: 'engineering', estimatedCost: '150万' }, existing, { complete: true });
    expect(r.fields.estimatedCost).toEqual({
      zh: '估算金额 150万元 超过上限：工程类项目上限 100万元',
      en: '¥1,500,000 is over the cap. Engineering projects: at most ¥1,000,000',
    });
    expect(r.capFen).toBe(100 * 1_000_000);
    expect(r.value).toBeNull();
  });

  it('exactly the cap is allowed (上限 is inclusive)', () => {
    const r = checkProposal(RB, { ...good, category: 'engineering', estimatedCost: '1,000,000' }, existing, { complete: true });
    expect(r.fields).toEqual({});
    expect(r.value?.estimatedCostFen).toBe(100_000_000);
  });

  it('while typing, empty fields are not errors but a bad amount already is', () => {
    const r = checkProposal(RB, { title: '', estimatedCost: '三万' }, existing);
    expect(Object.keys(r.fields)).toEqual(['estimatedCost']);
    expect(r.fields.estimatedCost?.zh).toBe('请输入金额（元），例如 35000 或 3.5万');
  });

  it('a complete check requires every required field, with a message for each', () => {
    const r = checkProposal(RB, {}, existing, { complete: true });
    expect(Object.keys(r.fields).sort()).toEqual(['address', 'category', 'description', 'estimatedCost', 'theme', 'title']);
    expect(r.fields.category).toEqual({ zh: '请选择类别', en: 'Choose a category' });
    expect(r.value).toBeNull();
  });

  it('refuses a category or theme the rulebook does not have', () => {
    const r = checkProposal(RB, { ...good, category: 'weapons', theme: 'space' }, existing, { complete: true });
    expect(r.fields.category?.zh).toBe('本轮规则中没有这个类别');
    expect(r.fields.theme?.zh).toBe('本轮规则中没有这个主题');
  });

  it('refuses a zero, negative or over-precise cost', () => {
    expect(checkProposal(RB, { estimatedCost: '0' }, []).fields.estimatedCost?.zh).toBe('估算金额须大于 0');
    expect(checkProposal(RB, { estimatedCost: '-5' }, []).fields.estimatedCost?.zh).toBe('金额不能为负数');
    expect(checkProposal(RB, { estimatedCost: '1.234' }, []).fields.estimatedCost?.zh).toBe('金额最多精确到分（两位小数）');
    expect(checkProposal(RB, { estimatedCost: '１２３４５' }, []).costFen).toBe(1_234_500);
  });

  it('a negative-list term is a warning naming the rule, not a blocking error', () => {
    const r = checkProposal(RB, { ...good, description: '小区大门由物业负责，但一直没修。' }, existing, { complete: true });
    expect(r.fields).toEqual({});
    expect(r.value).not.toBeNull();
    expect(r.warnings).toEqual([
      {
        term: '物业',
        rule: RB.negativeList[0]!.rule,
        message: {
          zh: '可能属于负面清单（“物业”）：属于物业服务企业职责范围内的事项，不纳入民生微实事',
          en: 'This may fall under the negative list (“物业”): Work that is the duty of the property-management company is not funded',
        },
      },
    ]);
  });

  it('flags a likely duplicate in the community with its code', () => {
    const r = checkProposal(RB, { title: '社区公共信息公告栏更新', address: '笋西社区各小区出入口' }, existing);
    expect(r.duplicates).toEqual([
      { id: 'p1', code: 'SGJD-SXSQ-2026-02', title: '社区公共信息公告栏', sameAddress: true, score: expect.any(Number) },
    ]);
    expect(checkProposal(RB, { title: '楼道声控灯更换', address: '5栋' }, existing).duplicates).toEqual([]);
  });

  it('a map point needs both numbers, in range', () => {
    expect(checkProposal(RB, { lat: '22.55' }, []).fields).toEqual({ lng: { zh: '经度和纬度须同时填写，或都不填', en: 'Give both latitude and longitude, or neither' } });
    expect(checkProposal(RB, { lat: '95', lng: '114.1' }, []).fields.lat?.zh).toBe('纬度应在 -90 到 90 之间');
    expect(checkProposal(RB, { lat: 'north', lng: '114.1' }, []).fields.lat?.zh).toBe('请输入数字');
    const r = checkProposal(RB, { ...good, lat: '22.5512', lng: 114.1306 }, [], { complete: true });
    expect([r.value?.lat, r.value?.lng]).toEqual([22.5512, 114.1306]);
  });

  it('the number of beneficiaries is a whole number', () => {
    expect(checkProposal(RB, { beneficiaryCount: '12.5' }, []).fields.beneficiaryCount?.zh).toBe('请输入整数人数');
    expect(checkProposal(RB, { beneficiaryCount: '-1' }, []).fields.beneficiaryCount?.zh).toBe('人数应在 0 到 1000 万之间');
  });

  it('counts length in characters and reports too-long text even while typing', () => {
    const r = checkProposal(RB, { title: '长'.repeat(61) }, []);
    expect(r.fields.title?.zh).toBe('最多 60 个字（现在 61 个）');
    expect(checkProposal(RB, { title: '长'.repeat(60) }, []).fields.title).toBeUndefined();
    expect(checkProposal(RB, { ...good, title: '修路' }, [], { complete: true }).fields.title?.zh).toBe('至少 4 个字');
  });

  it('capRuleOf reads like the rule people know', () => {
    expect(capRuleOf(RB.categories[0]!)).toEqual({ zh: '工程类项目上限 100万元', en: 'Engineering projects: at most ¥1,000,000' });
  });
});

describe('cleaning text', () => {
  it('one-line fields collapse whitespace, including the ideographic space and newlines', () => {
    expect(oneLine('  公告栏\u3000更新\n二期 ')).toBe('公告栏 更新 二期');
  });
  it('multi-line fields keep newlines but drop control characters', () => {
    expect(cleanText('第一行\r\n第二行\u0000\u0007')).toBe('第一行\n第二行');
  });
});

describe('linkify', () => {
  it('leaves text without links as one text segment', () => {
    expect(linkify('没有链接 <b>粗体</b>')).toEqual([{ kind: 'text', text: '没有链接 <b>粗体</b>' }]);
  });

  it('links an http(s) URL and stops at Chinese text or closing punctuation', () => {
    expect(linkify('详见https://example.com/a?b=1今天。另见 http://x.cn/p.')).toEqual([
      { kind: 'text', text: '详见' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '今天。另见 ' },
      { kind: 'link', text: 'http://x.cn/p', href: 'http://x.cn/p' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps balanced brackets and drops an unbalanced closing one', () => {
    expect(linkify('(see https://en.wikipedia.org/wiki/Foo_(bar))')).toEqual([
      { kind: 'text', text: '(see ' },
      { kind: 'link', text: 'https://en.wikipedia.org/wiki/Foo_(bar)', href: 'https://en.wikipedia.org/wiki/Foo_(bar)' },
      { kind: 'text', text: ')' },
    ]);
  });

  it('never links other schemes or look-alikes', () => {
    const text = 'javascript:alert(1) data:text/html,x ftp://a.b xhttp://evil.com http:// https://';
    expect(linkify(text)).toEqual([{ kind: 'text', text }]);
  });

  it('a double quote ends a URL, so an href never carries one', () => {
    const [link] = linkify('https://a.cn/"onmouseover="x').filter((s) => s.kind === 'link');
    expect(link).toEqual({ kind: 'link', text: 'https://a.cn/', href: 'https://a.cn/' });
    const [quoted] = linkify("https://a.cn/it's").filter((s) => s.kind === 'link');
    expect(quoted).toMatchObject({ href: "https://a.cn/it's" });
  });
});

describe('checkProposal, field by field (codes)', () => {
  const fieldsOf = (input: ProposalInput, complete = false) => check(RB, input, [], { complete }).fields;

  it('takes a cost of spaces as no cost: nothing while typing, required when complete', () => {
    expect(fieldsOf({ estimatedCost: '   ' })).toEqual({});
    expect(fieldsOf({ ...good, estimatedCost: '   ' }, true)).toEqual({ estimatedCost: { code: 'cost_required' } });
  });

  it('calls an empty required field required, not too short', () => {
    expect(fieldsOf({ ...good, title: '' }, true)).toEqual({ title: { code: 'required' } });
  });

  it('takes a title of exactly the shortest length, and flags a short one only when complete', () => {
    expect(fieldsOf({ ...good, title: '健身路径' }, true)).toEqual({});
    expect(fieldsOf({ title: '修路' })).toEqual({});
  });

  it('takes latitudes from -90 to 90 and longitudes from -180 to 180', () => {
    expect(fieldsOf({ lat: -90, lng: -180 })).toEqual({});
    expect(fieldsOf({ lat: 90, lng: 180 })).toEqual({});
    expect(fieldsOf({ lat: -90.5, lng: 0 })).toEqual({ lat: { code: 'lat_range' } });
    expect(fieldsOf({ lat: 0, lng: -180.5 })).toEqual({ lng: { code: 'lng_range' } });
    expect(fieldsOf({ lat: 0, lng: 180.5 })).toEqual({ lng: { code: 'lng_range' } });
  });

  it('names a longitude that is not a number, and a longitude without a latitude', () => {
    expect(fieldsOf({ lat: 22.5, lng: 'east' })).toEqual({ lng: { code: 'not_a_number' } });
    expect(fieldsOf({ lng: 114.1 })).toEqual({ lat: { code: 'point_both' } });
  });

  it('takes from none to ten million beneficiaries', () => {
    expect(fieldsOf({ beneficiaryCount: 0 })).toEqual({});
    expect(fieldsOf({ beneficiaryCount: 10_000_000 })).toEqual({});
    expect(fieldsOf({ beneficiaryCount: 10_000_001 })).toEqual({ beneficiaryCount: { code: 'count_range' } });
  });
});

describe('duplicate hints', () => {
  const lamp = (id: string): ExistingProject => ({ id, code: `C-${id}`, title: '路灯', address: '桃源村' });

  it('looks for duplicates from a two-character title, not from one character', () => {
    expect(check(RB, { title: '路灯' }, [lamp('p1')]).duplicates.map((d) => d.id)).toEqual(['p1']);
    expect(check(RB, { title: '灯' }, [{ ...lamp('p1'), title: '灯' }]).duplicates).toEqual([]);
  });

  it('shows at most five', () => {
    const six = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map(lamp);
    expect(check(RB, { title: '路灯' }, six).duplicates.map((d) => d.id)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
  });
});

describe('isOverCap', () => {
  it('blocks on the cost only when both it and the cap are known and the cost is over', () => {
    expect(isOverCap({ capFen: 100, costFen: 101 })).toBe(true);
    expect(isOverCap({ capFen: 100, costFen: 100 })).toBe(false);
    expect(isOverCap({ capFen: null, costFen: 101 })).toBe(false);
    expect(isOverCap({ capFen: 100, costFen: null })).toBe(false);
  });
});

describe('reading text and numbers', () => {
  it('turns a lone carriage return into a newline, and collapses a run of spaces to one', () => {
    expect(cleanText('a\rb')).toBe('a\nb');
    expect(oneLine('a  \u3000 b')).toBe('a b');
  });

  it('reads numbers as people type them, full width and around spaces', () => {
    expect(readNumber(' 12 ')).toBe(12);
    expect(readNumber('１２.５')).toBe(12.5);
    expect(readNumber('.25')).toBe(0.25);
    expect(readNumber('+3.')).toBe(3);
    expect(readNumber('  ')).toBeNull();
    expect(readNumber(null)).toBeNull();
    expect(readNumber(7)).toBe(7);
  });

  it('calls anything else not a number', () => {
    for (const v of ['x12', '12x', '.', '1e3', '.x']) expect(readNumber(v), v).toBe('bad');
    expect(readNumber(Number.POSITIVE_INFINITY)).toBe('bad');
    expect(readNumber(Number.NaN)).toBe('bad');
  });
});

describe('linkify at its edges', () => {
  it('starts and ends with the link when the text is only a link', () => {
    expect(linkify('https://example.com/a')).toEqual([{ kind: 'link', text: 'https://example.com/a', href: 'https://example.com/a' }]);
  });

  it('drops punctuation and an unbalanced bracket in any order', () => {
    expect(linkify('https://example.com/a.) next')).toEqual([
      { kind: 'link', text: 'https://example.com/a', href: 'https://example.com/a' },
      { kind: 'text', text: '.) next' },
    ]);
  });

  it('leaves an address the URL parser refuses as text', () => {
    expect(linkify('see http://[ here')).toEqual([{ kind: 'text', text: 'see http://[ here' }]);
  });
});
