import { ArrayMaxSize, IsIn, IsString, MaxLength } from 'class-validator';
import { NonEmptyText } from '../validation/non-empty-text';
import { ROLES, Role } from './roles';

/** The verified caller as commands carry it, so a service can decide by role and group (v1 of its shape). */
export class ActorV1 {
  @NonEmptyText(200)
  userId!: string;

  @IsIn(ROLES, { each: true })
  @ArrayMaxSize(ROLES.length)
  roles!: Role[];

  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @ArrayMaxSize(200)
  groups!: string[];
}
