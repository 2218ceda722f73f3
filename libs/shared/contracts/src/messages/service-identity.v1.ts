import { IsIn } from 'class-validator';
import { NonEmptyText } from '../validation/non-empty-text';

/** Business services are what customers consume; technical services support them. */
export const SERVICE_TYPES = ['business', 'technical'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** What names a service wherever it appears: in the strategy portfolio and in the design catalogue (v1 of its shape). */
export class ServiceIdentityV1 {
  @NonEmptyText(200)
  name!: string;

  @NonEmptyText(5_000)
  description!: string;

  @IsIn(SERVICE_TYPES)
  type!: ServiceType;

  /** The accountable service owner (user id in the identity provider). */
  @NonEmptyText(100)
  ownerId!: string;
}
