import { describe, expect, it } from 'vitest';
import type { Agreement, AgreementDraft, AgreementVersion } from '../../worker/domain/agreement';
import { type AgreementWarning, agreementWarnings } from '../../worker/domain/agreement';
import { warningText } from '../../worker/domain/sheet/agreement-tab';
import { createSigningWorkspace, edit, propose, putDraft, readDraft, sign } from './agreement-fixtures';
import { call } from './harness';

/** The day-one mistake: two ICP gates and 15 weighted points, a best role of 20, and a fit threshold of 40. */
function unreachableFit(a: Agreement) {
  a.icp.criteria = a.icp.criteria
    .filter((c) => ['company_size', 'target_industry', 'home_market', 'phone_given'].includes(c.id))
    .map((c) =>
      c.id === 'company_size' || c.id === 'target_industry'
        ? { ...c, kind: 'required' as const, points: undefined }
        : c,
    );
  a.scoring.fit.roles = a.scoring.fit.roles.filter((r) => r.id === 'executive');
  a.scoring.thresholds.fit = 40;
}

const FIT_WARNING = {
  code: 'threshold_unreachable',
  path: 'scoring.thresholds.fit',
  threshold: 40,
  reachable: 35,
  message: expect.stringContaining('35'),
};

describe('an agreement that can never be met', () => {
  it('should warn on the draft, the proposal and the version, naming the threshold and the highest reachable fit', async () => {
    const ws = await createSigningWorkspace();
    const draft = await readDraft(ws.tokens.marketing);
    expect(draft.warnings).toEqual([]);
    const content = edit(draft.content, unreachableFit);
    expect(content.icp.criteria.filter((c) => c.kind === 'weighted').map((c) => c.points)).toEqual([10, 5]);
    const put = await putDraft(ws.tokens.marketing, content, draft.etag);
    expect(put.status, await put.clone().text()).toBe(200);
    expect(((await put.json()) as AgreementDraft).warnings).toEqual([FIT_WARNING]);
    const version = await propose(ws.tokens.marketing);
    expect(version.warnings).toEqual([FIT_WARNING]);
    const read = await call('GET', `/v1/agreement/versions/${version.number}`, { token: ws.tokens.viewer });
    expect(((await read.json()) as AgreementVersion).warnings).toEqual([FIT_WARNING]);
  });

  it('should show the warning on the share page of the signed version, in the agreement’s language', async () => {
    const ws = await createSigningWorkspace({ language: 'pl' });
    const draft = await readDraft(ws.tokens.marketing);
    await putDraft(ws.tokens.marketing, edit(draft.content, unreachableFit), draft.etag);
    const version = await propose(ws.tokens.marketing);
    for (const side of ['marketing', 'sales'] as const) {
      expect((await sign(ws.signers[side].token, version.number)).status).toBe(201);
    }
    const { url } = (await (
      await call('POST', '/v1/agreement/share', { token: ws.tokens.manager })
    ).json()) as {
      url: string;
    };
    const page = await (await call('GET', new URL(url).pathname)).text();
    expect(page).toContain('data-warnings="1"');
    expect(page).toContain('Ta umowa ma progi, których żaden lead nie osiągnie');
    expect(page).toMatch(/40[^<]*najwyższy wynik[^<]*35/);
    // Every count on the page takes the form Polish gives its number.
    for (const line of [
      'Wysokie dopasowanie od 40 punktów',
      'Gorący: zakup przed upływem 6 miesięcy',
      'Punkty zaangażowania maleją o połowę co 30 dni.',
      '1 godzina robocza',
      '4 godziny robocze',
      '24 godziny robocze',
      'Co najmniej 3 próby kontaktu w co najmniej 2 kanałach w ciągu 5 dni roboczych, zanim lead zostanie uznany za nieosiągalny.',
      'Decyzja (SQL, dogrzewanie lub dyskwalifikacja) w ciągu 10 dni roboczych.',
    ])
      expect(page).toContain(line);
  });

  it('should say each warning in the workspace’s language, or the one Accept-Language asks for, with code and path unchanged', async () => {
    const ws = await createSigningWorkspace({ language: 'pl' });
    const draft = await readDraft(ws.tokens.marketing);
    const content = edit(draft.content, (a) => {
      unreachableFit(a);
      a.mql.quadrants = ['low', 'engaged'];
      a.mql.minFit = 1000;
    });
    const put = await putDraft(ws.tokens.marketing, content, draft.etag);
    expect(put.status, await put.clone().text()).toBe(200);
    const polish = ((await put.json()) as AgreementDraft).warnings;
    expect(polish.map((w) => [w.code, w.path, w.threshold, w.reachable])).toEqual([
      ['quadrants_unreachable', 'mql.quadrants', 40, 35],
      ['threshold_unreachable', 'scoring.thresholds.fit', 40, 35],
      ['threshold_unreachable', 'mql.minFit', 1000, 35],
    ]);
    expect(polish.map((w) => w.message)).toEqual([
      'mql.quadrants dopuszcza tylko low, engaged, ale żaden lead spełniający minima MQL nie może się tam znaleźć przy tych progach: żaden lead nigdy nie zostanie MQL.',
      'scoring.thresholds.fit wynosi 40, ale najwyższy wynik dopasowania, jaki lead może uzyskać według tej umowy, to 35: żaden lead nigdy go nie osiągnie.',
      'mql.minFit wynosi 1000, ale najwyższy wynik dopasowania, jaki lead może uzyskać według tej umowy, to 35: żaden lead nigdy go nie osiągnie.',
    ]);
    const version = await propose(ws.tokens.marketing);
    expect(version.warnings.map((w) => w.message)).toEqual(polish.map((w) => w.message));
    const said = async (language: string) =>
      (
        (await (
          await call('GET', `/v1/agreement/versions/${version.number}`, {
            token: ws.tokens.viewer,
            headers: { 'accept-language': language },
          })
        ).json()) as AgreementVersion
      ).warnings.map((w) => w.message)[2];
    expect(await said('ru')).toBe(
      'mql.minFit равен 1\u00a0000, но наибольший балл соответствия, который лид может получить по этому соглашению, — 35: ни один лид его никогда не достигнет.',
    );
    expect(await said('ro')).toBe(
      'mql.minFit este 1.000, dar cel mai mare scor de potrivire pe care îl poate obține un lead conform acestui acord este 35: niciun lead nu îl poate atinge vreodată.',
    );
    expect(await said('en')).toBe(
      'mql.minFit is 1,000, but the highest fit a lead can score under this agreement is 35: no lead can ever reach it.',
    );
    const overview = (await (await call('GET', '/v1/agreement', { token: ws.tokens.viewer })).json()) as {
      pending: AgreementVersion;
      draft: AgreementDraft;
    };
    expect(overview.pending.warnings[1]?.message).toBe(polish[1]?.message);
    expect(overview.draft.warnings[1]?.message).toBe(polish[1]?.message);
  });

  it('should check every threshold: engagement with no touch worth points, and the MQL minimums', async () => {
    {
      const workspace = await createSigningWorkspace();
      const draft = await readDraft(workspace.tokens.marketing);
      const content = edit(draft.content, (a) => {
        unreachableFit(a);
        for (const key of Object.keys(a.scoring.engagement.points)) {
          (a.scoring.engagement.points as Record<string, number>)[key] = 0;
        }
        a.scoring.engagement.pages = [];
        a.scoring.thresholds.engagement = 30;
        a.mql.minFit = 36;
        a.mql.minEngagement = 1;
      });
      expect(agreementWarnings(content).map((w) => [w.path, w.threshold, w.reachable])).toEqual([
        ['scoring.thresholds.fit', 40, 35],
        ['scoring.thresholds.engagement', 30, 0],
        ['mql.minFit', 36, 35],
        ['mql.minEngagement', 1, 0],
      ]);
      const reachable = edit(content, (a) => {
        a.mql.minFit = 35;
        a.scoring.thresholds.fit = 35;
        a.scoring.engagement.points.pricing_view = 1;
      });
      expect(agreementWarnings(reachable)).toEqual([]);
    }
  });

  it('should warn when the MQL rule allows only quadrants no lead meeting its minimums can be in', async () => {
    const ws = await createSigningWorkspace({ language: 'pl' });
    const draft = await readDraft(ws.tokens.marketing);
    // Only low-fit leads may become MQLs, yet an MQL needs at least the fit that makes fit high.
    const content = edit(draft.content, (a) => {
      a.scoring.thresholds.fit = 20;
      a.mql.minFit = 20;
      a.mql.quadrants = ['low', 'engaged'];
    });
    const [warning, ...rest] = agreementWarnings(content);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({
      code: 'quadrants_unreachable',
      path: 'mql.quadrants',
      threshold: 20,
      quadrants: ['low', 'engaged'],
    });
    expect(warningText(warning as AgreementWarning, 'pl')).toContain('Żaden lead nigdy nie zostanie MQL');
    // The Agreement tab writes the numbers as the team does.
    expect(
      warningText(
        { code: 'threshold_unreachable', path: 'mql.minFit', threshold: 1500, reachable: 35, message: '' },
        'ru',
      ),
    ).toContain('— 35, а порог — 1\u00a0500.');
    const put = await putDraft(ws.tokens.marketing, content, draft.etag);
    expect(put.status, await put.clone().text()).toBe(200);
    expect(((await put.json()) as AgreementDraft).warnings.map((w) => w.code)).toEqual([
      'quadrants_unreachable',
    ]);

    // One allowed quadrant within reach is enough: high fit with any engagement.
    const highFitAllowed = edit(content, (a) => {
      a.mql.quadrants = ['low', 'fit'];
    });
    expect(agreementWarnings(highFitAllowed)).toEqual([]);
    // A quadrant needing high fit is out of reach when the fit threshold is: both are said.
    const perfectOnly = edit(content, (a) => {
      unreachableFit(a);
      a.mql.minFit = null;
      a.mql.quadrants = ['perfect'];
    });
    expect(agreementWarnings(perfectOnly).map((w) => w.code)).toEqual([
      'quadrants_unreachable',
      'threshold_unreachable',
    ]);
    // With no touch worth points, engagement stays 0: "engaged" needs a threshold above 0 to be out of reach.
    const noEngagement = edit(content, (a) => {
      for (const key of Object.keys(a.scoring.engagement.points)) {
        (a.scoring.engagement.points as Record<string, number>)[key] = 0;
      }
      a.scoring.engagement.pages = [];
      a.scoring.thresholds.engagement = 0;
      a.mql.minFit = null;
      a.mql.quadrants = ['fit'];
    });
    expect(agreementWarnings(noEngagement).map((w) => w.code)).toEqual(['quadrants_unreachable']);
  });
});
