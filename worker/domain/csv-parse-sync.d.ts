// csv-parse's own declarations pull in @types/node (they accept Buffers); the domain hands it strings
// only, so the domain typecheck reads this narrower copy instead (paths in worker/domain/tsconfig.json).
export interface Options {
  bom?: boolean;
  delimiter?: string;
  relax_column_count?: boolean;
  skip_empty_lines?: boolean;
  skip_records_with_empty_values?: boolean;
}

export class CsvError extends Error {
  readonly code: string;
}

export function parse(input: string, options?: Options): unknown;
