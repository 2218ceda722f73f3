import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../http/page.query';
import { RELEASE_STAGES, ReleaseStage } from '../messages/change-vocabulary';

/** Query of GET /api/v1/releases, newest first (cursor: the id, UUIDv7). */
export class ListReleasesQuery extends PageQuery {
  @IsOptional()
  @IsIn(RELEASE_STAGES)
  stage?: ReleaseStage;
}
