import { and, asc, eq, gte, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import type { Campaign, CampaignListQuery } from '../../domain/campaigns';
import { missing } from '../../domain/errors';
import type { Database } from '../client';
import { isUniqueViolation } from '../conflict';
import { campaigns } from '../schema';

function toCampaign({ workspaceId: _scope, ...row }: typeof campaigns.$inferSelect): Campaign {
  return row;
}

/** Stores a new campaign; `false` when its key is taken (the unique index decides, races included). */
export async function insertCampaign(
  db: Database,
  workspaceId: string,
  campaign: Campaign,
): Promise<boolean> {
  try {
    await db
      .insert(campaigns)
      .values({ ...campaign, workspaceId })
      .run();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
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
  if (!row) throw missing('campaign');
  return toCampaign(row);
}

/** Writes a campaign's fields; `false` when its new key is another campaign's. */
export async function saveCampaign(db: Database, workspaceId: string, campaign: Campaign): Promise<boolean> {
  const { id, createdAt: _createdAt, ...set } = campaign;
  try {
    await db
      .update(campaigns)
      .set(set)
      .where(and(eq(campaigns.id, id), eq(campaigns.workspaceId, workspaceId)))
      .run();
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
