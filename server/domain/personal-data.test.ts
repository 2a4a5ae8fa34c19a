import { describe, expect, it } from 'vitest';
import { OFFICE_ROLES, RESIDENCY_FIELDS, changedFields, keepsPublicName, needsReverification, whyCannotClose } from './personal-data.ts';

describe('correcting a register entry', () => {
  it('rests residency on the name and the address, not the phone', () => {
    expect(RESIDENCY_FIELDS).toEqual(['name', 'address']);
    expect(needsReverification(['phone'])).toBe(false);
    expect(needsReverification([])).toBe(false);
    expect(needsReverification(['name'])).toBe(true);
    expect(needsReverification(['phone', 'address'])).toBe(true);
  });

  it('names only the fields that differ, ignoring spaces and taking empty and missing alike', () => {
    const held = { name: '张三', address: '3栋 201', phone: null };
    expect(changedFields(held, { name: ' 张三 ', address: '3栋 202', phone: '' })).toEqual(['address']);
    expect(changedFields(held, { name: '张三', address: '3栋 201', phone: '13800000000' })).toEqual(['phone']);
    expect(changedFields(held, { name: '李四', address: '3栋 201', phone: '  ' })).toEqual(['name']);
    expect(changedFields(held, held)).toEqual([]);
  });
});

describe('closing an account', () => {
  it('is refused while an office is held or a council term runs or is to come', () => {
    expect(OFFICE_ROLES).toEqual(['council_member', 'staff', 'officer', 'auditor']);
    expect(whyCannotClose({ officeRoles: 0, termsNotOver: 0 })).toBeNull();
    expect(whyCannotClose({ officeRoles: 1, termsNotOver: 0 })).toBe('holds_office');
    expect(whyCannotClose({ officeRoles: 0, termsNotOver: 1 })).toBe('holds_office');
  });

  it('keeps the name of someone who once held an office, and no one else’s', () => {
    expect(keepsPublicName(true)).toBe(true);
    expect(keepsPublicName(false)).toBe(false);
  });
});
