import { formatDate, say } from '../i18n';
import { type ReadyRow, type RowIssue, rowIssue } from './row';

/**
 * A person erased on request comes back from a list only with consent given after the erasure: the
 * row says consent yes and dates it (submittedAt, in the row or the defaults) later than the erasure.
 * A list that merely still holds the address is exactly the silent re-creation erasure forbids.
 * `erased` maps `email:<value>` / `phone:<value>` of erased people to when they were erased.
 */
export function erasedRefusal(
  row: ReadyRow,
  erased: ReadonlyMap<string, string>,
  columnOf: (field: string) => string | null,
): RowIssue | null {
  const s = row.submission;
  const byEmail = s.email ? erased.get(`email:${s.email}`) : undefined;
  const byPhone = s.phone ? erased.get(`phone:${s.phone}`) : undefined;
  const erasedAt = [byEmail, byPhone]
    .filter((v): v is string => v !== undefined)
    .sort()
    .pop();
  if (erasedAt === undefined) return null;
  if (s.consent === true && row.dated && s.submittedAt > erasedAt) return null;
  const path = byEmail !== undefined ? 'email' : 'phone';
  const date = erasedAt.slice(0, 10);
  return rowIssue(path, columnOf(path), say('rowErased', { date: (language) => formatDate(language, date) }));
}
