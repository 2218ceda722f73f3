import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Business services are what customers consume; technical services support them. */
export const SERVICE_TYPES = ['business', 'technical'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** What names a service wherever it appears: in the strategy portfolio and in the design catalogue (v1 of its shape). */
export class ServiceIdentityV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
  description!: string;

  @IsIn(SERVICE_TYPES)
  type!: ServiceType;

  /** The accountable service owner (user id in the identity provider). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  ownerId!: string;
}
