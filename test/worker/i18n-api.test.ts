import { describe, expect, it } from 'vitest';
import { createSigningWorkspace, edit, propose, putDraft, readDraft, sign } from './agreement-fixtures';
import { call, createTestWorkspace, expectProblem } from './harness';
import { act, createMql, signStarterAgreement } from './lead-fixtures';

const asked = (language: string) => ({ 'accept-language': language });

describe('a Polish workspace reads its errors in Polish', () => {
  it('should answer validation failures with Polish title, detail and field messages, paths unchanged', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const res = await call('POST', '/v1/members', {
      token: ws.tokens.admin,
      json: { email: 'not-an-address', side: 'finance' },
    });
    const problem = await expectProblem(res, 422);
    expect(res.headers.get('content-language')).toBe('pl');
    expect(problem.title).toBe('Nieprawidłowe dane');
    expect(problem.detail).toBe('Żądanie nie jest zgodne ze schematem.');
    expect(problem.type).toMatch(/#problem-validation_failed$/);
    const errors = new Map(
      (problem.errors as { path: string; message: string }[]).map((e) => [e.path, e.message]),
    );
    expect(errors.get('name')).toBe('Pole jest wymagane.');
    expect(errors.get('email')).toBe('Musi być adresem e-mail.');
    expect(errors.get('side')).toBe('Musi być jedną z wartości: marketing, sales, management.');
  });

  it('should say who may not do what, and what was not found, in Polish', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const forbidden = await expectProblem(
      await call('POST', '/v1/members', {
        token: ws.tokens.intake,
        json: { name: 'Anna', email: 'anna@acme.pl', side: 'sales' },
      }),
      403,
    );
    expect(forbidden.title).toBe('Brak uprawnień');
    expect(forbidden.detail).toMatch(
      /^Token z rolą intake nie może tego zrobić \(wymagane uprawnienie: [a-z:]+\)\.$/,
    );

    const missing = await expectProblem(
      await call('GET', '/v1/leads/lead_00000000000000000000000000', { token: ws.tokens.viewer }),
      404,
    );
    expect(missing.title).toBe('Nie znaleziono');
    expect(missing.detail).toBe('Nie znaleziono w tym obszarze roboczym: lead.');

    const unknown = await expectProblem(await call('GET', '/v1/leads', { token: 'lp_ws_nope_nope' }), 401);
    // No workspace is known for a token that resolves to none: English unless the request asks.
    expect(unknown.detail).toBe('The API token is unknown or revoked.');
  });

  it('should tell a Polish team the agreement is not enforced yet, in Polish', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const res = await call('GET', '/v1/agreement', { token: ws.tokens.viewer });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { enforced: boolean; notice: string };
    expect(body.enforced).toBe(false);
    expect(body.notice).toBe(
      'Żadna wersja nie jest jeszcze podpisana: leady są zapisywane i oceniane, ale dopóki obie strony nie podpiszą umowy, nie rusza żaden termin SLA i żaden lead nie staje się MQL.',
    );
  });
});

describe('the attempt rule’s 409 in four languages', () => {
  it.each([
    [
      'pl',
      'Umowa wymaga co najmniej 3 prób kontaktu przez 2 kanały, zanim lead zostanie odrzucony (chyba że to spam, lead spoza naszego zakresu albo udało się już nawiązać kontakt): najpierw zarejestruj jeszcze 3 próby i użyj jeszcze 2 kanałów.',
    ],
    [
      'ro',
      'Acordul cere cel puțin 3 încercări pe 2 canale înainte ca un lead să fie abandonat (cu excepția spamului, a lead-urilor din afara ariei noastre sau dacă persoana a fost deja contactată): mai întâi înregistrați încă 3 încercări și folosiți încă 2 canale.',
    ],
    [
      'ru',
      'Соглашение требует не менее 3 попыток связаться по 2 каналам, прежде чем от лида можно отказаться (кроме спама, лидов вне нашей сферы и случаев, когда с человеком уже удалось связаться): сначала зарегистрируйте ещё 3 попытки и задействуйте ещё 2 канала.',
    ],
    [
      'en',
      'The agreement asks for at least 3 attempts over 2 channels before a lead is given up (unless it is spam or out of scope, or the person was reached): log 3 more attempts and 2 more channels first.',
    ],
  ])('should refuse an early rejection in %s with the same codes and numbers', async (language, detail) => {
    const ws = await signStarterAgreement(
      await createTestWorkspace({ language: language === 'en' ? 'en' : 'pl' }),
    );
    const { leadId } = await createMql(ws);
    const res = await call('POST', `/v1/leads/${leadId}/actions`, {
      token: ws.signers.sales.token,
      json: { type: 'reject', reasons: ['unreachable'] },
      headers: language === 'en' ? {} : asked(`${language}-${language.toUpperCase()},en;q=0.5`),
    });
    const problem = await expectProblem(res, 409);
    expect(problem.detail).toBe(detail);
    expect(problem.missing).toEqual({ attempts: 3, channels: 2 });

    // One attempt later: one more of each, in the singular forms.
    await act(ws.signers.sales.token, leadId, { type: 'attempt', channel: 'phone', outcome: 'no_answer' });
    await act(ws.signers.sales.token, leadId, { type: 'attempt', channel: 'phone', outcome: 'no_answer' });
    const again = await expectProblem(
      await call('POST', `/v1/leads/${leadId}/actions`, {
        token: ws.signers.sales.token,
        json: { type: 'reject', reasons: ['unreachable'] },
        headers: language === 'en' ? {} : asked(language),
      }),
      409,
    );
    expect(again.missing).toEqual({ attempts: 1, channels: 1 });
    expect(String(again.detail).slice(String(again.detail).lastIndexOf(':') + 2)).toBe(
      {
        pl: 'najpierw zarejestruj jeszcze 1 próbę i użyj jeszcze 1 kanału.',
        ro: 'mai întâi înregistrați încă 1 încercare și folosiți încă 1 canal.',
        ru: 'сначала зарегистрируйте ещё 1 попытку и задействуйте ещё 1 канал.',
        en: 'log 1 more attempt and 1 more channel first.',
      }[language],
    );
  });
});

