/**
 * @module A family of reason codes is written once: as a table from each code
 * to the HTTP status an API answers it with. The family's type is the
 * table's keys, and its list of codes (which the catalogue test walks to
 * check that every code has its words) is read from the table, in its order.
 */

/** The codes of a status table, in the order the table lists them. */
export function codesOf<Code extends string>(statuses: Readonly<Record<Code, number>>): readonly Code[] {
  return Object.keys(statuses) as Code[];
}
