import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATE_PROPERTY } from '../../../apps-script/src/config';
import { BUNDLE_BUDGET_BYTES, buildAddon } from '../../../scripts/sheets-build.mjs';
import { LANGUAGES } from '../../../worker/domain/constants';
import { CATALOGUES, catalogueOf } from '../../../worker/domain/i18n';
import { appsScriptContext, loadBundle } from './fakes/apps-script-globals';
import { fakeServices } from './fakes/fake-services';

let built: { names: string[]; bytes: number };

beforeAll(async () => {
  built = await buildAddon();
}, 60_000);

async function loaded(options: Parameters<typeof fakeServices>[0] = {}) {
  const fake = fakeServices(options);
  const globals = await loadBundle(appsScriptContext(fake));
  return { fake, globals };
}

describe('npm run sheets:build', () => {
  it('should bundle every entry point as a global function under the size budget', async () => {
    expect(built.names).toEqual([
      'onOpen',
      'onInstall',
      'refreshAll',
      'refreshNow',
      'showSidebar',
      'pushAgreementEdits',
      'onEdit',
      'sendMyPendingRows',
      'linkGoogleForm',
      'onFormSubmitInstalled',
      'retryFormOutbox',
      'getConnection',
      'saveConnection',
      'testConnection',
      'forgetToken',
      'keepSheetLive',
      'getLiveSheetStatus',
      'showAgreementConflict',
      'showAgreementReview',
      'getAgreementConflict',
      'reapplyMyEdits',
      'getAgreementReview',
      'proposeDraft',
      'signPendingVersion',
      'showLead',
      'getLeadView',
      'sendLeadAction',
    ]);
    expect(built.bytes).toBeLessThanOrEqual(BUNDLE_BUDGET_BYTES);
    const code = await readFile('apps-script/dist/Code.js', 'utf8');
    for (const name of built.names) expect(code).toMatch(new RegExp(`^function ${name}\\(\\)`, 'm'));
  });

  it('should ship a V8 manifest asking only for the narrow scopes', async () => {
    const manifest = JSON.parse(await readFile('apps-script/dist/appsscript.json', 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.external_request',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
    ]);
  });
});

