import { IsOptional, Matches } from 'class-validator';
import { UUID_PATTERN } from '../../ids/uuid-v7';
import { ITEM_ID_PATTERN } from '../messages/change-vocabulary';
import { IsoInstant } from '../../validation/iso-instant';

/** Most days one calendar read may span. */
export const CHANGE_CALENDAR_MAX_DAYS = 400;

/** Query of GET /api/v1/change-calendar: the period [from, to) (at most CHANGE_CALENDAR_MAX_DAYS), optionally one item's or one service's. */
export class ChangeCalendarQuery {
  @IsoInstant()
  from!: string;

  @IsoInstant()
  to!: string;

  /** Only changes naming this item, and freezes on it or on every item. */
  @IsOptional()
  @Matches(ITEM_ID_PATTERN, { message: 'itemId must be a configuration item id (letters, digits, - and _)' })
  itemId?: string;

  /** Only changes naming this service's item or an item it depends on in the CMDB, and freezes on them or on every item. */
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'serviceId must be the id of a service' })
  serviceId?: string;
}
