import type { Language } from '../../worker/domain/constants';
import { isLanguage } from '../../worker/domain/i18n/locales';
import type { SnapshotPartName } from '../../worker/domain/sheet/snapshot';
import { STATE_PROPERTY } from './config';
import type { Services } from './services';

/**
 * What the last refresh wrote, kept in a document property (Apps Script allows
 * 9 KB a value, so this stays small): which API and workspace, the version of
 * each part, the leads cursor, whether the last attempt failed, and the reason
 * labels the Leads dropdown offers.
 */
export interface SheetState {
  apiUrl: string;
  workspaceId: string;
  versions: Partial<Record<SnapshotPartName, string>>;
  cursor: string | null;
  failed: boolean;
  reasons: string[];
  language: string | null;
  lastRefreshAt: string | null;
}

export const EMPTY_STATE: SheetState = {
  apiUrl: '',
  workspaceId: '',
  versions: {},
  cursor: null,
  failed: false,
  reasons: [],
  language: null,
  lastRefreshAt: null,
};

export function readState(services: Services): SheetState {
  const raw = services.documentProperties.getProperty(STATE_PROPERTY);
  if (!raw) return { ...EMPTY_STATE };
  try {
    return { ...EMPTY_STATE, ...(JSON.parse(raw) as Partial<SheetState>) };
  } catch {
    return { ...EMPTY_STATE };
  }
}

/** The workspace's language as a refresh kept it; English before the first refresh. */
export function stateLanguage(state: Pick<SheetState, 'language'>): Language {
  return state.language !== null && isLanguage(state.language) ? state.language : 'en';
}

/** The team's language, as the last refresh saw it (the sidebars open before any call). */
export function teamLanguage(services: Services): Language {
  return stateLanguage(readState(services));
}

export function saveState(services: Services, state: SheetState): void {
  services.documentProperties.setProperty(STATE_PROPERTY, JSON.stringify(state));
}
