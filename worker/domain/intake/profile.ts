import { PROFILE_FIELDS } from '../ledger/constants';
import type { Profile } from '../ledger/lead';
import type { CanonicalSubmission } from './types';

/** The lead profile a submission states. */
export function profileOfSubmission(s: CanonicalSubmission): Profile {
  return {
    email: s.email,
    phone: s.phone,
    firstName: s.firstName,
    lastName: s.lastName,
    company: s.company,
    companyDomain: s.companyDomain,
    website: s.website,
    title: s.title,
    industry: s.industry,
    employees: s.employees,
    country: s.country,
  };
}

/** Fields the delivery brings that differ from what the lead holds: new values win, absent ones change nothing. */
export function profileChanges(current: Profile, incoming: Profile) {
  const changes: Record<string, { from: string | number | null; to: string | number | null }> = {};
  for (const field of PROFILE_FIELDS) {
    const to = incoming[field];
    if (to !== null && to !== current[field]) changes[field] = { from: current[field], to };
  }
  return changes;
}
