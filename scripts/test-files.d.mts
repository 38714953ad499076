/** Types for scripts/test-files.mjs (read by test/test-list.test.ts). */
export declare const ROOT: string;
export declare const TEST_PATTERNS: readonly string[];
export declare const LAST_PATTERNS: readonly string[];
export declare const NOT_TESTS: readonly string[];
export declare function patternToRegExp(pattern: string): RegExp;
export declare function listFiles(root?: string): string[];
export declare function expandTestFiles(root?: string): string[];
