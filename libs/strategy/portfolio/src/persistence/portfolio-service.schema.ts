import { BY_NAME, addVersionedFields, indexPageOrder } from '@itsm/persistence';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The `portfolio_services` collection, owned by the strategy service. Fields are
 * validated by the PortfolioServiceFieldsV1 contract before they are stored
 * through PortfolioRepository, so the schema stays open.
 */
@Schema({ collection: 'portfolio_services', versionKey: false, strict: false })
export class PortfolioServiceRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ required: true, index: true })
  state!: string;
}

export const PortfolioServiceSchema = SchemaFactory.createForClass(PortfolioServiceRecord);
addVersionedFields(PortfolioServiceSchema);
indexPageOrder(PortfolioServiceSchema, BY_NAME);
