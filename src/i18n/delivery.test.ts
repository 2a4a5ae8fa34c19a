import { describe, expect, it } from 'vitest';
import { entryDetail } from './delivery.ts';

describe('what an audit entry about a proposal says, in words', () => {
  it('a submission shows what was submitted: its title and estimated cost', () => {
    const e = { action: 'project.submit', after: '{"estimatedCostFen":3300000,"state":"submitted","title":"楼道声控灯更换"}' };
    expect(entryDetail(e, 'zh-CN')).toBe('楼道声控灯更换，估算金额 3.3万元');
    expect(entryDetail(e, 'en')).toBe('“楼道声控灯更换”, estimated ¥33,000');
  });

  it('a submission logged before titles were recorded shows nothing extra', () => {
    expect(entryDetail({ action: 'project.submit', after: '{"state":"submitted"}' }, 'zh-CN')).toBeNull();
  });

  it('a draft edit names the fields that changed, never their content', () => {
    const e = { action: 'proposal.draft_edited', after: '{"changed":["title","estimatedCostFen","address"]}' };
    expect(entryDetail(e, 'zh-CN')).toBe('修改了：项目名称、估算金额（元）、地点');
    expect(entryDetail(e, 'en')).toMatch(/^Changed: Project name, Estimated cost \(yuan\), /);
  });
});