describe('Accept-Language overrides the workspace language per request', () => {
  it('should answer a Polish workspace in English or Russian when asked, and in Polish otherwise', async () => {
    const ws = await createTestWorkspace({ language: 'pl' });
    const ask = async (headers: Record<string, string>) =>
      expectProblem(await call('POST', '/v1/members', { token: ws.tokens.admin, json: {}, headers }), 422);
    const english = await ask(asked('en-GB,en;q=0.9'));
    const russian = await ask(asked('ru'));
    const polish = await ask(asked('de-DE'));
    expect([english.title, russian.title, polish.title]).toEqual([
      'Validation failed',
      'Ошибка проверки данных',
      'Nieprawidłowe dane',
    ]);
    expect(russian.detail).toBe('Запрос не соответствует схеме.');
    const pathsOf = (p: Record<string, unknown>) => (p.errors as { path: string }[]).map((e) => e.path);
    expect(pathsOf(russian)).toEqual(pathsOf(english));
    expect(pathsOf(polish)).toEqual(pathsOf(english));
    expect((russian.errors as { message: string }[])[0]?.message).toBe('Обязательное поле.');
  });
});

describe('signing refusals and diffs for a Polish team', () => {
  it('should refuse a signature in Polish with the same reason codes', async () => {
    const ws = await createSigningWorkspace({ language: 'pl' });
    await propose(ws.tokens.marketing);
    const unbound = await expectProblem(await sign(ws.tokens.marketing, 1), 409);
    expect(unbound.reason).toBe('token_not_bound_to_member');
    expect(unbound.detail).toBe(
      'Ten token z rolą marketing nie jest przypisany do członka zespołu, więc nie ma kto podpisać. Utwórz token z memberId osoby, która podpisuje za stronę: marketing.',
    );
    const signed = await sign(ws.signers.sales.token, 1);
    expect(signed.status).toBe(201);
    const twice = await expectProblem(await sign(ws.signers.sales.token, 1), 409);
    expect(twice.reason).toBe('already_signed');
    expect(twice.detail).toBe('Wersja 1 jest już podpisana za stronę: sprzedaż.');
  });

  it('should write the draft diff in Polish, in JSON and Markdown', async () => {
    const ws = await createSigningWorkspace({ language: 'pl' });
    await propose(ws.tokens.marketing);
    const draft = await readDraft(ws.tokens.marketing);
    const changed = edit(draft.content, (a) => {
      a.sla.firstTouchHours.perfect = 2;
    });
    expect((await putDraft(ws.tokens.marketing, changed, draft.etag)).status).toBe(200);
    const res = await call('GET', '/v1/agreement/draft/diff', { token: ws.tokens.viewer });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      sections: { section: string; changes: { text: string }[] }[];
      markdown: string;
    };
    expect(body.sections).toEqual([
      { section: 'sla', changes: [expect.objectContaining({ text: 'sla.firstTouchHours.perfect: 1 → 2.' })] },
    ]);
    expect(body.markdown).toBe(
      '# Szkic w porównaniu z wersją 1\n\n## SLA przekazania leadów (sla)\n\n- sla.firstTouchHours.perfect: 1 → 2.\n',
    );
  });
});
