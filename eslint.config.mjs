// ESLint flat config: typescript-eslint's recommended rules (syntactic only, no type information, so
// `npm run lint` stays a few seconds and does not repeat `npm run typecheck`), plus the repo's guards.
// Formatting is prettier's job (.prettierrc.json); no stylistic rules here.
import js from "@eslint/js";
import jest from "eslint-plugin-jest";
import tseslint from "typescript-eslint";

/** Barrel imports of a provider load every resource class of the provider (seconds, not milliseconds). */
const providerBarrels = {
  paths: [
    {
      name: "@cdktf/provider-azurerm",
      message:
        'Import the resource module instead, e.g. "@cdktf/provider-azurerm/lib/key-vault": the barrel loads ~1,100 modules (docs/performance.md).',
    },
    {
      name: "@cdktf/provider-time",
      message: 'Import the resource module instead, e.g. "@cdktf/provider-time/lib/sleep".',
    },
    {
      name: "@cdktf/provider-aws",
      message:
        'Import the resource module instead, e.g. "@cdktf/provider-aws/lib/s3-bucket": the barrel loads ~1,500 modules (docs/performance.md).',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "cdktf.out/",
      "coverage/",
      ".stryker-tmp/",
      "reports/",
      ".gen/",
      "docs/diagrams/",
      "**/__snapshots__/",
      "bench/results.json",
      "bench/last-run.json",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.mts", "**/*.cts"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "no-restricted-imports": ["error", providerBarrels],
      "@typescript-eslint/no-restricted-imports": "off",
      // `_unused` parameters and destructured rest siblings are intentional in this codebase.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Synthesized Terraform JSON is untyped by nature; tests query it through `any`.
    files: ["test/**/*.ts"],
    plugins: { jest },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      // An expectation behind a condition passes silently when the condition is false (issue 13).
      "jest/no-conditional-expect": "error",
    },
  },
  {
    // CommonJS: jest.config.js, reporters, bench helpers.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        exports: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
      "no-restricted-imports": ["error", providerBarrels],
      "no-restricted-modules": "off",
    },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { process: "readonly", console: "readonly" } },
  },
);
