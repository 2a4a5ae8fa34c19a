import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { filledText, shapedText, typedInteger, typedText } from './text-fields.ts';

describe('text a person types', () => {
  it('is counted as sent, then trimmed: the document’s maxLength is the length of the text as sent', () => {
    expect(typedText(3).parse(' ab')).toBe('ab');
    expect(typedText(3).safeParse(' ab ').success).toBe(false);
    expect(typedText(3).parse('   ')).toBe('');
    expect(z.toJSONSchema(typedText(3))).toMatchObject({ type: 'string', maxLength: 3 });
  });

  it('filled text refuses blank text, and says so in its pattern', () => {
    expect(filledText(5).safeParse(' \t\u3000 ').error?.issues[0]).toMatchObject({ code: 'too_small' });
    expect(filledText(5).parse(' 字 ')).toBe('字');
    expect(z.toJSONSchema(filledText(5))).toMatchObject({ type: 'string', minLength: 1, maxLength: 5, pattern: '\\S' });
  });

  it('shaped text allows whitespace around its form, and its pattern says that too', () => {
    const mobile = shapedText('1[3-9]\\d{9}', 20, 'input.mobile_or_empty');
    expect(mobile.parse(' 13800000000 ')).toBe('13800000000');
    expect(mobile.safeParse('1380000000').error?.issues[0]?.message).toBe('input.mobile_or_empty');
    const { pattern } = z.toJSONSchema(mobile) as { pattern: string };
    expect(new RegExp(pattern).test(' 13800000000 ')).toBe(true);
    expect(new RegExp(pattern).test('13800000000x')).toBe(false);
  });

  it('a whole number sent as text is read as JSON Schema reads one, but never from empty text', () => {
    const n = typedInteger(0, 100);
    expect([n.parse('40'), n.parse(' 40'), n.parse('4e1'), n.parse(7)]).toEqual([40, 40, 40, 7]);
    for (const bad of ['', 'abc', '1.5', '101', '-1']) expect(n.safeParse(bad).success, bad).toBe(false);
  });
});
