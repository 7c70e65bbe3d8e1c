// Module declarations for the main-process build.

/** electron-vite: `import path from './x?modulePath'` bundles x as its own entry and gives its built path. */
declare module '*?modulePath' {
  const path: string;
  export default path;
}

/** The part of @doyensec/electronegativity's programmatic API that tools/security-scan.ts uses (the package ships no types). */
declare module '@doyensec/electronegativity' {
  export interface ElectronegativityLevel {
    readonly value: number;
    readonly name: string;
  }
  export interface ElectronegativityIssue {
    readonly file: string;
    readonly sample?: string;
    readonly location: { readonly line: number; readonly column: number };
    readonly id: string;
    readonly description: string;
    readonly severity: ElectronegativityLevel;
    readonly confidence: ElectronegativityLevel;
    readonly manualReview: boolean;
    readonly shortenedURL?: string;
  }
  export interface ElectronegativityParseError {
    readonly file: string;
    readonly message: string;
    readonly tolerable: boolean;
  }
  export interface ElectronegativityResult {
    readonly globalChecks: number;
    readonly atomicChecks: number;
    readonly errors: readonly ElectronegativityParseError[];
    readonly issues: readonly ElectronegativityIssue[];
  }
  export interface ElectronegativityOptions {
    input: string;
    output?: string;
    isSarif?: boolean;
    customScan?: string[];
    excludeFromScan?: string[];
    severitySet?: string;
    confidenceSet?: string;
    isRelative?: boolean;
    electronVersionOverride?: string;
    parserPlugins?: string[];
  }
  export default function run(options: ElectronegativityOptions): Promise<ElectronegativityResult>;
}
