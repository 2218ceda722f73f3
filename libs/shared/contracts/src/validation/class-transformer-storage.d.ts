// class-transformer ships its metadata storage as an unexported deep module; this types it.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
