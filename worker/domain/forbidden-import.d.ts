// Where the domain tsconfig sends hono, drizzle and their subpaths: a module with no exports, so any
// import of them from worker/domain fails the domain typecheck (biome names the rule as well).
export type DomainImportsNoHttpOrDatabase = never;
