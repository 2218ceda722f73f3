import { ConfigError, loadConfig } from './load-config';
import { MongoEnv, portProperty } from './common-env';

class ExampleConfig extends MongoEnv {
  @portProperty()
  EXAMPLE_PORT = 3000;
}

const valid = { ITSM_AMQP_URL: 'amqp://guest:guest@localhost:5672', ITSM_MONGO_URL: 'mongodb://localhost:27017/' };

describe('loadConfig', () => {
  it('reads, converts and keeps defaults', () => {
    const config = loadConfig(ExampleConfig, { ...valid, EXAMPLE_PORT: '8080', UNRELATED: 'x' });
    expect(config.EXAMPLE_PORT).toBe(8080);
    expect(config.ITSM_MONGO_URL).toBe(valid.ITSM_MONGO_URL);
    expect(loadConfig(ExampleConfig, valid).EXAMPLE_PORT).toBe(3000);
  });

  it('refuses a bad configuration and names every offending variable', () => {
    const load = () => loadConfig(ExampleConfig, { ITSM_AMQP_URL: 'http://nope', EXAMPLE_PORT: '70000' });
    expect(load).toThrow(ConfigError);
    for (const name of ['ITSM_AMQP_URL', 'ITSM_MONGO_URL', 'EXAMPLE_PORT']) expect(load).toThrow(name);
  });
});
