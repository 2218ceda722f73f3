export * from './built-in-classes';
export * from './attribute-rules';
export * from './relationship-rules';
export * from './impact-walk';
export * from './csv';
export * from './item-rules';
export * from './bulk-write-rules';
