import type { Context } from 'hono';
import type { Language } from '../domain/constants';
import { languageOfAcceptLanguage } from '../domain/i18n';
import type { AppEnv } from './context';

/**
 * The language a request is answered in: the one `Accept-Language` asks for
 * when it names en, pl, ro or ru, else the workspace's, else English. Codes,
 * field paths and JSON keys never change with it; only human text does.
 */
export function requestLanguage(c: Context<AppEnv>): Language {
  return languageOfAcceptLanguage(c.req.header('accept-language')) ?? c.get('workspaceLanguage') ?? 'en';
}
