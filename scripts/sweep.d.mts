/** Types for scripts/sweep.mjs (the script runs as plain Node; tests import its helpers). */
export declare const SWEEP_CRON: string;
export declare const SCHEDULED_PATH: string;
export declare function instantOf(at: string | undefined): number;
export declare function scheduledUrl(baseUrl: string, ms: number, cron?: string): string;
export declare function sweep(options: {
  baseUrl: string;
  at?: string;
  cron?: string;
}): Promise<{ outcome: string; at: string; url: string }>;
