import { newId as newIdFrom } from '../domain/ids';
import { webHost } from './web-host';

/** A new prefixed ULID (`worker/domain/ids.ts`) at `now`, with the Worker's random bytes. */
export function newId(prefix: string, now: number): string {
  return newIdFrom(prefix, now, webHost.randomBytes(10));
}
