import { REFRESH_MINUTES } from './config';
import type { Services } from './services';

/**
 * Keeps the tabs fresh: a refresh when the sheet opens and on a timer. A
 * script bound to the sheet may run every 5 minutes; Google refuses that for
 * an editor add-on (at most hourly), so the hourly timer is the fallback there
 * and the Worker's live push fills the gap. Installable triggers need the
 * person's authorization, so this runs from the sidebar, never from onOpen.
 */
export function installRefreshTriggers(services: Services): number {
  services.ensureOpenTrigger('refreshAll');
  try {
    services.ensureTimeTrigger('refreshAll', REFRESH_MINUTES.bound);
    return REFRESH_MINUTES.bound;
  } catch {
    services.ensureTimeTrigger('refreshAll', REFRESH_MINUTES.addon);
    return REFRESH_MINUTES.addon;
  }
}