describe('the built bundle in a bare V8 context', () => {
  it('should add the LeadPact menu on open without touching the network', async () => {
    const { fake, globals } = await loaded();
    globals.onOpen?.({});
    expect(fake.ui.menus).toEqual([
      {
        caption: 'LeadPact',
        items: [
          { caption: 'Refresh now', functionName: 'refreshNow' },
          { caption: 'Connect…', functionName: 'showSidebar' },
          'separator',
          { caption: 'Open selected lead', functionName: 'showLead' },
          { caption: 'Send my pending rows', functionName: 'sendMyPendingRows' },
          { caption: 'Push agreement edits', functionName: 'pushAgreementEdits' },
          { caption: 'Review and sign the agreement', functionName: 'showAgreementReview' },
          { caption: 'Relay Google Form responses', functionName: 'linkGoogleForm' },
        ],
      },
    ]);
    for (const item of fake.ui.menus[0]?.items ?? []) {
      if (item !== 'separator') expect(typeof globals[item.functionName]).toBe('function');
    }
    expect(fake.log.count('UrlFetchApp.fetch')).toBe(0);
  });

  it.each([
    ['the language the last refresh kept', { cached: 'pl', userLocale: 'ru' }, 'pl'],
    ['the person’s Google language before any refresh', { userLocale: 'ru_RU' }, 'ru'],
    ['the person’s Google language with a region', { userLocale: 'ro-MD' }, 'ro'],
    ['English for a language we do not have', { userLocale: 'de' }, 'en'],
    ['English where Google knows no language', { userLocale: '' }, 'en'],
    [
      'the person’s language when the document’s properties are out of reach',
      { userLocale: 'pl', locked: true },
      'pl',
    ],
  ] as const)('should caption the menu in %s', async (_case, given, language) => {
    const { fake, globals } = await loaded({ userLocale: given.userLocale });
    if ('cached' in given)
      fake.documentProperties.values.set(STATE_PROPERTY, JSON.stringify({ language: given.cached }));
    if ('locked' in given)
      fake.documentProperties.getProperty = () => {
        throw new Error('You do not have permission to call PropertiesService.getDocumentProperties');
      };
    globals.onOpen?.({});
    const texts = catalogueOf(language).sheet.menu;
    expect(fake.ui.menus[0]?.caption).toBe('LeadPact');
    expect(fake.ui.menus[0]?.items).toEqual([
      { caption: texts.refreshNow, functionName: 'refreshNow' },
      { caption: texts.showSidebar, functionName: 'showSidebar' },
      'separator',
      { caption: texts.showLead, functionName: 'showLead' },
      { caption: texts.sendMyPendingRows, functionName: 'sendMyPendingRows' },
      { caption: texts.pushAgreementEdits, functionName: 'pushAgreementEdits' },
      { caption: texts.showAgreementReview, functionName: 'showAgreementReview' },
      { caption: texts.linkGoogleForm, functionName: 'linkGoogleForm' },
    ]);
    if (language !== 'en') expect(texts.refreshNow).not.toBe(catalogueOf('en').sheet.menu.refreshNow);
    // The cached language answers without asking Google for the person's.
    expect(fake.log.count('Session.getActiveUserLocale')).toBe('cached' in given ? 0 : 1);
    expect(fake.log.count('UrlFetchApp.fetch')).toBe(0);
  });

  it.each(LANGUAGES.map((l) => [l]))(
    'should name only %s menu items where a %s text points at the menu',
    (language) => {
      const captions = Object.values(catalogueOf(language).sheet.menu);
      const pointers = [
        ...JSON.stringify(CATALOGUES[language]).matchAll(
          /LeadPact › ([^.(),;"]+?)(?= i | и | și | and |[.(),;"])/g,
        ),
      ].map((m) => m[1]);
      expect(pointers.length).toBeGreaterThan(2);
      for (const pointer of pointers) expect(captions, pointer).toContain(pointer);
    },
  );

  it('should show the connect sidebar', async () => {
    const { fake, globals } = await loaded();
    globals.showSidebar?.();
    expect(fake.ui.sidebars).toHaveLength(1);
    expect(fake.ui.sidebars[0]?.title).toBe('LeadPact');
    expect(fake.ui.sidebars[0]?.html).toContain('google.script.run');
  });

  it('should send nothing when pushing agreement edits from a sheet not connected yet, and say how to connect', async () => {
    const { fake, globals } = await loaded();
    const result = globals.pushAgreementEdits?.() as { ok: boolean; message: string };
    expect(result.ok).toBe(false);
    expect(result.message).toContain('LeadPact is not connected');
    expect(fake.ui.alerts).toEqual([result.message]);
    expect(fake.log.count('UrlFetchApp.fetch')).toBe(0);
  });

  it('should keep the URL in the document, the token with the person, and install the refresh triggers', async () => {
    const { fake, globals } = await loaded();
    const token = `lp_ws_${'0'.repeat(26)}_${'a'.repeat(43)}`;
    const view = globals.saveConnection?.({ apiUrl: 'https://leadpact.example.com/', token });
    expect(view).toEqual({ apiUrl: 'https://leadpact.example.com', hasToken: true });
    expect(fake.documentProperties.values.get('LEADPACT_API_URL')).toBe('https://leadpact.example.com');
    expect(fake.userProperties.values.get('LEADPACT_TOKEN')).toBe(token);
    expect(fake.documentProperties.values.has('LEADPACT_TOKEN')).toBe(false);
    expect(fake.triggers).toEqual([{ handler: 'refreshAll', minutes: 5 }]);
    expect(fake.openTriggers).toEqual(['refreshAll']);
    // Saving again with an empty token keeps the saved one and installs no second timer.
    expect(globals.saveConnection?.({ apiUrl: 'https://leadpact.example.com', token: '' })).toEqual(view);
    expect(fake.userProperties.values.get('LEADPACT_TOKEN')).toBe(token);
    expect(fake.triggers).toHaveLength(1);
    expect(globals.getConnection?.()).toEqual(view);
    expect(JSON.stringify(globals.getConnection?.())).not.toContain(token);
  });

  it('should fall back to an hourly timer where Google refuses every 5 minutes (an editor add-on)', async () => {
    const { fake, globals } = await loaded();
    fake.setHourlyOnly(true);
    globals.saveConnection?.({
      apiUrl: 'https://leadpact.example.com',
      token: `lp_ws_${'0'.repeat(26)}_${'b'.repeat(43)}`,
    });
    expect(fake.triggers).toEqual([{ handler: 'refreshAll', minutes: 60 }]);
  });

  it.each([
    [{ apiUrl: 'http://leadpact.example.com', token: '' }, 'apiUrl'],
    [{ apiUrl: 'javascript:alert(1)', token: '' }, 'apiUrl'],
    [{ apiUrl: 'https://leadpact.example.com', token: 'not a token' }, 'token'],
  ])('should refuse %j naming the field and save nothing', async (input, field) => {
    const { fake, globals } = await loaded();
    expect(() => globals.saveConnection?.(input)).toThrow(new RegExp(`^${field}:`));
    expect(fake.documentProperties.values.size).toBe(0);
    expect(fake.userProperties.values.size).toBe(0);
  });

  it('should not refresh before the sheet is connected, and write nothing', async () => {
    const { fake, globals } = await loaded();
    const result = globals.refreshAll?.() as { ok: boolean; message: string };
    expect(result.ok).toBe(false);
    expect(result.message).toContain('not connected');
    expect(fake.log.writes()).toBe(0);
  });
});
