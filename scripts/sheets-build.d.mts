export declare const BUNDLE_BUDGET_BYTES: number;
export declare function entryPoints(): Promise<string[]>;
export declare function buildAddon(): Promise<{ names: string[]; bytes: number }>;
