// @ts-check
// Nx plugin (nx.json "plugins") that gives every project under apps/ and libs/ its `test` target,
// and every application with a tsconfig.app.json its `build` target, so a new project needs only
// its project.json. `lint` comes from @nx/eslint/plugin.
//
// Tests keep the repository's single jest setup (jest.config.js: the unit and integration
// projects, compiled with SWC): a project's `test` runs both on the project's folder, in band as
// `npm test` does, because integration suites share one broker and database server.
const { existsSync } = require('node:fs');
const path = require('node:path');

/** What a test run reads outside the project's folder: the jest setup and the integration servers' launcher. */
const TEST_INPUTS = [
  'default',
  '^default',
  '{workspaceRoot}/jest.config.js',
  '{workspaceRoot}/.swcrc',
  '{workspaceRoot}/tools/infra/**/*',
  '{workspaceRoot}/tools/jest/**/*',
];
/** The apps' deployment specs also check k8s/ and docker-compose.yml. */
const APP_TEST_INPUTS = ['{workspaceRoot}/k8s/**/*', '{workspaceRoot}/docker-compose.yml'];

/** @type {import('@nx/devkit').CreateNodes} */
exports.createNodes = [
  '{apps,libs}/**/project.json',
  (projectFiles, _options, context) =>
    projectFiles.map((projectFile) => {
      const root = path.posix.dirname(projectFile);
      const isApp = root.startsWith('apps/');
      /** @type {Record<string, import('@nx/devkit').TargetConfiguration>} */
      const targets = {
        test: {
          // The end-to-end suites start the built apps (dist/), which are their implicit dependencies.
          command: `jest --selectProjects unit integration --runInBand --passWithNoTests ./${root}/`,
          dependsOn: ['^build'],
          inputs: isApp ? [...TEST_INPUTS, ...APP_TEST_INPUTS] : TEST_INPUTS,
          // Not cached: integration suites run against live servers. One test run at a time, as above.
          cache: false,
          parallelism: false,
          metadata: { description: `Unit and integration tests under ${root}/ (root jest.config.js)` },
        },
      };
      if (existsSync(path.join(context.workspaceRoot, root, 'tsconfig.app.json'))) {
        targets.build = {
          // The app and the libraries it imports, into dist/ as `npm run build` lays them out;
          // tsc-alias then rewrites the @itsm/* paths in everything under dist/.
          command: `tsc -p ${root}/tsconfig.app.json && tsc-alias -p tsconfig.build.json`,
          inputs: ['production', '^production', '{workspaceRoot}/tsconfig.build.json'],
          // Apps share the compiled libraries in dist/libs: builds run one at a time, so no tsc
          // rewrites a file another build's tsc-alias is reading. Not cached: a build restored from
          // the cache would bring back its app without the libraries compiled beside it.
          cache: false,
          parallelism: false,
          metadata: { description: `Compiles ${root} to dist/${root}/src/main.js` },
        };
      }
      return [projectFile, { projects: { [root]: { targets } } }];
    }),
];
