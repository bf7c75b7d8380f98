/**
 * @actions/core imports its HTTP client (and undici with it) only to fetch OIDC
 * tokens, which Port Zero never asks for; loading it took about 95 ms and 26 MiB
 * of every step's start-up. The bundle maps `@actions/http-client` here
 * (tsconfig.json "paths"): this stand-in loads the real client, as a separate
 * chunk, the first time a method is called.
 */
type Real = typeof import('../../node_modules/@actions/http-client/lib/index.js');

let real: Promise<Real> | undefined;
const load = () => (real ??= import('../../node_modules/@actions/http-client/lib/index.js'));

// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- @actions/core calls `new HttpClient(...)`
export class HttpClient {
  constructor(...args: unknown[]) {
    const client = load().then((m) => new m.HttpClient(...(args as ConstructorParameters<Real['HttpClient']>)));
    // Every method (getJson, post, ...) waits for the real client, then calls it.
    return new Proxy(this, {
      get:
        (_, method: string) =>
        async (...params: unknown[]) => {
          const target = (await client) as unknown as Record<string, (...a: unknown[]) => unknown>;
          return target[method](...params);
        },
    });
  }
}
