/** A prepared statement's SQL and the values bound to it. */
export interface StatementText {
  sql: string;
  params: unknown[];
}

export type RunMethod = 'all' | 'run' | 'first' | 'raw';

export interface D1Hooks {
  /** A statement run alone: what to call instead of `method`, or undefined for the real one. */
  run?(
    target: D1PreparedStatement,
    method: RunMethod,
    text: StatementText,
  ): ((...args: never[]) => Promise<unknown>) | undefined;
  /**
   * A batch, given the real statements (the proxies unwrapped: D1 takes only its own) and their texts
   * (undefined for a statement prepared on another binding).
   */
  batch(
    db: D1Database,
    statements: D1PreparedStatement[],
    texts: (StatementText | undefined)[],
  ): Promise<D1Result[]>;
}

const RUN_METHODS: readonly string[] = ['all', 'run', 'first', 'raw'];

/**
 * A D1 binding over the real one that remembers every statement's SQL and bound values and hands its
 * runs and batches to `hooks`: the one wrapper behind the metered (metered-d1.ts) and the faulty
 * (faulty-d1.ts) bindings; anything the hooks leave alone goes to the real database.
 */
export function proxyD1(db: D1Database, hooks: D1Hooks): D1Database {
  const textOf = new WeakMap<object, StatementText>();
  const originals = new WeakMap<object, D1PreparedStatement>();
  const wrap = (stmt: D1PreparedStatement, sql: string, params: unknown[] = []): D1PreparedStatement => {
    const text = { sql, params };
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        if (prop === 'bind') return (...args: unknown[]) => wrap(target.bind(...args), sql, args);
        if (RUN_METHODS.includes(String(prop))) {
          const replaced = hooks.run?.(target, prop as RunMethod, text);
          if (replaced) return replaced;
        }
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    originals.set(proxy, stmt);
    textOf.set(proxy, text);
    return proxy;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (sql: string) => wrap(target.prepare(sql), sql);
      if (prop === 'batch') {
        return (statements: D1PreparedStatement[]) =>
          hooks.batch(
            target,
            statements.map((s) => originals.get(s) ?? s),
            statements.map((s) => textOf.get(s)),
          );
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
