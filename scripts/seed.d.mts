export interface DemoState {
  workspaceId: string;
  tokens: Record<string, string>;
  members: Record<string, string>;
  sources?: Record<string, { id: string; url: string; secret: string }>;
  created: boolean;
}
export type DemoStep = (args: {
  baseUrl: string;
  api: (...args: unknown[]) => Promise<unknown>;
  state: DemoState;
}) => Promise<void>;
export declare const DEMO_STEPS: DemoStep[];
export declare const DEMO_TOKEN_MEMBERS: Record<string, string>;
export declare function seedDemo(options: {
  baseUrl: string;
  adminSecret: string;
  stateFile: string;
  steps?: DemoStep[];
}): Promise<DemoState>;
