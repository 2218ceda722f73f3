import { formatValidationIssues, validatePlain } from '@itsm/contracts';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads configuration once, at boot, from the environment into a validated,
 * typed object. Properties of the config class are the environment variable
 * names; class-transformer decorators convert strings to numbers and lists.
 * Unknown variables are ignored (the environment holds far more than ours).
 */
export function loadConfig<T extends object>(schema: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const variables = configVariables(schema);
  const ours = Object.fromEntries(Object.entries(env).filter(([key]) => variables.has(key)));
  const result = validatePlain(schema, ours, { forbidUnknown: false });
  if (!result.ok) {
    throw new ConfigError(`invalid configuration: ${formatValidationIssues(result.issues)}`);
  }
  return result.value;
}

/** The environment variables a config class reads: its properties, which all have defaults. */
export function configVariables(schema: new () => object): Set<string> {
  return new Set(Object.keys(new schema()));
}
