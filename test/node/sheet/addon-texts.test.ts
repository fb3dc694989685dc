import { readFile } from 'node:fs/promises';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATE_PROPERTY } from '../../../apps-script/src/config';
import { buildAddon } from '../../../scripts/sheets-build.mjs';
import { catalogueOf } from '../../../worker/domain/i18n';
import { typescriptFilesUnder } from '../source-files';
import { appsScriptContext, loadBundle } from './fakes/apps-script-globals';
import { fakeServices } from './fakes/fake-services';
import type { SyncFetcher } from './fakes/sync-fetch';

/*
 * Everything the add-on says to a person comes from the catalogue, so a Polish
 * sheet never shows an English alert. The check reads apps-script/src with the
 * TypeScript parser and finds human text written inline where a person reads it:
 *  - the argument of `alert(…)`, `toast(…)`, `prompt(…)` and `setTitle(…)`;
 *  - the text of `new ApiFailure(…)` and `new Error(…)` (the sidebars show a thrown error's message);
 *  - a `message:` property of an answer object.
 * Text is a string or template literal with a letter in its own words; an
 * empty string, or a template that only joins values, is not.
 */

/** Files whose errors are for the developer, never shown to a team, each with its reason. */
const ALLOWED: Record<string, string> = {
  'apps-script/src/host/apps-script-host.ts': 'Google’s Utilities misbehaving: a fault for the developer',
  'apps-script/src/forms/outbox.ts': 'the hidden outbox edited by hand: an invariant for the developer',
  'apps-script/src/google-services.ts': 'adapters of Google’s own services, no texts of ours',
};

const CALLS = new Set(['alert', 'toast', 'prompt', 'setTitle']);
const THROWN = new Set(['ApiFailure', 'Error']);

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Whether an expression puts words of its own in front of a person (through ?: and + too). */
function holdsText(node: ts.Expression): boolean {
  const words = (text: string) => /\p{L}/u.test(text);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return words(node.text);
  if (ts.isTemplateExpression(node))
    return words(node.head.text) || node.templateSpans.some((span) => words(span.literal.text));
  if (ts.isParenthesizedExpression(node)) return holdsText(node.expression);
  if (ts.isConditionalExpression(node)) return holdsText(node.whenTrue) || holdsText(node.whenFalse);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return holdsText(node.left) || holdsText(node.right);
  return false;
}

