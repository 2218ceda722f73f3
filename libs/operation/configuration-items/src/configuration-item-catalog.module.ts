import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ConfigurationItemReferences } from './configuration-item-references/configuration-item-references';
import { ConfigurationItemCopyRepository } from './persistence/configuration-item-copy.repository';
import { ConfigurationItemCopyRecord, ConfigurationItemCopySchema } from './persistence/configuration-item-copy.schema';

/**
 * Operation's copy of the CMDB's items (`configuration_items`) and its one reference check,
 * ConfigurationItemReferences, for every role that writes a record naming an item. Needs PersistenceModule.
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: ConfigurationItemCopyRecord.name, schema: ConfigurationItemCopySchema }])],
  providers: [ConfigurationItemCopyRepository, ConfigurationItemReferences],
  exports: [ConfigurationItemCopyRepository, ConfigurationItemReferences],
})
export class ConfigurationItemCatalogModule {}
