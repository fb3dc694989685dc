// The bench's floor: a Worker that stores each delivery with one D1 insert and answers 202 — what
// "store first" costs at the least on this machine. Started beside LeadPact by bench/run.mjs.
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (url.pathname === '/setup') {
      await env.DB.prepare(
        'create table if not exists deliveries (id text primary key, body text not null, created_at text not null)',
      ).run();
      return new Response('ok');
    }
    const body = await request.text();
    const id = crypto.randomUUID();
    await env.DB.prepare('insert into deliveries (id, body, created_at) values (?, ?, ?)')
      .bind(id, body, new Date().toISOString())
      .run();
    return Response.json({ id }, { status: 202 });
  },
};
