import { createDecipheriv, randomInt } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { additionalDataOf, parseSealed } from '../../worker/domain/privacy/sealed';
import { slot } from '../../worker/domain/privacy/slots';

/**
 * Marker people for the raw-bytes test, and the scanner that looks for them in files.
 *
 * Every marker's searchable core is lowercase ASCII letters and digits, so JSON escaping,
 * URL encoding and HTML escaping leave it byte-identical: the plain search covers those forms.
 * The scanner also looks for it in UTF-16 (either byte order), in base64 and base64url at each of
 * the three alignments a marker can have inside a longer encoded text, and in hex.
 */
export interface Person {
  tag: string;
  email: string;
  phone: string;
  firstName: string;
  lastName: string;
  company: string;
  title: string;
  message: string;
  consentText: string;
  note: string;
  feedback: string;
  url: string;
  externalId: string;
  /** Every searchable core this person's data holds. */
  markers(): string[];
  /** The cores a given path stores (and the export shows) for this person. */
  storedBy(via: string): string[];
}

/** A person, the lead they became and the path that made it. */
export interface Marked {
  person: Person;
  leadId: string;
  via: string;
}

/** A person whose every field carries `tag`; `seed` varies the phone number. */
export function personOf(tag: string, seed: number): Person {
  const core = (field: string) => `${field}${tag}`;
  // A Polish mobile number (60x), unique per run: its nine national digits are the marker.
  const national = `60${seed % 10}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
  const cores = {
    email: core('em'),
    domain: core('ex'),
    phone: national,
    firstName: core('fn'),
    lastName: core('ln'),
    company: core('co'),
    title: core('ti'),
    message: core('ms'),
    consentText: core('ct'),
    note: core('nt'),
    feedback: core('fb'),
    url: core('ur'),
    externalId: core('xi'),
  };
  const form = [
    cores.email,
    cores.domain,
    cores.phone,
    cores.firstName,
    cores.lastName,
    cores.company,
    cores.message,
    cores.consentText,
  ];
  const stored: Record<string, string[]> = {
    typeform: form,
    tally: form,
    webflow: form,
    generic: [...form, cores.title],
    'google-forms': [...form, cores.title],
    touch: [cores.email, cores.domain, cores.url],
    import: [
      cores.email,
      cores.domain,
      cores.phone,
      cores.firstName,
      cores.lastName,
      cores.company,
      cores.title,
      cores.consentText,
    ],
    worked: [...form, cores.title, cores.note, cores.feedback, cores.url],
  };
  return {
    tag,
    email: `${cores.email}@${cores.domain}.pl`,
    phone: `+48 ${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`,
    firstName: cores.firstName,
    // Non-ASCII around the core: a path that escapes it (\u0144) still leaves the core readable.
    lastName: `${cores.lastName}ńska`,
    company: `${cores.company} Sp. z o.o.`,
    title: `${cores.title} director`,
    message: `${cores.message} — please call me about the offer`,
    consentText: `I agree to be contacted about my enquiry (${cores.consentText}).`,
    note: `${cores.note} called, interested in the pilot`,
    feedback: `${cores.feedback} the CFO`,
    url: `https://example.com/pricing?ref=${cores.url}`,
    externalId: cores.externalId,
    markers: () => Object.values(cores),
    storedBy: (via) => stored[via] ?? [],
  };
}

