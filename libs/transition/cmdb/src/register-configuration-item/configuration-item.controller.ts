import { ConfigurationItemFieldsV1, ConfigurationItemView, RegisterConfigurationItemRequest, ReviseConfigurationItemRequest } from '@itsm/contracts/transition';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { configurationItemView } from '../configuration-item-query/configuration-item-view.mapper';
import { RegisterConfigurationItem } from './register-configuration-item.use-case';

/** The transition service's configuration item writes, called by the gateway. */
@Controller('v1/cmdb/items')
export class ConfigurationItemController {
  constructor(private readonly registerItem: RegisterConfigurationItem) {}

  @Post()
  @HttpCode(201)
  async register(@Body() body: RegisterConfigurationItemRequest, @Origin() origin: RequestOrigin): Promise<ConfigurationItemView> {
    return configurationItemView(await this.registerItem.register(itemFields(body), origin));
  }

  @Put(':id')
  async revise(@Param('id') id: string, @Body() body: ReviseConfigurationItemRequest, @Origin() origin: RequestOrigin): Promise<ConfigurationItemView> {
    return configurationItemView(await this.registerItem.revise(recordId(id, 'configuration item'), body.expectedVersion, itemFields(body), origin));
  }
}

/** The item's fields of a request, without the request's own (expectedVersion) and without absent optional ones. */
export function itemFields({ classKey, name, owner, supportGroup, lifecycleState, attributes, externalId }: ConfigurationItemFieldsV1): ConfigurationItemFieldsV1 {
  return {
    classKey,
    name,
    ...(owner === undefined ? {} : { owner }),
    ...(supportGroup === undefined ? {} : { supportGroup }),
    lifecycleState,
    attributes: { ...attributes },
    ...(externalId === undefined ? {} : { externalId }),
  };
}
