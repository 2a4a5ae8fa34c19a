/**
 * @module A person's rights over what the site holds about them (个人信息保护法
 * art. 44–47: to see, copy, correct and delete it, and to close the account),
 * as rules: which corrections send residency back through verification, who
 * may close their account now, and what a closed account still shows. Pure:
 * the services in server/services/my-data.ts, personal-details.ts and
 * account-closure.ts apply them.
 */
import type { Role } from './permissions.ts';

/**
 * Offices: roles a person holds on behalf of others, under their name. While
 * one is held (or a council term still runs or is still to come) the account
 * cannot be closed: meetings, answers and decisions need a named, reachable
 * person, and the office ends the role first.
 */
export const OFFICE_ROLES: readonly Role[] = ['council_member', 'staff', 'officer', 'auditor'];

/** The fields of a register entry its resident may correct. */
export const REGISTER_FIELDS = ['name', 'address', 'phone'] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/**
 * What residency rests on: the person the register names, living at the
 * address the slip was delivered to. A change to either is a different claim,
 * checked again the way the first one was (a new slip, delivered by staff to
 * that address); a phone number is only a way to reach them.
 */
export const RESIDENCY_FIELDS: readonly RegisterField[] = ['name', 'address'];

export function needsReverification(changed: readonly RegisterField[]): boolean {
  return changed.some((f) => RESIDENCY_FIELDS.includes(f));
}

export type CloseRefusal = 'holds_office';

/** May this person close their account now? `officeRoles`: roles of OFFICE_ROLES held now; `termsNotOver`: council terms running or still to come. */
export function whyCannotClose(p: { officeRoles: number; termsNotOver: number }): CloseRefusal | null {
  return p.officeRoles > 0 || p.termsNotOver > 0 ? 'holds_office' : null;
}

/**
 * Residents are never named in public, so their name leaves with the account.
 * Someone who once held an office acted under their name, and the record of
 * those acts (meetings, votes, answers, the audit log) keeps it: that name is
 * the public record's, not the account's.
 */
export function keepsPublicName(everHeldOffice: boolean): boolean {
  return everHeldOffice;
}

/** Which of the corrected fields differ from what is held (trimmed strings; '' and null are both "none"). */
export function changedFields<K extends string>(held: Readonly<Record<K, string | null>>, wanted: Readonly<Record<K, string | null>>): K[] {
  const norm = (v: string | null) => (v ?? '').trim();
  return (Object.keys(wanted) as K[]).filter((k) => norm(held[k]) !== norm(wanted[k]));
}
