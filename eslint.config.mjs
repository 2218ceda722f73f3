import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries: a service's code may import only its own scope and the
 * shared scope; the `type:` dimension keeps domain logic framework-free and
 * contracts dependency-free. `@itsm/testing` is for test files only.
 */
const TEST_FILES = ['**/*.spec.ts', '**/*.integration-spec.ts', 'libs/shared/testing/**'];
const TESTING_ONLY_IN_TESTS = { name: '@itsm/testing', message: '@itsm/testing is for test files only.' };

/**
 * Errors that know the transport: use cases, stores, domain rules and the internal HTTP client throw
 * the project's own errors (@itsm/contracts: NotFoundError, VersionConflictError, RuleViolationError,
 * ...), which one mapping turns into problems over HTTP and one into park-or-retry in the queue
 * consumer. HTTP exceptions (Nest's, and the 429 TooManyRequestsException of @itsm/service-runtime)
 * belong only to the HTTP edge: controllers (health probes included), guards, interceptors, pipes,
 * filters, and the files of service-runtime that define its own (the 429, the 401 for a bad token).
 */
const HTTP_EDGE_FILES = [
  '**/*.controller.ts',
  '**/*.guard.ts',
  '**/*.interceptor.ts',
  '**/*.filter.ts',
  '**/*.pipe.ts',
  'libs/shared/service-runtime/src/http/*.exception.ts',
];
const HTTP_EXCEPTION_MESSAGE =
  "Throw the project's own errors from @itsm/contracts (NotFoundError, VersionConflictError, RuleViolationError, ...); HTTP exceptions belong to controllers, guards, interceptors, pipes and filters.";
/**
 * The classes @nestjs/common exports whose names end in Exception are HttpException and its subclasses
 * (and IntrinsicException, which Nest never logs), so one name pattern covers them all, new ones included,
 * imported from the package or from any deep path (`@nestjs/common/exceptions/...`), by name or as a namespace.
 * @itsm/service-runtime re-exports its 429 exception, which the same pattern covers.
 */
const HTTP_EXCEPTIONS_ONLY_AT_THE_EDGE = [
  { regex: '^@nestjs/common(/.*)?$', importNamePattern: 'Exception$', message: HTTP_EXCEPTION_MESSAGE },
  { regex: '^@itsm/service-runtime$', importNamePattern: 'Exception$', message: HTTP_EXCEPTION_MESSAGE },
];

const scopes = ['gateway', 'operation', 'strategy', 'design', 'transition', 'csi', 'audit'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.itsm/**', '.tools/**', '.nx/**', 'coverage/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      // Type information for the promise rules below: every .ts file belongs to tsconfig.json.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            ...scopes.map((scope) => ({
              sourceTag: `scope:${scope}`,
              onlyDependOnLibsWithTags: [`scope:${scope}`, 'scope:shared'],
            })),
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            // End-to-end tests drive the built apps over HTTP and AMQP; they import no service code, only
            // shared contracts, test helpers and shared pure rules (the access table they derive expectations from).
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing', 'type:domain'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:domain', 'type:contracts', 'type:platform', 'type:testing'],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: ['type:feature', 'type:domain', 'type:contracts', 'type:platform', 'type:testing'],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
              bannedExternalImports: ['@nestjs/*', 'mongoose', 'mongodb', 'amqplib', 'fastify'],
            },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:contracts', 'type:testing'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // A decorated class property may need its type written out even when its initializer implies it: only
      // then does its decorator metadata (design:type) name it, which the OpenAPI generator reads for custom validators.
      '@typescript-eslint/no-inferrable-types': ['error', { ignoreProperties: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // A promise nobody awaits loses its rejection (an unhandled rejection ends the process) and its
      // ordering; one that truly runs detached says so with `void` and a comment.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    ignores: [...TEST_FILES, ...HTTP_EDGE_FILES],
    rules: { 'no-restricted-imports': ['error', { paths: [TESTING_ONLY_IN_TESTS], patterns: HTTP_EXCEPTIONS_ONLY_AT_THE_EDGE }] },
  },
  {
    files: HTTP_EDGE_FILES,
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', { paths: [TESTING_ONLY_IN_TESTS] }] },
  },
  {
    // FerretDB 1.24 holds a PostgreSQL connection per statement of an update command until the command ends, so
    // one long bulkWrite stalls the whole server (docs/ARCHITECTURE.md, "Bulk writes stay short on FerretDB").
    files: ['**/*.ts'],
    ignores: [...TEST_FILES, 'libs/shared/persistence/src/bounded-bulk-write/bounded-bulk-write.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='bulkWrite']", message: 'Use boundedBulkWrite of @itsm/persistence: a long bulkWrite stalls FerretDB (docs/ARCHITECTURE.md, "Bulk writes stay short on FerretDB").' },
      ],
    },
  },
];
