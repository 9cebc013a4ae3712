import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'lib/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'off',
      'no-restricted-syntax': ['error', 'TSEnumDeclaration', 'TSModuleDeclaration'],
    },
  },
  {
    // The core is pure: no GitHub client, no host, no Node built-in (STYLE.md, "The house").
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@octokit/*', '@actions/*', 'probot', 'probot/*', 'node:*'],
              message: 'src/core is pure: adapters live in src/github, src/io and the hosts.',
            },
            {
              regex:
                '^(fs|path|os|url|crypto|child_process|worker_threads|http|https|stream|util)(/.*)?$',
              message: 'src/core is pure: no Node built-ins (take what you need as a parameter).',
            },
            {
              regex: '^(\\.\\./)+(action|cli|io|github|app)/',
              message:
                'src/core imports no host or adapter (src/action, src/cli, src/io, src/github, app).',
            },
          ],
        },
      ],
    },
  },
  {
    // Hosts and adapters use a core module only through its index.ts.
    files: [
      'src/action/**/*.ts',
      'src/cli/**/*.ts',
      'src/io/**/*.ts',
      'src/github/**/*.ts',
      'app/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/core/[^/]+/(?!index\\.js$)[^/]+$',
              message: "Import a core module through its index.ts ('…/core/<module>/index.js').",
            },
          ],
        },
      ],
    },
  },
);
