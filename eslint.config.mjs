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
 * Errors that know the transport: use cases, stores and domain rules throw the project's own
 * errors (@itsm/contracts: NotFoundError, VersionConflictError, RuleViolationError, ...), which one
 * mapping turns into problems over HTTP and one into park-or-retry in the queue consumer. Nest's
 * HTTP exceptions belong only to the HTTP edge: controllers, guards, interceptors, pipes, filters
 * and the internal HTTP clients and health probes.
 */
const HTTP_EDGE_FILES = [
  '**/*.controller.ts',
  '**/*.guard.ts',
  '**/*.interceptor.ts',
  '**/*.filter.ts',
  '**/*.pipe.ts',
  '**/*-http-client.ts',
  'libs/shared/service-runtime/src/http/**',
];
const HTTP_EXCEPTIONS_ONLY_AT_THE_EDGE = {
  name: '@nestjs/common',
  importNames: [
    'HttpException',
    'BadRequestException',
    'UnauthorizedException',
    'ForbiddenException',
    'NotFoundException',
    'MethodNotAllowedException',
    'NotAcceptableException',
    'RequestTimeoutException',
    'ConflictException',
    'GoneException',
    'PreconditionFailedException',
    'PayloadTooLargeException',
    'UnsupportedMediaTypeException',
    'UnprocessableEntityException',
    'InternalServerErrorException',
    'NotImplementedException',
    'BadGatewayException',
    'ServiceUnavailableException',
    'GatewayTimeoutException',
  ],
  message: 'Throw the project\'s own errors from @itsm/contracts (NotFoundError, VersionConflictError, RuleViolationError, ...); HTTP exceptions belong to controllers, guards, interceptors and filters.',
};

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
            // End-to-end tests drive the built apps over HTTP and AMQP; they import no service code.
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing'] },
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
    rules: { 'no-restricted-imports': ['error', { paths: [TESTING_ONLY_IN_TESTS, HTTP_EXCEPTIONS_ONLY_AT_THE_EDGE] }] },
  },
  {
    files: HTTP_EDGE_FILES,
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', { paths: [TESTING_ONLY_IN_TESTS] }] },
  },
];