/** Inline texts a person would read, in one file's source. */
function inlineTextsIn(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const found: Finding[] = [];
  const report = (node: ts.Node) =>
    found.push({
      file,
      line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      text: node.getText(),
    });
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : '';
      const first = node.arguments[0];
      if (CALLS.has(name) && first && holdsText(first)) report(node);
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && THROWN.has(node.expression.text)) {
      const first = node.arguments?.[0];
      if (first && holdsText(first)) report(node);
    }
    if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'message' &&
      holdsText(node.initializer)
    )
      report(node);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('the add-on says nothing in English that a Polish team would read', () => {
  it('should find each kind of inline text, so the scan below can fail', () => {
    const probe = [
      "ui.alert('Saved.');",
      "services.ui()?.alert(ok ? words.saved : 'Not saved.');",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the probe is source text holding a template literal
      'spreadsheet.toast(`Sent ${n} rows`);',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the probe is source text holding a template literal
      'throw new ApiFailure(`HTTP ${status}`, status);',
      "throw new Error('token: must start with lp_.');",
      "return { ok: false, message: 'Another refresh is running.' };",
      "html.setTitle('Lead' + id);",
      // Not text: catalogue words, empty strings, joined values, a person's own input.
      "return { ok: true, message: '', view };",
      'ui.alert(result.message);',
      'throw new ApiFailure(fill(t.unreachable, { url }), null);',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the probe is source text holding a template literal
      'return { ok: false, message: `${message} ${refreshed.message}` };',
    ].join('\n');
    expect(inlineTextsIn('probe.ts', probe).map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('should find no alert, toast, prompt, title, thrown error or answer message written inline in apps-script/src', async () => {
    const files = (await typescriptFilesUnder('apps-script/src')).filter((file) => !(file in ALLOWED));
    expect(files.length).toBeGreaterThan(30);
    const found: Finding[] = [];
    for (const file of files) found.push(...inlineTextsIn(file, await readFile(file, 'utf8')));
    expect(found.map((f) => `${f.file}:${f.line} ${f.text}`)).toEqual([]);
  });
});

/** An answer as a proxy or the Worker gives it, whatever was asked. */
function answering(status: number, body: string, contentType = 'text/html'): SyncFetcher {
  return {
    fetch: () => ({ status, body, headers: { 'content-type': contentType } }),
  } as unknown as SyncFetcher;
}

const API_URL = 'https://leadpact.example.com';
const TOKEN = `lp_ws_${'0'.repeat(26)}_${'c'.repeat(43)}`;

/** The built bundle in a sheet whose last refresh kept Polish, connected or not. */
async function polishSheet(options: { connected: boolean; fetcher?: SyncFetcher }) {
  const fake = fakeServices(options.fetcher ? { fetcher: options.fetcher } : {});
  fake.documentProperties.values.set(STATE_PROPERTY, JSON.stringify({ language: 'pl' }));
  if (options.connected) {
    fake.documentProperties.values.set('LEADPACT_API_URL', API_URL);
    fake.userProperties.values.set('LEADPACT_TOKEN', TOKEN);
  }
  const globals = await loadBundle(appsScriptContext(fake));
  return { fake, globals };
}

describe('the built add-on in a Polish sheet', () => {
  beforeAll(async () => {
    await buildAddon();
  }, 60_000);

  it('should say in Polish, from every menu item, that LeadPact is not connected, and call nothing', async () => {
    const { fake, globals } = await polishSheet({ connected: false });
    const said = 'LeadPact nie jest połączony: otwórz LeadPact › Połącz… i zapisz adres API oraz swój token.';
    expect(catalogueOf('pl').sheet.connection.notConnected).toBe(said);
    for (const item of ['refreshNow', 'pushAgreementEdits', 'sendMyPendingRows', 'linkGoogleForm'] as const) {
      const result = globals[item]?.() as { ok: boolean; message: string };
      expect(result, item).toMatchObject({ ok: false, message: said });
    }
    expect(fake.ui.alerts).toEqual([said, said, said, said]);
    expect(globals.getAgreementReview?.()).toMatchObject({ ok: false, message: said });
    expect(globals.getLeadView?.({ leadId: 'lead_1' })).toMatchObject({ ok: false, message: said });
    expect(globals.testConnection?.()).toEqual({
      ok: false,
      message: 'Najpierw zapisz adres API i swój token.',
    });
    expect(fake.log.count('UrlFetchApp.fetch')).toBe(0);
  });

  it('should explain in Polish a Worker that cannot be reached, and keep the values with the reason in row 1', async () => {
    const { fake, globals } = await polishSheet({ connected: true });
    const result = globals.refreshNow?.() as { ok: boolean; message: string };
    expect(result.ok).toBe(false);
    expect(result.message).toBe(
      `Nie można połączyć się z LeadPact pod adresem ${API_URL}: Exception: Address unavailable: ${API_URL}/v1/sheet/snapshot`,
    );
    expect(fake.ui.alerts).toEqual([result.message]);
    expect(fake.log.count('UrlFetchApp.fetch')).toBe(1);
  });

  it.each([
    [
      401,
      '{"title":"Unauthorized","detail":"The API token is unknown or revoked."}',
      'application/problem+json',
      'LeadPact nie zna Twojego tokenu albo został on unieważniony (HTTP 401): zapisz nowy w LeadPact › Połącz….',
    ],
    [403, '', 'text/plain', 'Twój token LeadPact nie pozwala na to działanie (HTTP 403).'],
    [
      502,
      '<html><body>Bad gateway</body></html>',
      'text/html',
      'LeadPact ma problem po swojej stronie (HTTP 502): spróbuj ponownie za kilka minut.',
    ],
    [429, '', 'text/plain', 'LeadPact prosi o zwolnienie tempa (HTTP 429): spróbuj ponownie za minutę.'],
    [
      200,
      '<html>Sign in</html>',
      'text/html',
      'LeadPact odpowiedział czymś, co nie jest JSON-em (HTTP 200).',
    ],
    [
      409,
      '{"title":"Conflict","detail":"Wersja 3 jest już podpisana."}',
      'application/problem+json',
      'Wersja 3 jest już podpisana.',
    ],
  ])(
    'should say in Polish what HTTP %i means when testing the connection',
    async (status, body, type, said) => {
      const { globals } = await polishSheet({ connected: true, fetcher: answering(status, body, type) });
      expect(globals.testConnection?.()).toEqual({ ok: false, message: said });
    },
  );

  it('should refuse a bad API URL or token in Polish, still naming the field', async () => {
    const { fake, globals } = await polishSheet({ connected: false });
    expect(() => globals.saveConnection?.({ apiUrl: 'http://leadpact.example.com', token: '' })).toThrow(
      'apiUrl: podaj adres HTTPS swojego Workera LeadPact, na przykład https://leadpact.example.com',
    );
    expect(() => globals.saveConnection?.({ apiUrl: API_URL, token: 'not a token' })).toThrow(
      'token: podaj token LeadPact (zaczyna się od lp_).',
    );
    expect(fake.documentProperties.values.has('LEADPACT_API_URL')).toBe(false);
  });

  it('should say in Polish that another refresh is running, and touch nothing', async () => {
    const { fake, globals } = await polishSheet({ connected: true });
    fake.lock.busy = true;
    expect(globals.refreshNow?.()).toMatchObject({
      ok: false,
      message: 'Trwa inne odświeżanie; to odświeżanie wykona się przy następnym uruchomieniu timera.',
    });
    expect(globals.pushAgreementEdits?.()).toMatchObject({
      ok: false,
      message: 'Trwa inne odświeżanie; spróbuj ponownie za chwilę.',
    });
    expect(fake.log.count('UrlFetchApp.fetch')).toBe(0);
    expect(fake.log.writes()).toBe(0);
  });
});
