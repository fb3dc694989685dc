import { describe, expect, it } from 'vitest';
import { createSlaWorkspace, deadlinesOf, submitLeadAt } from './sla-fixtures';

describe('deadlines at MQL, end to end through intake', () => {
  it('should start the clock on a Friday afternoon and carry the first touch over the weekend', async () => {
    const ws = await createSlaWorkspace();
    const { leadId, stage } = await submitLeadAt(ws, '2026-11-20T15:30:00Z');
    expect(stage).toBe('mql');
    const d = await deadlinesOf(leadId);
    expect(d.first_touch?.startedAt).toBe('2026-11-20T15:30:00.000Z');
    expect(d.first_touch?.dueAt).toBe('2026-11-23T11:30:00.000Z');
    expect(d.attempts?.dueAt).toBe('2026-11-27T15:30:00.000Z');
    expect(d.decision?.dueAt).toBe('2026-12-04T15:30:00.000Z');
    expect(d.first_touch?.status).toBe('pending');
    expect(d.first_touch?.agreementVersion).toBe(ws.version);
  });
});
