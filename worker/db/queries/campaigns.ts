import { and, asc, eq, gte, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import {
  type Campaign,
  type CampaignListQuery,
  type CreateCampaign,
  campaignDateIssues,
  personaSegmentIssues,
  type UpdateCampaign,
} from '../../domain/campaigns';
import { ConflictError, InvalidError, NotFoundError } from '../../domain/errors';
import { thing } from '../../domain/i18n';
import { newId } from '../../platform/ids';
import type { Database } from '../client';
import { isUniqueViolation } from '../conflict';
import { campaigns } from '../schema';
import { getActiveAgreement } from './agreement';

function toCampaign({ workspaceId: _scope, ...row }: typeof campaigns.$inferSelect): Campaign {
  return row;
}

/** The persona segments of the active agreement (none before the first signature). */
async function personaSegments(db: Database, workspaceId: string): Promise<string[]> {
  const active = await getActiveAgreement(db, workspaceId);
  return active?.content.persona.segments.map((s) => s.name) ?? [];
}

function keyTaken(key: string): ConflictError {
  return new ConflictError(
    `A campaign with key "${key}" already exists; the key is what forms send as campaign.`,
  );
}

export async function createCampaign(
  db: Database,
  workspaceId: string,
  input: CreateCampaign,
  now: Date,
): Promise<Campaign> {
  const issues = personaSegmentIssues(input.personaSegment, await personaSegments(db, workspaceId));
  if (issues.length > 0) throw new InvalidError('The campaign does not match the agreement.', issues);
  const at = now.toISOString();
  const row = {
    id: newId('cmp', now.getTime()),
    workspaceId,
    key: input.key ?? input.name,
    name: input.name,
    channel: input.channel,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    contentLinks: input.contentLinks,
    personaSegment: input.personaSegment,
    description: input.description,
    createdAt: at,
    updatedAt: at,
    archivedAt: null,
  };
  try {
    await db.insert(campaigns).values(row).run();
  } catch (error) {
    if (isUniqueViolation(error)) throw keyTaken(row.key);
    throw error;
  }
  return toCampaign(row);
}

export async function listCampaigns(
  db: Database,
  workspaceId: string,
  filter: CampaignListQuery,
): Promise<Campaign[]> {
  const conditions: SQL[] = [eq(campaigns.workspaceId, workspaceId)];
  if (filter.startsFrom) conditions.push(gte(campaigns.startsOn, filter.startsFrom));
  if (filter.startsTo) conditions.push(lte(campaigns.startsOn, filter.startsTo));
  if (filter.archived === 'exclude') conditions.push(isNull(campaigns.archivedAt));
  if (filter.archived === 'only') conditions.push(isNotNull(campaigns.archivedAt));
  const rows = await db
    .select()
    .from(campaigns)
    .where(and(...conditions))
    .orderBy(asc(campaigns.startsOn), asc(campaigns.id))
    .all();
  return rows.map(toCampaign);
}

export async function getCampaign(db: Database, workspaceId: string, id: string): Promise<Campaign> {
  const row = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.workspaceId, workspaceId)))
    .get();
  if (!row) throw new NotFoundError(thing('campaign'));
  return toCampaign(row);
}

export async function updateCampaign(
  db: Database,
  workspaceId: string,
  id: string,
  patch: UpdateCampaign,
  now: Date,
): Promise<Campaign> {
  const current = await getCampaign(db, workspaceId, id);
  const { archived, ...fields } = patch;
  const next: Campaign = {
    ...current,
    ...fields,
    updatedAt: now.toISOString(),
    archivedAt:
      archived === undefined
        ? current.archivedAt
        : archived
          ? (current.archivedAt ?? now.toISOString())
          : null,
  };
  const issues = [
    ...campaignDateIssues(next),
    ...(fields.personaSegment !== undefined
      ? personaSegmentIssues(next.personaSegment, await personaSegments(db, workspaceId))
      : []),
  ];
  if (issues.length > 0) throw new InvalidError('The campaign change is invalid.', issues);
  const { id: _id, createdAt: _createdAt, ...set } = next;
  try {
    await db
      .update(campaigns)
      .set(set)
      .where(and(eq(campaigns.id, id), eq(campaigns.workspaceId, workspaceId)))
      .run();
  } catch (error) {
    if (isUniqueViolation(error)) throw keyTaken(next.key);
    throw error;
  }
  return next;
}
