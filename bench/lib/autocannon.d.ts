/** The part of autocannon 9's API the benches use (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  namespace autocannon {
    type Histogram = { average: number; p50: number; p90: number; p99: number; max: number };
    type Result = { duration: number; errors: number; timeouts: number; latency: Histogram; requests: Histogram & { total: number } };
    type Request = {
      setupRequest?: (req: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown> | undefined;
      onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
    };
    type Options = {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      timeout?: number;
      method?: string;
      requests?: Request[];
    };
    type Instance = EventEmitter & { stop(): void };
  }
  function autocannon(opts: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
