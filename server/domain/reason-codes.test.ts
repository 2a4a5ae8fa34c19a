import { describe, expect, it } from 'vitest';
import { codesOf } from './reason-codes.ts';
import { NOTICE_REASONS } from './notice.ts';

describe('codesOf', () => {
  it('lists the codes of a status table in the order the table lists them', () => {
    expect(codesOf({ wrong_state: 409, reason_required: 422, not_found: 404 })).toEqual(['wrong_state', 'reason_required', 'not_found']);
  });

  it('gives a family its codes from its status table', () => {
    expect(NOTICE_REASONS).toEqual(['notice_closed', 'notice_period_over', 'already_objected', 'objection_answered', 'no_notice']);
  });
});