/** Substrings that appear in base64 of any text containing `value`, whatever its offset mod 3. */
function base64Forms(value: string): string[] {
  const forms: string[] = [];
  for (const pad of [0, 1, 2]) {
    const bytes = Buffer.concat([Buffer.alloc(pad, 0x20), Buffer.from(value, 'utf8')]);
    const encoded = bytes.toString('base64');
    // The first group mixes the padding in; the last incomplete group depends on what follows.
    const start = pad === 0 ? 0 : 4;
    const end = Math.floor(bytes.length / 3) * 4;
    if (end - start >= 8) {
      const form = encoded.slice(start, end);
      forms.push(form, form.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return forms;
}

function capitalised(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** Where each encoding of a marker is looked for: case-insensitively, or exactly (base64). */
function formsOf(marker: string): { encoding: string; text: string; exact: boolean }[] {
  const lower = marker.toLowerCase();
  const latin1 = (b: Buffer) => b.toString('latin1');
  const exact = [...new Set([lower, capitalised(lower), lower.toUpperCase()])];
  return [
    { encoding: 'utf-8', text: lower, exact: false },
    { encoding: 'utf-16le', text: latin1(Buffer.from(lower, 'utf16le')), exact: false },
    { encoding: 'utf-16be', text: latin1(Buffer.from(lower, 'utf16le').swap16()), exact: false },
    { encoding: 'hex', text: Buffer.from(lower, 'utf8').toString('hex'), exact: false },
    { encoding: 'hex', text: Buffer.from(capitalised(lower), 'utf8').toString('hex'), exact: false },
    ...exact.flatMap((v) => base64Forms(v).map((text) => ({ encoding: 'base64', text, exact: true }))),
  ];
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export interface Scan {
  /** Every file read (one that vanished between listing and reading is not). */
  files: string[];
  /** `<file>: <marker> (<encoding>)` for each marker found. */
  found: string[];
  /** Bytes read in all. */
  bytes: number;
}

/** Reads every file under `dir` as bytes and reports each marker found in any of its encodings. */
export async function scanDirectory(dir: string, markers: readonly string[]): Promise<Scan> {
  const files = await filesUnder(dir);
  const read: string[] = [];
  const found: string[] = [];
  let bytes = 0;
  const forms = markers.map((marker) => ({ marker, forms: formsOf(marker) }));
  for (const file of files) {
    // workerd closes an idle database, and SQLite then removes its -wal and -shm: gone is not a hit.
    const content = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (!content) continue;
    read.push(file);
    bytes += content.length;
    const raw = content.toString('latin1');
    const folded = raw.toLowerCase();
    for (const { marker, forms: list } of forms) {
      const hits = new Set(
        list.filter((f) => (f.exact ? raw : folded).includes(f.text)).map((f) => f.encoding),
      );
      for (const encoding of hits) found.push(`${file.slice(dir.length)}: ${marker} (${encoding})`);
    }
  }
  return { files: read, found, bytes };
}

/**
 * The D1 database's rows, read from a copy of its files with node:sqlite — independently of
 * the Worker's cipher: keys are unwrapped and values opened with node:crypto. The format
 * `lps1.<key id>.<iv>.<ciphertext+tag>` and the additional data `leadpact:<workspace>:<slot>`
 * are the domain's own (`parseSealed`, `additionalDataOf`, `slot` in `worker/domain/privacy`).
 */
export interface SealedValue {
  table: string;
  column: string;
  keyId: string;
  sealed: string;
  /** Every text value of its row: where the additional data's ids come from. */
  row: Record<string, unknown>;
}

export interface DatabaseCopy {
  tables: Map<string, Record<string, unknown>[]>;
  close(): void;
}

/** Copies the `.sqlite` file (and its WAL, if any) of `persistDir` elsewhere and opens the copy. */
export async function openDatabaseCopy(persistDir: string): Promise<DatabaseCopy> {
  const { copyFile, mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { existsSync } = await import('node:fs');
  const { DatabaseSync } = await import('node:sqlite');
  const files = await filesUnder(persistDir);
  const main = files.find((f) => f.endsWith('.sqlite') && f.includes('D1DatabaseObject'));
  if (!main) throw new Error(`no D1 database under ${persistDir}`);
  const dir = await mkdtemp(join(tmpdir(), 'leadpact-d1-copy-'));
  const copy = join(dir, 'db.sqlite');
  await copyFile(main, copy);
  if (existsSync(`${main}-wal`)) await copyFile(`${main}-wal`, `${copy}-wal`).catch(() => undefined);
  const db = new DatabaseSync(copy);
  const tables = new Map<string, Record<string, unknown>[]>();
  const names = db
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%'",
    )
    .all() as { name: string }[];
  for (const { name } of names)
    tables.set(name, db.prepare(`select * from "${name}"`).all() as Record<string, unknown>[]);
  return { tables, close: () => db.close() };
}

/** Every sealed value of every column of every table (JSON columns included: a sealed string inside is found). */
export function sealedValues(copy: DatabaseCopy): SealedValue[] {
  const found: SealedValue[] = [];
  const visit = (table: string, column: string, row: Record<string, unknown>, value: unknown) => {
    if (typeof value === 'string') {
      const parts = parseSealed(value);
      if (parts) found.push({ table, column, keyId: parts.keyId, sealed: value, row });
      else if (value.startsWith('{') || value.startsWith('[')) {
        try {
          visit(table, column, row, JSON.parse(value));
        } catch {
          // not JSON
        }
      }
    } else if (Array.isArray(value)) for (const v of value) visit(table, column, row, v);
    else if (value && typeof value === 'object')
      for (const v of Object.values(value)) visit(table, column, row, v);
  };
  for (const [table, rows] of copy.tables)
    for (const row of rows)
      for (const [column, value] of Object.entries(row)) visit(table, column, row, value);
  return found;
}

/** AES-256-GCM open of a sealed value with one key and one additional data; null when it does not open. */
export function openSealed(sealed: string, key: Buffer, additionalData: string): Buffer | null {
  const parts = parseSealed(sealed);
  if (!parts) return null;
  const { iv, data } = parts;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(additionalData, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
  } catch {
    return null;
  }
}

/** The keys left in a database: workspace data keys opened with the master keys, person keys with those. */
export interface KeyRing {
  /** Workspace id → its data keys (raw). */
  dataKeys: Map<string, Buffer[]>;
  /** Person key id → raw key, with its workspace. */
  personKeys: Map<string, { workspaceId: string; leadId: string | null; key: Buffer }>;
}

/** The additional data of `slotName` in workspace `ws`, as the domain binds it. */
const additionalData = (ws: string, slotName: string) =>
  Buffer.from(additionalDataOf(ws, slotName)).toString('utf8');

/** Opens every workspace key the master keys open, then every person key those open. */
export function keyRingOf(copy: DatabaseCopy, masterKeys: readonly Buffer[]): KeyRing {
  const dataKeys = new Map<string, Buffer[]>();
  for (const row of copy.tables.get('workspace_keys') ?? []) {
    const ws = String(row.workspace_id);
    const keys: Buffer[] = [];
    for (const [column, value] of Object.entries(row)) {
      if (typeof value !== 'string' || !column.includes('data')) continue;
      for (const master of masterKeys) {
        const raw = openSealed(value, master, additionalData(ws, slot.workspaceKey('data')));
        if (raw) keys.push(raw);
      }
    }
    dataKeys.set(ws, keys);
  }
  const personKeys: KeyRing['personKeys'] = new Map();
  for (const row of copy.tables.get('person_keys') ?? []) {
    const ws = String(row.workspace_id);
    const id = String(row.id);
    for (const dataKey of dataKeys.get(ws) ?? []) {
      const raw = openSealed(String(row.wrapped), dataKey, additionalData(ws, slot.personKey(id)));
      if (raw)
        personKeys.set(id, { workspaceId: ws, leadId: (row.lead_id as string | null) ?? null, key: raw });
    }
  }
  return { dataKeys, personKeys };
}

/** The slots bound to a row's id (`worker/domain/privacy/slots.ts`), for guessing a value's additional data. */
const ROW_SLOTS = [
  slot.lead,
  slot.event,
  slot.consent,
  slot.delivery,
  slot.message,
  slot.idempotency,
  slot.personKey,
];

/** Every additional data a value in this row could have been sealed with. */
export function additionalDataCandidates(value: SealedValue): string[] {
  const ws = String(value.row.workspace_id ?? '');
  const ids = Object.values(value.row).filter(
    (v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 300 && parseSealed(v) === null,
  );
  return [
    slot.workspaceKey('data'),
    slot.workspaceKey('index'),
    ...ROW_SLOTS.flatMap((slotOf) => ids.map(slotOf)),
  ].map((slotName) => additionalData(ws, slotName));
}

/** The additional data that opens `value` with `key`, or null. */
export function additionalDataOpening(value: SealedValue, key: Buffer): string | null {
  return additionalDataCandidates(value).find((ad) => openSealed(value.sealed, key, ad) !== null) ?? null;
}

/** Every raw key left in the ring: person keys and workspace data keys. */
export function everyKey(ring: KeyRing): Buffer[] {
  return [...[...ring.dataKeys.values()].flat(), ...[...ring.personKeys.values()].map((k) => k.key)];
}
