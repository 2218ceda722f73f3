import { NotFoundError } from '@itsm/contracts';
import { AddRelationshipRequest, RelationshipView } from '@itsm/contracts/transition';
import { Origin, RequestOrigin, recordId } from '@itsm/service-runtime';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { RelationshipRepository } from '../persistence/relationship.repository';
import { AddRelationship } from './add-relationship.use-case';
import { relationshipView } from './relationship-event.mapper';

/** The transition service's relationship routes, called by the gateway. */
@Controller('v1/cmdb/relationships')
export class RelationshipController {
  constructor(
    private readonly addRelationship: AddRelationship,
    private readonly relationships: RelationshipRepository,
  ) {}

  @Post()
  @HttpCode(201)
  async add(@Body() { type, fromItemId, toItemId }: AddRelationshipRequest, @Origin() origin: RequestOrigin): Promise<RelationshipView> {
    return relationshipView(await this.addRelationship.add({ type, fromItemId, toItemId }, origin));
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<RelationshipView> {
    const found = await this.relationships.findById(recordId(id, 'relationship'));
    if (!found) throw new NotFoundError('relationship', id);
    return relationshipView(found);
  }
}
